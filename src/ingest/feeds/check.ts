import { decodeBytes } from '../http/charset.ts';
import { discoverFeedLinks } from './discovery.ts';
import { asIngestError } from './errors.ts';
import { looksLikeFeed, parseFeedBytes, type FeedItem } from './parse.ts';
import { createHttpClient, type HttpClient } from '../http/fetch.ts';
import type { HttpLimits } from '../http/limits.ts';

/** How a feed fares: `new` until first polled, `degraded` when it parsed only after repair. */
export type FeedHealth = 'ok' | 'degraded' | 'failing' | 'new';

export interface FeedCheck {
  url: string;
  ok: boolean;
  health: FeedHealth;
  title?: string;
  /** Items in the feed document. */
  itemCount: number;
  /** The first few items, as parsed. */
  items: FeedItem[];
  charset?: string;
  /** What went wrong, or what was repaired in a degraded feed. */
  error?: string;
  /** For a web page instead of a feed: the feeds it advertises with `<link rel="alternate">`. */
  advertised?: string[];
}

/**
 * Fetches and parses one feed without storing anything (`newsbot feeds check URL`). Returns
 * its health, title and first items; a failure is a value (`ok: false`, `error` naming the
 * feed), not a throw.
 */
export async function checkFeed(url: string, options: { http?: HttpClient; limits?: Partial<HttpLimits>; allowPrivateUrls?: boolean; sampleSize?: number } = {}): Promise<FeedCheck> {
  const ownHttp = options.http
    ? undefined
    : createHttpClient({ ...options.limits, ...(options.allowPrivateUrls === undefined ? {} : { allowPrivate: options.allowPrivateUrls }) });
  const http = options.http ?? ownHttp!;
  try {
    const response = await http.get(url);
    if (!looksLikeFeed(response.body, response.contentType)) {
      const advertised = discoverFeedLinks(decodeBytes(response.body, response.contentType).text, response.url);
      if (advertised.length > 0) {
        return {
          url,
          ok: false,
          health: 'failing',
          itemCount: 0,
          items: [],
          advertised,
          error: `${url}: a web page, not a feed; it names ${advertised.length === 1 ? 'this feed' : 'these feeds'}: ${advertised.join(' ')}`,
        };
      }
    }
    const feed = await parseFeedBytes(response.body, url, { contentType: response.contentType ?? null, feedUrl: response.url });
    const check: FeedCheck = {
      url,
      ok: true,
      health: feed.degraded ? 'degraded' : 'ok',
      itemCount: feed.items.length,
      items: feed.items.slice(0, options.sampleSize ?? 5),
    };
    if (feed.title) check.title = feed.title;
    if (feed.charset) check.charset = feed.charset;
    if (feed.degraded) check.error = `damaged feed, items recovered (${feed.repairs.join('; ')})`;
    return check;
  } catch (error) {
    return { url, ok: false, health: 'failing', itemCount: 0, items: [], error: asIngestError(error).message };
  } finally {
    await ownHttp?.close();
  }
}
