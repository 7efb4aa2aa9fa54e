import Parser from 'rss-parser';
import { decodeBytes, fixMojibake } from '../http/charset.ts';
import { parseFeedDate } from './dates.ts';
import { IngestError } from './errors.ts';
import { cutBeforeDamage, errorOffset, repairXml } from './repair.ts';

/** One feed entry, normalised across RSS 0.9x/1.0/2.0 and Atom. */
export interface FeedItem {
  guid?: string;
  title?: string;
  link?: string;
  /** ISO 8601, when the item carries a date that parses. */
  publishedAt?: string;
  author?: string;
  /** The outlet an aggregated item comes from (RSS `<source>`), when it names one. */
  source?: string;
  /** The richest HTML the item carries: content:encoded, then content, then summary/description. */
  html?: string;
}

export interface ParsedFeed {
  title?: string;
  link?: string;
  items: FeedItem[];
  /** True when the feed only parsed after repairs. */
  degraded: boolean;
  /** What was repaired, for the feed's health line. */
  repairs: string[];
  /** The charset the bytes were decoded with. */
  charset?: string;
}

type RawItem = Record<string, unknown>;

// xml2js under rss-parser never fetches DTDs or resolves external entities; the repair step
// additionally drops any DOCTYPE before a second attempt. A parser is made per document
// because xml2js can stop calling back after it once met an error.
const newParser = () => new Parser<Record<string, unknown>, RawItem>({ defaultRSS: 2, customFields: { item: [['source', 'sourceElement']] } });

// Control characters are no text; sax lets some through even in strict mode.
const controlChars = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return fixMojibake(value.replace(controlChars, '')).trim() || undefined;
  if (value && typeof value === 'object' && '_' in value) return text((value as { _: unknown })._);
  return undefined;
}

function isoDate(...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const date = parseFeedDate(text(candidate));
    if (date) return date;
  }
  return undefined;
}

function toFeedItem(raw: RawItem): FeedItem {
  const item: FeedItem = {};
  const guid = text(raw['guid']) ?? text(raw['id']) ?? text(raw['rdf:about']);
  if (guid) item.guid = guid;
  const title = text(raw['title']);
  if (title) item.title = title;
  const link = text(raw['link']);
  if (link) item.link = link;
  // The raw strings first: rss-parser reads dates without a zone in the machine's local time.
  const publishedAt = isoDate(raw['pubDate'], raw['date'], raw['dc:date'], raw['isoDate']);
  if (publishedAt) item.publishedAt = publishedAt;
  const author = text(raw['creator']) ?? text(raw['author']) ?? text(raw['dc:creator']);
  if (author) item.author = author;
  const source = text(raw['sourceElement']);
  if (source && !/^https?:\/\//i.test(source)) item.source = source;
  const html = text(raw['content:encoded']) ?? text(raw['content']) ?? text(raw['summary']);
  if (html) item.html = html;
  return item;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/\s+/g, ' ').trim();
}

/** Why xml2js/sax refused a document, in words an operator can act on. */
function describeParseError(error: unknown): string {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (/not recognized as RSS/i.test(message)) return 'neither RSS nor Atom';
  if (/Unable to parse XML/i.test(message)) return 'empty document';
  if (/Unexpected end|Unclosed root/i.test(message)) return 'unexpected end of document';
  if (/Non-whitespace before first tag/i.test(message)) return 'no XML document';
  return message.charAt(0).toLowerCase() + message.slice(1);
}

function absoluteUrl(link: string, bases: Array<string | undefined>): string {
  for (const base of [undefined, ...bases]) {
    try {
      return new URL(link, base).href;
    } catch {
      // Relative link: try the next base.
    }
  }
  return link;
}

/** Resolves relative item links against the feed's own link, then the feed's URL. */
function withAbsoluteLinks(items: FeedItem[], feedLink: string | undefined, feedUrl: string | undefined): FeedItem[] {
  const bases = [feedLink && /^https?:/i.test(feedLink) ? feedLink : undefined, feedUrl && /^https?:/i.test(feedUrl) ? feedUrl : undefined];
  return items.map((item) => (item.link ? { ...item, link: absoluteUrl(item.link, bases) } : item));
}

async function parseStrict(xml: string): Promise<{ title?: string; link?: string; items: RawItem[] }> {
  const feed = await newParser().parseString(xml);
  const result: { title?: string; link?: string; items: RawItem[] } = { items: (feed.items ?? []) as RawItem[] };
  const title = text(feed.title);
  if (title) result.title = title;
  const link = text(feed.link);
  if (link) result.link = link;
  return result;
}

/**
 * Parses feed text (RSS 0.9x/1.0/2.0, Atom, or JSON Feed). Returns the items; when the strict parse
 * fails it repairs the document and tries again, marking the feed degraded. Throws
 * IngestError E_NOT_A_FEED, naming `name`, when nothing readable remains.
 */
