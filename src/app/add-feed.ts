import type { HttpClient } from '../ingest/http/fetch.ts';
import type { HttpLimits } from '../ingest/http/limits.ts';
import type { FeedRecord, Store } from '../store/store.ts';

export interface AddFeedOptions {
  addedBy: string;
  allowPrivateUrls?: boolean;
  limits?: Partial<HttpLimits>;
  http?: HttpClient;
  /** Fetch and parse before storing (the default); `false` stores the address as given. */
  check?: boolean;
  title?: string;
}

/** What adding a feed came to; a refusal stored nothing. */
export type AddFeedResult =
  | { status: 'added'; feed: FeedRecord; itemCount?: number; discoveredFrom?: string }
  | { status: 'exists'; feed: FeedRecord; discoveredFrom?: string }
  | { status: 'refused'; reason: string };

/**
 * Returns the feed address in its stored form, or undefined for anything that is no
 * http(s) address with a host name: `htp://typo`, `ftp://`, `not a url`, credentials in the URL.
 */
export function normalizeFeedUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  return url.toString();
}

/**
 * Adds a feed as the CLI's `feeds add` and chat's `/feeds add` both do: refuses what is no
 * http(s) address, says when it is already followed, fetches and parses it (private
 * addresses, unreachable hosts and non-feeds are refused with the reason), and when given a
 * site's page follows the feed the page advertises with `<link rel="alternate">`.
 */
export async function addFeed(store: Store, input: string, options: AddFeedOptions): Promise<AddFeedResult> {
  const url = normalizeFeedUrl(input);
  if (!url) return { status: 'refused', reason: `"${input.slice(0, 200)}" is not an http(s) address; give the feed's full address, e.g. https://example.com/rss.xml` };
  const known = (await store.getFeed(url)) ?? (await store.getFeed(input.trim()));
  if (known) return { status: 'exists', feed: known };
  if (options.check === false) return { status: 'added', feed: await store.addFeed({ url, addedBy: options.addedBy, ...(options.title ? { title: options.title } : {}) }) };

  // Fetching and parsing load the HTTP and feed stack; commands that never add a feed skip it.
  const { checkFeed } = await import('../ingest/feeds/check.ts');
  const checkOptions = {
    ...(options.http ? { http: options.http } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowPrivateUrls === undefined ? {} : { allowPrivateUrls: options.allowPrivateUrls }),
  };
  let check = await checkFeed(url, checkOptions);
  let feedUrl = url;
  let discoveredFrom: string | undefined;
  const advertised = check.advertised?.[0];
  if (!check.ok && advertised) {
    const normalized = normalizeFeedUrl(advertised);
    if (normalized) {
      discoveredFrom = url;
      feedUrl = normalized;
      const already = await store.getFeed(feedUrl);
      if (already) return { status: 'exists', feed: already, discoveredFrom };
      check = await checkFeed(feedUrl, checkOptions);
    }
  }
  if (!check.ok) return { status: 'refused', reason: `${check.error ?? `${feedUrl}: cannot be read`}; nothing was added` };
  const title = options.title ?? check.title;
  const feed = await store.addFeed({ url: feedUrl, addedBy: options.addedBy, ...(title ? { title } : {}) });
  return { status: 'added', feed, itemCount: check.itemCount, ...(discoveredFrom ? { discoveredFrom } : {}) };
}
