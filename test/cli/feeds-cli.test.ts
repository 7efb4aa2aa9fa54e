import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../../src/ingest/feeds/opml.ts';
import { sendBody, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
let dir: string;
let env: NodeJS.ProcessEnv;
let server: FeedServer;

async function newsbot(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'bin/newsbot.js'), ...args], { cwd: dir, env, maxBuffer: 20 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-feeds-cli-'));
  env = { ...process.env, NEWSBOT_DB: join(dir, 'newsbot.db'), NEWSBOT_ALLOW_PRIVATE_URLS: 'true', LOG_LEVEL: 'warn', CI: 'true' };
  delete env.DISCORD_TOKEN;
  delete env.SLACK_BOT_TOKEN;
  server = await startFeedServer();
  server.route('/fresh.xml', (req, res, url) => {
    const item = (guid: string, date: Date) =>
      `<item><guid>${guid}</guid><title>Item ${guid}</title><link>http://example.org/${guid}</link><pubDate>${date.toUTCString()}</pubDate><description>The council met on the ${guid} budget and decided to fund the new harbour works this year.</description></item>`;
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fresh</title>${item('today', new Date())}${item('old-1', new Date('2020-01-01'))}${item('old-2', new Date('2020-02-01'))}</channel></rss>`;
    return sendBody(req, res, url, Buffer.from(xml));
  });
  server.route('/site', (_req, res) =>
    void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><link rel="alternate" type="application/atom+xml" href="/feeds/rss-parser/heise.atom"></head><body>Site</body></html>'),
  );
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each run starts a Node process; on a loaded machine that takes seconds.
describe('newsbot feeds import | export | add, run as an operator would', { timeout: 180_000 }, () => {
  it('GIVEN an OPML file with nested folders, a duplicate and bad addresses THEN each feed is added once with its title and the rest is reported', async () => {
    const opml = join(dir, 'subscriptions.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My reader</title></head>
  <body>
    <outline text="World">
      <outline text="Narro &amp; Co" type="rss" xmlUrl="${server.url}/feeds/rss-parser/narro.rss"/>
      <outline text="Europe">
        <outline title="Heise" text="heise" type="rss" xmlUrl="${server.url}/feeds/rss-parser/heise.atom"/>
      </outline>
    </outline>
    <outline text="Narro again" type="rss" xmlUrl="${server.url}/feeds/rss-parser/narro.rss"/>
    <outline text="Typo" type="rss" xmlUrl="htp://typo"/>
    <outline text="No address" type="rss"/>
  </body>
</opml>
`,
    );
    const first = await newsbot('feeds', 'import', opml);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`added ${server.url}/feeds/rss-parser/narro.rss  (Narro & Co)  in World`);
    expect(first.stdout).toContain(`added ${server.url}/feeds/rss-parser/heise.atom  (Heise)  in World / Europe`);
    expect(first.stdout).toContain('2 added, 1 already there, 2 refused.');
    expect(first.stderr).toContain('subscriptions.opml:11: ');
    expect(first.stderr).toContain('narro.rss is already followed');
    expect(first.stderr).toMatch(/subscriptions\.opml:12: "htp:\/\/typo" is not an http\(s\) address/);
    expect(first.stderr).toContain('subscriptions.opml:13: "No address" has no xmlUrl; skipped');

    const again = await newsbot('feeds', 'import', opml);
    expect(again.stdout).toContain('0 added, 3 already there, 2 refused.');
    const list = await newsbot('feeds', 'list');
    expect(list.stdout.match(/narro\.rss/g)).toHaveLength(1);
    expect(list.stdout).toContain('(Heise)');
  });

  it('GIVEN followed feeds THEN export prints valid OPML 2.0 that imports back to the same feeds', async () => {
    const { stdout, code } = await newsbot('feeds', 'export');
    expect(code).toBe(0);
    expect(XMLValidator.validate(stdout)).toBe(true);
    expect(stdout).toMatch(/<opml version="2.0">/);
    expect(stdout).toContain('text="Narro &amp; Co"');
    const back = parseOpml(stdout);
    expect(back.feeds.map((f) => [f.url, f.title]).sort()).toEqual(
      [
        [`${server.url}/feeds/rss-parser/heise.atom`, 'Heise'],
        [`${server.url}/feeds/rss-parser/narro.rss`, 'Narro & Co'],
      ].sort(),
    );
    const file = join(dir, 'out.opml');
    expect((await newsbot('feeds', 'export', '--output', file)).stdout).toContain('Wrote 2 feeds');
    expect(readFileSync(file, 'utf8')).toBe(stdout.replace(/<dateCreated>[^<]*</, readFileSync(file, 'utf8').match(/<dateCreated>[^<]*</)![0]));
  });

  it('GIVEN a file that is no OPML THEN import stops with one line naming the file and line, and adds nothing', async () => {
    const bad = join(dir, 'bad.opml');
    writeFileSync(bad, '<opml><body><outline text="x"></body></opml>');
    const { stderr, code } = await newsbot('feeds', 'import', bad);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/bad\.opml:1: not well-formed XML/);
  });

  it('GIVEN feeds add with htp://typo, a site page, or a feed already there THEN the CLI answers as /feeds add does', async () => {
    const typo = await newsbot('feeds', 'add', 'htp://typo');
    expect(typo.code).not.toBe(0);
    expect(typo.stderr).toContain('"htp://typo" is not an http(s) address');
    const site = await newsbot('feeds', 'add', `${server.url}/site`);
    expect(site.stdout).toContain(`${server.url}/feeds/rss-parser/heise.atom (found on ${server.url}/site) is already there; nothing was added.`);
    const dup = await newsbot('feeds', 'add', `${server.url}/feeds/rss-parser/narro.rss`);
    expect(dup.stdout).toContain('is already there; nothing was added.');
  });

  it('GIVEN a new feed THEN feeds poll says how many recent items its first read kept and how many older ones it skipped', async () => {
    const url = `${server.url}/fresh.xml`;
    expect((await newsbot('feeds', 'add', url)).code).toBe(0);
    const { stdout } = await newsbot('feeds', 'poll');
    expect(stdout).toContain(`${url}: first read, kept 1 recent item, skipped 2 older than 30 days (NEWSBOT_FEED_MAX_AGE_DAYS)`);
  });
});
