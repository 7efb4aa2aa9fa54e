import { parseHTML } from 'linkedom';
import type { RawDocument } from '../article.ts';
import type { FeedItem, ParsedFeed } from './parse.ts';

/** Plain text of an HTML fragment, entities decoded well enough for length checks. */
export function fragmentText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&(amp|#38);/gi, '&')
    .replace(/&hellip;|&#8230;/gi, '…')
    .replace(/&[a-z]+;|&#\d+;/gi, 'x')
    .replace(/\s+/g, ' ')
    .trim();
}

let scratch: Document | undefined;

/** Plain text of a title that may carry markup or entities (`<b>Slack</b> &amp; more`). */
export function plainTitle(title: string): string {
  if (!/[<&]/.test(title)) return title.replace(/\s+/g, ' ').trim();
  scratch ??= parseHTML('<!doctype html><html><body></body></html>').document;
  const holder = scratch.createElement('div');
  holder.innerHTML = title;
  return (holder.textContent ?? title).replace(/\s+/g, ' ').trim();
}

/** Below this many words an item's content is only a teaser, not the article. */
export const teaserWordLimit = 120;

const teaserEnding = /(\.\.\.|…|\[…\]|\[\.\.\.\]|read more|continue reading|more\s*»|weiterlesen|lire la suite|leggi tutto|leia mais|seguir leyendo|ver más|читать далее|подробнее)\W*$/i;

/**
 * True when an item's HTML is a teaser rather than the whole article: short (under
 * `teaserWordLimit` words), or ending in "..."/"…"/"Read more"/"Continue reading" (also in
 * a few other languages), or empty.
 */
export function isTeaser(html: string | undefined): boolean {
  const text = fragmentText(html ?? '');
  if (text === '') return true;
  if (teaserEnding.test(text)) return true;
  return text.split(' ').length < teaserWordLimit;
}

const readMoreWords = 'read more|continue reading|weiterlesen|lire la suite|leggi tutto|leia mais|seguir leyendo|ver más|читать далее|подробнее';
const trailingReadMore = new RegExp(`(?:<a\\b[^>]*>\\s*)?(?:${readMoreWords})\\s*(?:»|&raquo;|→|&rarr;|\\.\\.\\.|…)?\\s*(?:</a>)?(\\s*(?:</p>|</div>)?\\s*)$`, 'i');

/** The teaser HTML without its trailing "Read more"/"Continue reading" link, which is no news. */
export function withoutReadMore(html: string): string {
  return html.replace(trailingReadMore, '$1');
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * An item's identity: its guid when that looks unique beyond its feed (a URL, a tag: URI, a
 * long token), else its link, else whatever guid it has. A bare number such as "4956764" is
 * only unique inside one feed, and two feeds' item 4956764 must not overwrite each other.
 */
export function itemId(item: Pick<FeedItem, 'guid' | 'link'>): string | undefined {
  const guid = item.guid?.trim();
  if (guid && (/[:/.@]/.test(guid) || guid.length >= 20)) return guid;
  return item.link ?? guid;
}

/**
 * The RawDocument for one feed item: id comes from `itemId`, else the feed name and
 * position; source is the outlet the item names (RSS `<source>`), else the feed title, else
 * the item's host. Dates after `now` are clamped to
 * `now` (publishers' clocks and time zones are wrong more often than news is from the future).
 */
export function feedItemToDocument(item: FeedItem, feed: Pick<ParsedFeed, 'title' | 'link'>, options: { feedName: string; index: number; feedUrl?: string; now: Date }): RawDocument {
  const document: RawDocument = { id: itemId(item) ?? `${options.feedName}#${options.index + 1}` };
  if (item.title) document.title = plainTitle(item.title);
  const source = item.source ?? feed.title ?? hostName(item.link) ?? hostName(feed.link) ?? hostName(options.feedUrl);
  if (source) document.source = source;
  if (item.link) document.url = item.link;
  if (item.publishedAt) {
    const clamped = Math.min(Date.parse(item.publishedAt), options.now.getTime());
    document.publishedAt = new Date(clamped).toISOString();
  }
  if (item.author) document.byline = item.author;
  if (options.feedUrl) document.feedUrl = options.feedUrl;
  if (item.html) document.html = item.html;
  else if (document.title) document.text = document.title;
  return document;
}
