import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { createHttpClient, type HttpClient } from '../../src/ingest/http/fetch.ts';
import { loadInputs } from '../../src/ingest/inputs.ts';
import { feedFixturesDir, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

let server: FeedServer;
let http: HttpClient;
let dir: string;
const clock = new ManualClock('2026-11-20T00:00:00Z');

beforeAll(async () => {
  server = await startFeedServer();
  http = createHttpClient({ allowPrivate: false, trustedOrigins: [server.url], sleep: async () => undefined, retries: 0 });
  dir = mkdtempSync(join(tmpdir(), 'newsbot-inputs-'));
  writeFileSync(join(dir, 'a-story.txt'), 'Ferry service resumes\n\nThe ferry between the islands runs again from Monday, the operator said.\n');
  writeFileSync(join(dir, 'b-story.json'), JSON.stringify({ title: 'Museum reopens', source: 'City Paper', text: 'The museum reopened on Saturday after a two-year renovation.' }));
  writeFileSync(join(dir, 'c-broken.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Half');
  copyFileSync(join(feedFixturesDir, 'rss-parser/heraldsun.rss'), join(dir, 'd-feed.rss'));
  writeFileSync(join(dir, 'notes.md'), '# not an input');
  writeFileSync(
    join(dir, 'e-feed.json'),
    JSON.stringify({ version: 'https://jsonfeed.org/version/1', title: 'JSON Wire', items: [{ id: 'https://json.example/1', url: 'https://json.example/1', title: 'Tram line opens', content_text: 'The new tram line opened on Sunday with free rides all day.' }] }),
  );
});
afterAll(async () => {
  await http.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('loading inputs', () => {
  it('GIVEN a folder THEN its articles and feeds load in name order and the broken feed is one warning', async () => {
    const { articles, warnings } = await loadInputs([dir], { clock });
    expect(articles.map((article) => article.title)).toEqual(['Ferry service resumes', 'Museum reopens', 'The First Item', 'The Second Item', 'Tram line opens']);
    expect(articles[0]?.id).toBe('a-story');
    // The item names its outlet with <source>, which beats the feed's title.
    expect(articles[2]?.source).toBe('Another Site');
    expect(articles[2]?.feedUrl).toBe(join(dir, 'd-feed.rss'));
    expect(warnings).toEqual([`${join(dir, 'c-broken.xml')}: not a feed (unexpected end of document)`]);
  });

  it('GIVEN a folder whose articles sit in subfolders THEN digest FOLDER finds them there, leaving hidden folders out', async () => {
    const tree = join(dir, 'archive');
    mkdirSync(join(tree, '2026', '11'), { recursive: true });
    mkdirSync(join(tree, 'world'));
    mkdirSync(join(tree, '.cache'));
    writeFileSync(join(tree, '2026', '11', 'bridge.txt'), 'Bridge approved\n\nThe council approved the new bridge on Tuesday.\n');
    writeFileSync(join(tree, 'world', 'summit.json'), JSON.stringify({ title: 'Summit ends', source: 'Wire', text: 'The summit ended on Friday with a joint statement.' }));
    writeFileSync(join(tree, '.cache', 'stale.txt'), 'Stale\n\nNever read.\n');
    const { articles, warnings } = await loadInputs([tree], { clock });
    expect(articles.map((article) => article.title)).toEqual(['Bridge approved', 'Summit ends']);
    expect(warnings).toEqual([]);
    rmSync(tree, { recursive: true, force: true });
  });

  it('GIVEN a missing file among good inputs THEN it is one warning and the rest still load', async () => {
    const progress: Array<[number, number]> = [];
    const { articles, warnings } = await loadInputs([join(dir, 'nope.txt'), join(dir, 'a-story.txt')], {
      clock,
      onProgress: (done, total) => void progress.push([done, total]),
    });
    expect(articles).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/nope\.txt: no such file, folder or URL/);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it('GIVEN a feed URL THEN its items become articles that remember the feed', async () => {
    const url = `${server.url}/feeds/feed-rs/rss_2.0_nbcny.xml?gzip=1`;
    const { articles, warnings } = await loadInputs([url], { http: http.get, clock, fullArticles: false });
    expect(warnings).toEqual([]);
    expect(articles).toHaveLength(1);
    expect(articles[0]?.source).toBe('NBC New York');
    expect(articles[0]?.feedUrl).toBe(url);
    // The guid is a bare number, unique only inside its feed, so the link identifies the item.
    expect(articles[0]?.id).toBe(articles[0]?.url);
    expect(articles[0]?.url).toMatch(/^https:\/\/www\.nbcnewyork\.com\/news\//);
    expect(articles[0]?.paragraphs.join(' ')).toContain('Manhattan sidewalk');
  });

  it('GIVEN a slow feed URL before a file THEN both load and keep the order they were given in', async () => {
    const slow = `${server.url}/feeds/rss-parser/heraldsun.rss?delay=150`;
    const { articles } = await loadInputs([slow, join(dir, 'a-story.txt')], { http: http.get, clock, fullArticles: false });
    expect(articles.map((article) => article.title)).toEqual(['The First Item', 'The Second Item', 'Ferry service resumes']);
  });

  it('GIVEN a page URL THEN it is read as one article', async () => {
    server.route('/story.html', (req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html; charset=windows-1251' })
        .end(encode1251('<html><head><title>Погода</title></head><body><article><h1>Погода</h1><p>Завтра в Москве ожидается снег и сильный ветер, сообщили синоптики в понедельник вечером.</p><p>Температура опустится до минус десяти градусов.</p></article></body></html>')),
    );
    const { articles, warnings } = await loadInputs([`${server.url}/story.html`], { http: http.get, clock });
    expect(warnings).toEqual([]);
    expect(articles[0]?.paragraphs.join(' ')).toContain('Завтра в Москве ожидается снег');
  });

  it('GIVEN a URL on a private address THEN it is refused with a warning naming it', async () => {
    const { articles, warnings } = await loadInputs(['http://10.0.0.1/feed.xml', join(dir, 'a-story.txt')], {
      http: createHttpClient({ allowPrivate: false, retries: 0 }).get,
      clock,
    });
    expect(articles).toHaveLength(1);
    expect(warnings[0]).toMatch(/^http:\/\/10\.0\.0\.1\/feed\.xml: refused, it points at a private or local address/);
  });

  it('GIVEN feed items whose links point at private addresses THEN their pages are never fetched and the teasers stay', async () => {
    const { articles, warnings } = await loadInputs([`${server.url}/private-link.xml`], { http: http.get, clock });
    expect(warnings).toEqual([]);
    expect(articles.map((article) => [article.url, article.teaserOnly])).toEqual([
      ['http://169.254.169.254/latest/meta-data/', true],
      ['http://10.0.0.1/admin', true],
    ]);
  });

  it('GIVEN a feed URL that answers 404 THEN the warning names it and says what to do', async () => {
    const { warnings } = await loadInputs([`${server.url}/feeds/missing.xml`], { http: http.get, clock });
    expect(warnings).toEqual([`${server.url}/feeds/missing.xml: the server answered HTTP 404; the feed is gone, check its address or remove it`]);
  });
});

/** windows-1251 bytes for Cyrillic and ASCII text (the encoder the test needs, nothing more). */
function encode1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((char) => table.get(char) ?? 0x3f));
}
