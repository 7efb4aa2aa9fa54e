import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { IngestError } from '../../src/ingest/feeds/errors.ts';
import { loadInputs } from '../../src/ingest/inputs.ts';
import { parseFeedBytes, type ParsedFeed } from '../../src/ingest/feeds/parse.ts';
import { createHttpClient, type HttpClient } from '../../src/ingest/http/fetch.ts';
import { feedFixturesDir, startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

const samples = readdirSync(feedFixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((folder) =>
    readdirSync(join(feedFixturesDir, folder.name))
      .filter((name) => /\.(xml|rss|atom)$/.test(name))
      .map((name) => `${folder.name}/${name}`),
  )
  .sort();

let server: FeedServer;
let http: HttpClient;
const parsed = new Map<string, ParsedFeed | IngestError>();

/** Fetches a sample from the local server (gzipped on the wire for half of them) and parses it. */
async function load(sample: string): Promise<ParsedFeed | IngestError> {
  const cached = parsed.get(sample);
  if (cached) return cached;
  const gzip = samples.indexOf(sample) % 2 === 0 ? '?gzip=1' : '';
  const response = await http.get(`${server.url}/feeds/${sample}${gzip}`);
  let body = response.body;
  // One sample is stored gzip-compressed on disk, as its origin keeps it.
  if (body[0] === 0x1f && body[1] === 0x8b) body = (await import('node:zlib')).gunzipSync(body);
  let result: ParsedFeed | IngestError;
  try {
    result = await parseFeedBytes(body, sample, { contentType: response.contentType ?? null, feedUrl: response.url });
  } catch (error) {
    result = error as IngestError;
  }
  parsed.set(sample, result);
  return result;
}

async function feedOf(sample: string): Promise<ParsedFeed> {
  const result = await load(sample);
  if (result instanceof Error) throw result;
  return result;
}

beforeAll(async () => {
  server = await startFeedServer();
  http = createHttpClient({ allowPrivate: true, sleep: async () => undefined });
});
afterAll(async () => {
  await http.close();
  await server.close();
});

/** Gold from rss-parser was decoded by it as UTF-8, so legacy bytes show as U+FFFD: any one character matches there. */
function sameText(ours: string | undefined, gold: string | undefined): boolean {
  if (gold === undefined) return ours === undefined;
  if (ours === undefined) return false;
  const pattern = gold.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\uFFFD+/g, '.{1,2}');
  return new RegExp(`^${pattern}$`, 's').test(ours.trim());
}

describe('every sample feed', () => {
  it.each(samples)('GIVEN %s THEN it yields its items or one line naming it', async (sample) => {
    const path = join(feedFixturesDir, sample);
    const { articles, warnings } = await loadInputs([path], { clock: new ManualClock('2026-11-20T00:00:00Z') });
    expect(articles.length + warnings.length).toBeGreaterThan(0);
    expect(warnings.length).toBeLessThanOrEqual(1);
    for (const warning of warnings) {
      expect(warning.startsWith(`${path}: `)).toBe(true);
      expect(warning).not.toContain('\n');
    }
    const result = await load(sample);
    if (result instanceof Error) {
      expect(articles).toHaveLength(0);
      expect(warnings).toEqual([result.message.replace(sample, path)]);
      expect(result.message).toMatch(/^[^\n]+: not a feed \(.+\)$/);
      return;
    }
    for (const article of articles) {
      expect(article.title).not.toContain('\uFFFD');
      expect(article.source).not.toContain('\uFFFD');
      if (article.url) expect(() => new URL(article.url!)).not.toThrow();
      if (article.publishedAt) expect(article.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    for (const item of result.items) expect(item.title ?? '').not.toContain('\uFFFD');
  });
});

const rssParserGold = samples.filter((sample) => sample.startsWith('rss-parser/')).filter((sample) => {
  const gold = join(feedFixturesDir, sample.replace(/\.(rss|atom)$/, '.expected.json'));
  try {
    readFileSync(gold);
    return true;
  } catch {
    return false;
  }
});

describe('rss-parser samples against their gold', () => {
  it.each(rssParserGold)('GIVEN %s THEN titles, links and dates match the gold', async (sample) => {
    const gold = JSON.parse(readFileSync(join(feedFixturesDir, sample.replace(/\.(rss|atom)$/, '.expected.json')), 'utf8')) as {
      feed: { title?: string; link?: string; items: Array<{ title?: string; link?: string; isoDate?: string; guid?: string; id?: string }> };
    };
    const feed = await feedOf(sample);
    expect(sameText(feed.title, gold.feed.title)).toBe(true);
    expect(feed.items).toHaveLength(gold.feed.items.length);
    for (const [index, expected] of gold.feed.items.entries()) {
      const item = feed.items[index]!;
      if (expected.title) expect(sameText(item.title, expected.title), `${item.title} vs ${expected.title}`).toBe(true);
      if (expected.link) expect(item.link).toBe(new URL(expected.link.trim(), feed.link ?? undefined).href);
      if (expected.isoDate) expect(item.publishedAt).toBe(expected.isoDate);
    }
  });
});

const feedRsGold = samples.filter((sample) => sample.startsWith('feed-rs/') && !sample.includes('invalid'));

describe('feed-rs samples against their gold', () => {
  it.each(feedRsGold)('GIVEN %s THEN titles and links match the gold', async (sample) => {
    const gold = JSON.parse(readFileSync(join(feedFixturesDir, sample.replace(/\.xml$/, '.expected.serde.json')), 'utf8')) as {
      title?: { content: string };
      entries: Array<{ title?: { content: string }; links: Array<{ href: string }>; published?: string | null }>;
    };
    const feed = await feedOf(sample);
    expect(feed.title).toBe(gold.title?.content.trim());
    expect(feed.items).toHaveLength(gold.entries.length);
    for (const [index, entry] of gold.entries.entries()) {
      const item = feed.items[index]!;
      if (entry.title) expect(item.title).toBe(entry.title.content.trim());
      if (entry.links[0]) expect(item.link).toBe(new URL(entry.links[0].href).href);
      if (entry.published) expect(item.publishedAt).toBe(new Date(entry.published).toISOString());
    }
  });
});

describe('legacy charsets', () => {
  it('GIVEN a windows-1251 feed THEN Russian text comes out as Unicode', async () => {
    const feed = await feedOf('node-feedparser/iconv.xml');
    expect(feed.charset).toBe('windows-1251');
    expect(feed.title).toMatch(/^Новости Оренбурга/);
    expect(feed.items[0]?.title).toBe('В Бузулуке главные стройплощадки – детсад и Ледовый дворец');
  });

  it('GIVEN KOI8-R bytes with no declaration THEN the charset is recognised', async () => {
    const feed = await feedOf('synthetic-malformed/illformed_chardet_koi8r.xml');
    expect(feed.charset).toBe('koi8-r');
    expect(feed.items[0]?.title).toBe('Как пережить новогоднюю ночь');
  });

  it('GIVEN Shift_JIS bytes with no declaration THEN the charset is recognised', async () => {
    const feed = await feedOf('synthetic-malformed/illformed_chardet_shiftjis.xml');
    expect(feed.charset).toBe('shift_jis');
    expect(feed.items[0]?.title).toBe('DrecomRSSに記事投稿が反映されない…');
  });

  it('GIVEN ISO-8859-1 feeds, declared or not THEN accented letters come out right', async () => {
    expect((await feedOf('feed-rs/rss_1.0_iso8859.xml')).items[0]?.title).toBe('Digitalministerium: Neue Glasfaserförderung mit Schnellkasse');
    expect((await feedOf('rss-parser/uolNoticias.rss')).items[0]?.title).toBe('Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno');
    expect((await feedOf('rss-parser/encoding.rss')).title).toBe('Jornal de Notícias - Últimas Notícias');
  });

  it('GIVEN an ISO-8859-7 feed THEN it parses', async () => {
    const feed = await feedOf('synthetic-malformed/illformed_http_high_bit_date.xml');
    expect(feed.charset).toBe('iso-8859-7');
    expect(feed.degraded).toBe(false);
  });
});

describe('damaged feeds', () => {
  it('GIVEN a bare ampersand in one item THEN every item is recovered and the feed is degraded', async () => {
    const feed = await feedOf('synthetic-malformed/node-feedparser__saxerror.xml');
    expect(feed.degraded).toBe(true);
    expect(feed.items.map((item) => item.title)).toEqual(['Good Item', 'Bad Item', 'Item After Error']);
    expect(feed.items[1]?.link).toBe('http://example.com/bad?foo=1&bar=2');
  });

  it('GIVEN whitespace before the XML declaration THEN the feed reads normally', async () => {
    expect((await feedOf('feedjira/TechCrunch.xml')).items).toHaveLength(20);
    expect((await feedOf('feedjira/TypePadNews.xml')).items.length).toBeGreaterThan(0);
  });

  it('GIVEN a document cut short after its root tag THEN the escaped link survives', async () => {
    const feed = await feedOf('synthetic-malformed/illformed_rss_item_link_corrupted_ampersands.xml');
    expect(feed.degraded).toBe(true);
    expect(feed.items[0]?.link).toBe('http://link/get?a=1&b=2');
  });

  it('GIVEN a truncated feed THEN the complete items before the cut are kept', async () => {
    const feed = await feedOf('feedjira/InvalidDateFormat.xml');
    expect(feed.degraded).toBe(true);
    expect(feed.items.map((item) => item.title)).toContain('Item 0 with an invalid date');
  });

  it('GIVEN an undeclared namespace prefix THEN the feed still parses', async () => {
    const feed = await feedOf('synthetic-malformed/illformed_undeclared_namespace.xml');
    expect(feed.items).toHaveLength(0);
  });

  it.each(['rss-parser/unrecognized.rss', 'synthetic-malformed/illformed_rss_empty_document.xml', 'synthetic-malformed/illformed_aaa_illformed.xml'])(
    'GIVEN %s, which holds no feed THEN the error names it',
    async (sample) => {
      const result = await load(sample);
      expect(result).toBeInstanceOf(IngestError);
      expect((result as IngestError).code).toBe('E_NOT_A_FEED');
      expect((result as IngestError).message.startsWith(`${sample}: not a feed (`)).toBe(true);
    },
  );

  it('GIVEN a DOCTYPE declaring an external entity THEN the entity is never resolved', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>T</title><item><title>&xxe;</title><link>http://example.org/a</link></item></channel></rss>`;
    const feed = await parseFeedBytes(Buffer.from(xml), 'xxe.xml');
    expect(JSON.stringify(feed)).not.toContain('root:');
  });
});