export async function parseFeedText(xml: string, name: string, feedUrl?: string): Promise<ParsedFeed> {
  if (/^\s*\{/.test(xml)) return parseJsonFeed(xml, name, feedUrl);
  let firstError: unknown;
  try {
    const feed = await parseStrict(xml);
    return { ...feed, items: withAbsoluteLinks(feed.items.map(toFeedItem), feed.link, feedUrl), degraded: false, repairs: [] };
  } catch (error) {
    firstError = error;
  }
  const reason = describeParseError(firstError);
  const { xml: repaired, repairs } = repairXml(xml);
  const attempt = async (candidate: string, made: string[]): Promise<ParsedFeed | undefined> => {
    const feed = await parseStrict(candidate);
    const items = feed.items.map(toFeedItem).filter((item) => item.title || item.link || item.html);
    if (items.length === 0 && !feed.title) return undefined;
    return { ...feed, items: withAbsoluteLinks(items, feed.link, feedUrl), degraded: true, repairs: [reason, ...made] };
  };
  let damage: unknown = firstError;
  if (repairs.length > 0) {
    try {
      const feed = await attempt(repaired, repairs);
      if (feed) return feed;
    } catch (error) {
      damage = error;
    }
  }
  // Last resort: keep the items before the first damage the repairs could not mend.
  const offset = errorOffset(repaired, damage instanceof Error ? damage.message : '');
  const cut = offset === undefined ? undefined : cutBeforeDamage(repaired, offset);
  if (cut) {
    try {
      const feed = await attempt(cut, [...repairs, 'items after the damage dropped']);
      if (feed && feed.items.length > 0) return feed;
    } catch {
      // Fall through to the original reason: it says best what is wrong with the input.
    }
  }
  throw new IngestError('E_NOT_A_FEED', `${name}: not a feed (${reason})`);
}

interface JsonFeedItem {
  id?: unknown;
  url?: unknown;
  external_url?: unknown;
  title?: unknown;
  content_html?: unknown;
  content_text?: unknown;
  summary?: unknown;
  date_published?: unknown;
  date_modified?: unknown;
  author?: { name?: unknown };
  authors?: Array<{ name?: unknown }>;
}

/** A JSON Feed (jsonfeed.org, versions 1 and 1.1), as the same FeedItems. */
function parseJsonFeed(json: string, name: string, feedUrl: string | undefined): ParsedFeed {
  let document: { version?: unknown; title?: unknown; home_page_url?: unknown; items?: unknown };
  try {
    document = JSON.parse(json) as typeof document;
  } catch (error) {
    throw new IngestError('E_NOT_A_FEED', `${name}: not a feed (broken JSON: ${(error as Error).message})`);
  }
  if (typeof document.version !== 'string' || !document.version.includes('jsonfeed.org') || !Array.isArray(document.items)) {
    throw new IngestError('E_NOT_A_FEED', `${name}: not a feed (JSON, but not a JSON Feed)`);
  }
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items = (document.items as JsonFeedItem[]).map((entry) => {
    const item: FeedItem = {};
    const guid = text(entry.id === undefined ? undefined : String(entry.id));
    if (guid) item.guid = guid;
    const title = text(entry.title);
    if (title) item.title = title;
    const link = text(entry.url) ?? text(entry.external_url);
    if (link) item.link = link;
    const publishedAt = isoDate(entry.date_published, entry.date_modified);
    if (publishedAt) item.publishedAt = publishedAt;
    const author = text(entry.authors?.[0]?.name) ?? text(entry.author?.name);
    if (author) item.author = author;
    const plain = text(entry.content_text) ?? text(entry.summary);
    const html = text(entry.content_html) ?? (plain ? plain.split(/\n{2,}/).map((paragraph) => `<p>${escape(paragraph)}</p>`).join('') : undefined);
    if (html) item.html = html;
    return item;
  });
  const feed: ParsedFeed = { items: withAbsoluteLinks(items, text(document.home_page_url), feedUrl), degraded: false, repairs: [] };
  const title = text(document.title);
  if (title) feed.title = title;
  const link = text(document.home_page_url);
  if (link) feed.link = link;
  return feed;
}

/**
 * Decodes feed bytes (charset from BOM, header, XML declaration or a guess) and parses them.
 * Returns the parsed feed with the charset used.
 */
export async function parseFeedBytes(
  bytes: Uint8Array,
  name: string,
  options: { contentType?: string | null; feedUrl?: string } = {},
): Promise<ParsedFeed> {
  const decoded = decodeBytes(bytes, options.contentType);
  const feed = await parseFeedText(decoded.text, name, options.feedUrl);
  return { ...feed, charset: decoded.charset };
}

/** True when the bytes look like a feed rather than an HTML page (for URLs of either kind). */
export function looksLikeFeed(bytes: Uint8Array, contentType?: string | null): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>/g, '');
  if (/<!doctype html|<html[\s>]/i.test(head)) return false;
  if (/<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return true;
  if (/^\s*\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(head)) return true;
  return /(rss|atom|rdf)\+xml|\/xml/i.test(contentType ?? '');
}
