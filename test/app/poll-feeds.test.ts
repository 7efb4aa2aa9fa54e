import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { createHttpClient, type HttpClient } from '../../src/ingest/http/fetch.ts';
import { PollMemory } from '../../src/app/poll-memory.ts';
import { checkFeed, pollFeeds } from '../../src/app/poll-feeds.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { sendBody, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

const words = (topic: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${topic} sentence ${i} tells readers what the council decided about the ${topic} budget today.`).join(' ');

interface TestItem {
  guid: string;
  title: string;
  link: string;
  date: string;
  html: string;
}

function rss(title: string, items: TestItem[]): string {
  const entries = items
    .map((item) => `<item><guid>${item.guid}</guid><title>${item.title}</title><link>${item.link.replace(/&/g, '&amp;')}</link><pubDate>${new Date(item.date).toUTCString()}</pubDate><description><![CDATA[${item.html}]]></description></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://example.org/</link>${entries}</channel></rss>`;
}

let server: FeedServer;
let dir: string;
let store: Store;
let http: HttpClient;
const clock = new ManualClock('2026-11-20T12:00:00Z');

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-poll-'));
  store = openStore(join(dir, 'newsbot.db'));
  // The test server is trusted by origin; every other private address stays refused.
  http = createHttpClient({ allowPrivate: false, trustedOrigins: [server.url], sleep: async () => undefined, retries: 1, totalTimeoutMs: 3_000 });
});
afterEach(async () => {
  store.close();
  await http.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('polling feeds', () => {
  it('GIVEN a good, a broken and a damaged feed THEN each gets its own health and the good ones are stored', async () => {
    const good = `${server.url}/feeds/rss-parser/narro.rss?etag=1`;
    const broken = `${server.url}/status/500`;
    const damaged = `${server.url}/feeds/synthetic-malformed/node-feedparser__saxerror.xml`;
    for (const url of [good, broken, damaged]) await store.addFeed({ url });
    const report = await pollFeeds(store, { http, clock: new ManualClock('2015-03-01T00:00:00Z'), maxAgeDays: 3650, fullArticles: false });

    const byUrl = new Map((await store.listFeeds()).map((feed) => [feed.url, feed]));
    expect(byUrl.get(good)?.health).toBe('ok');
    expect(byUrl.get(good)?.title).toBe('foobar on Narro');
    expect(byUrl.get(good)?.etag).toBeTruthy();
    expect(byUrl.get(broken)?.health).toBe('failing');
    expect(byUrl.get(broken)?.failingSince).toBe('2015-03-01T00:00:00.000Z');
    expect(byUrl.get(broken)?.lastError).toBe('the server answered HTTP 500; the site has a problem, try again later');
    expect(byUrl.get(damaged)?.health).toBe('degraded');
    expect(byUrl.get(damaged)?.itemCount).toBe(3);
    expect(report.failing).toBe(1);
    expect(report.new).toBe(4);
    expect(await store.countArticles()).toBe(4);
  });

  it('GIVEN an unchanged feed with an ETag THEN the second poll costs a 304 and stores nothing new', async () => {
    const url = `${server.url}/feeds/rss-parser/heraldsun.rss?etag=1`;
    await store.addFeed({ url });
    const first = await pollFeeds(store, { http, clock, fullArticles: false });
    const second = await pollFeeds(store, { http, clock, fullArticles: false });
    expect(first.new).toBe(2);
    expect(second.notModified).toBe(1);
    expect(second.new).toBe(0);
    expect((await store.getFeed(url))?.health).toBe('ok');
    expect(await store.countArticles()).toBe(2);
  });

  it('GIVEN a server without ETags that sends the same bytes again THEN the feed is not parsed again', async () => {
    let served = 0;
    server.route('/no-etag.xml', (req, res, url) => {
      served++;
      sendBody(req, res, url, Buffer.from(rss('Same', [{ guid: 'urn:test:same-1', title: 'Same story', link: 'http://example.org/same', date: '2026-11-20T08:00:00Z', html: `<p>${words('same', 30)}</p>` }])));
    });
    await store.addFeed({ url: `${server.url}/no-etag.xml` });
    const first = await pollFeeds(store, { http, clock });
    const second = await pollFeeds(store, { http, clock });
    expect(served).toBe(2);
    expect(first.new).toBe(1);
    expect(second.notModified).toBe(1);
    expect(second.feeds[0]?.health).toBe('ok');
  });

  it('GIVEN an item whose text changed between polls THEN it is updated in place, not posted as new', async () => {
    let version = 1;
    server.route('/changing.xml', (req, res, url) => {
      const text = version === 1 ? words('harbour', 30) : words('harbour', 30) + ' Correction: the vote was 7 to 2, not 6 to 3.';
      sendBody(req, res, url, Buffer.from(rss('Harbour News', [{ guid: 'urn:test:harbour-1', title: 'Council approves harbour budget', link: 'http://example.org/harbour', date: '2026-11-20T08:00:00Z', html: `<p>${text}</p>` }])));
    });
    await store.addFeed({ url: `${server.url}/changing.xml` });
    const first = await pollFeeds(store, { http, clock });
    version = 2;
    const second = await pollFeeds(store, { http, clock });
    const third = await pollFeeds(store, { http, clock });
    // After a restart nothing is remembered: the store's copy is compared instead.
    const afterRestart = await pollFeeds(store, { http, clock, memory: new PollMemory() });
    expect(first.new).toBe(1);
    expect(afterRestart.new + afterRestart.updated).toBe(0);
    expect(afterRestart.duplicates).toBe(1);
    expect(second.new).toBe(0);
    expect(second.updated).toBe(1);
    expect(third.updated + third.new).toBe(0);
    expect(await store.countArticles()).toBe(1);
    expect((await store.getAnalysis('urn:test:harbour-1'))?.article.paragraphs.join(' ')).toContain('Correction');
  });

  it('GIVEN the same article under another guid with tracking parameters THEN it is a duplicate', async () => {
    const item = { title: 'Bridge reopens after repairs', date: '2026-11-19T08:00:00Z', html: `<p>${words('bridge', 30)}</p>` };
    server.route('/outlet-a.xml', (req, res, url) =>
      sendBody(req, res, url, Buffer.from(rss('Outlet A', [{ ...item, guid: 'urn:test:a-1', link: 'https://example.org/bridge' }]))),
    );
    server.route('/outlet-a-mirror.xml', (req, res, url) =>
      sendBody(req, res, url, Buffer.from(rss('Outlet A', [{ ...item, guid: 'urn:test:mirror-1', link: 'https://EXAMPLE.org/bridge?utm_source=rss&utm_medium=feed#top' }]))),
    );
    await store.addFeed({ url: `${server.url}/outlet-a.xml` });
    const first = await pollFeeds(store, { http, clock });
    await store.addFeed({ url: `${server.url}/outlet-a-mirror.xml` });
    const second = await pollFeeds(store, { http, clock, feeds: [`${server.url}/outlet-a-mirror.xml`] });
    expect(first.new).toBe(1);
    expect(second.new).toBe(0);
    expect(second.duplicates).toBe(1);
    expect(await store.countArticles()).toBe(1);
  });

  it('GIVEN items from the future and from long ago THEN the future one is dated now and the old one skipped', async () => {
    server.route('/dates.xml', (req, res, url) =>
      sendBody(req, res, url, Buffer.from(rss('Dates', [
        { guid: 'urn:test:future', title: 'Tomorrow, already', link: 'http://example.org/future', date: '2027-01-01T00:00:00Z', html: `<p>${words('future', 30)}</p>` },
        { guid: 'urn:test:ancient', title: 'Old news', link: 'http://example.org/ancient', date: '2026-01-01T00:00:00Z', html: `<p>${words('ancient', 30)}</p>` },
      ]))),
    );
    await store.addFeed({ url: `${server.url}/dates.xml` });
    const report = await pollFeeds(store, { http, clock });
    expect(report.new).toBe(1);
    expect(report.feeds[0]?.tooOld).toBe(1);
    expect((await store.getAnalysis('urn:test:future'))?.article.publishedAt).toBe('2026-11-20T12:00:00.000Z');
    expect(await store.getAnalysis('urn:test:ancient')).toBeUndefined();
  });

  it('GIVEN an item whose analysis fails THEN the poll goes on and the report names the item and why', async () => {
    server.route('/mixed.xml', (req, res, url) =>
      sendBody(req, res, url, Buffer.from(rss('Mixed', [
        { guid: 'urn:test:fine', title: 'Council meets', link: 'http://example.org/fine', date: '2026-11-20T07:00:00Z', html: `<p>${words('council', 30)}</p>` },
        { guid: 'urn:test:bad', title: 'Bridge reopens', link: 'http://example.org/bad', date: '2026-11-20T07:00:00Z', html: `<p>${words('bridge', 30)}</p>` },
      ]))),
    );
    await store.addFeed({ url: `${server.url}/mixed.xml` });
    const { analyzeArticle } = await import('../../src/analyze/pipeline.ts');
    const analyze: typeof analyzeArticle = (article) => {
      if (article.title === 'Bridge reopens') throw new Error('sentence splitter gave up');
      return analyzeArticle(article);
    };
    const report = await pollFeeds(store, { http, clock, analyze, fullArticles: false });
    expect(report.new).toBe(1);
    expect(report.feeds[0]?.skipped).toBe(1);
    expect(report.feeds[0]?.itemErrors).toEqual(['http://example.org/bad: sentence splitter gave up']);
  });

  it('GIVEN teaser items THEN the linked page gives the full text, and an unreachable page keeps the teaser flagged', async () => {
    const page = `<!doctype html><html><head><title>Library extends hours</title></head><body><header>Menu Home News Sport</header><article><h1>Library extends hours</h1>${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i}: ${words('library', 2)}</p>`).join('')}</article><footer>Copyright</footer></body></html>`;
    server.route('/library-page', (req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page));
    server.route('/teasers.xml', (req, res, url) =>
      sendBody(req, res, url, Buffer.from(rss('Teasers', [
        { guid: 'urn:test:t-1', title: 'Library extends hours', link: `${server.url}/library-page`, date: '2026-11-20T07:00:00Z', html: '<p>The library will open longer from Monday...</p>' },
        { guid: 'urn:test:t-2', title: 'Pool closes', link: `${server.url}/status/404`, date: '2026-11-20T07:00:00Z', html: '<p>The pool closes for the winter. Read more</p>' },
        { guid: 'urn:test:t-3', title: 'Secret', link: 'http://10.0.0.1/internal', date: '2026-11-20T07:00:00Z', html: '<p>Internal memo. Continue reading</p>' },
      ]))),
    );
    await store.addFeed({ url: `${server.url}/teasers.xml` });
    const report = await pollFeeds(store, { http, clock });
    expect(report.new).toBe(3);
    const full = (await store.getAnalysis('urn:test:t-1'))?.article;
    expect(full?.teaserOnly).toBeFalsy();
    expect(full?.paragraphs.join(' ')).toContain('Paragraph 7');
    expect((await store.getAnalysis('urn:test:t-2'))?.article.teaserOnly).toBe(true);
    expect((await store.getAnalysis('urn:test:t-3'))?.article.teaserOnly).toBe(true);
    expect((await store.getAnalysis('urn:test:t-3'))?.article.paragraphs.join(' ')).toContain('Internal memo');
  });

  it('GIVEN feeds named for a poll that the store does not know yet THEN they are added and polled', async () => {
    const url = `${server.url}/feeds/rss-parser/heraldsun.rss?named=1`;
    const report = await pollFeeds(store, { http, clock, fullArticles: false, feeds: [url] });
    expect(report.feeds.map((feed) => feed.url)).toEqual([url]);
    expect((await store.getFeed(url))?.health).toBe('ok');
  });

  it('GIVEN a teaser whose page keeps failing THEN the page is tried on three polls, then left alone', async () => {
    server.route('/paywalled.xml', (req, res, url) =>
      sendBody(req, res, url, Buffer.from(rss('Paywalled', [{ guid: 'urn:test:pay-1', title: 'Exclusive', link: `${server.url}/status/403`, date: '2026-11-20T07:00:00Z', html: '<p>Subscribers can read how the deal was struck...</p>' }]))),
    );
    await store.addFeed({ url: `${server.url}/paywalled.xml` });
    for (let poll = 0; poll < 5; poll++) await pollFeeds(store, { http, clock });
    expect(server.hits.get('/status/403')).toBe(3);
    expect((await store.getAnalysis('urn:test:pay-1'))?.article.teaserOnly).toBe(true);
  });

  it('GIVEN a feed that fails on two polls THEN failingSince keeps the start of the streak', async () => {
    const url = `${server.url}/status/503`;
    await store.addFeed({ url });
    await pollFeeds(store, { http, clock: new ManualClock('2026-11-20T10:00:00Z') });
    await pollFeeds(store, { http, clock: new ManualClock('2026-11-20T11:00:00Z') });
    const record = await store.getFeed(url);
    expect(record?.health).toBe('failing');
    expect(record?.failingSince).toBe('2026-11-20T10:00:00.000Z');
    expect(record?.lastPolledAt).toBe('2026-11-20T11:00:00.000Z');
  });
});

describe('failing feeds over time', () => {
  it('GIVEN a feed failing for two days THEN it is tried at most every six hours unless forced', async () => {
    const url = `${server.url}/status/502`;
    await store.addFeed({ url });
    await store.updateFeed(url, { health: 'failing', failingSince: '2026-11-18T12:00:00.000Z', lastPolledAt: '2026-11-20T10:00:00.000Z' });
    const soon = await pollFeeds(store, { http, clock: new ManualClock('2026-11-20T12:00:00Z') });
    expect(soon.deferred).toBe(1);
    expect(soon.feeds).toHaveLength(0);
    const later = await pollFeeds(store, { http, clock: new ManualClock('2026-11-20T16:30:00Z') });
    expect(later.feeds).toHaveLength(1);
    const forced = await pollFeeds(store, { http, clock: new ManualClock('2026-11-20T16:31:00Z'), force: true });
    expect(forced.feeds).toHaveLength(1);
    expect((await store.getFeed(url))?.failingSince).toBe('2026-11-18T12:00:00.000Z');
  });

  it('GIVEN a poll asked for while one runs THEN both get the same report and each feed is fetched once', async () => {
    await store.addFeed({ url: `${server.url}/feeds/rss-parser/instant-article.rss?delay=50` });
    const before = server.hits.get('/feeds/rss-parser/instant-article.rss') ?? 0;
    const [a, b] = await Promise.all([pollFeeds(store, { http, clock }), pollFeeds(store, { http, clock })]);
    expect(a).toBe(b);
    expect(server.hits.get('/feeds/rss-parser/instant-article.rss')).toBe(before + 1);
  });
});

describe('checking one feed', () => {
  it('GIVEN a feed URL THEN its title and first items come back without storing anything', async () => {
    const check = await checkFeed(`${server.url}/feeds/rss-parser/heraldsun.rss`, { http });
    expect(check.ok).toBe(true);
    expect(check.title).toBe('RSS0.92 Example');
    expect(check.itemCount).toBe(2);
    expect(check.items[0]?.title).toBe('The First Item');
    expect(await store.countArticles()).toBe(0);
  });

  it('GIVEN a home page that advertises its feed THEN the check names the feed to add instead', async () => {
    server.route('/home', (req, res) =>
      void res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="News" href="/feeds/rss-parser/narro.rss"></head><body>Hi</body></html>'),
    );
    const check = await checkFeed(`${server.url}/home`, { http });
    expect(check.ok).toBe(false);
    expect(check.error).toBe(`${server.url}/home: a web page, not a feed; it names this feed: ${server.url}/feeds/rss-parser/narro.rss`);
  });

  it('GIVEN a page that is not a feed THEN the check says so naming the URL', async () => {
    const check = await checkFeed(`${server.url}/feeds/rss-parser/unrecognized.rss`, { http });
    expect(check.ok).toBe(false);
    expect(check.health).toBe('failing');
    expect(check.error).toBe(`${server.url}/feeds/rss-parser/unrecognized.rss: not a feed (neither RSS nor Atom)`);
  });
});
