import type { FeedHealth } from '../ingest/feeds/check.ts';

export type { FeedHealth };

export interface FeedRecord {
  url: string;
  title?: string;
  addedBy?: string;
  addedAt: string;
  health: FeedHealth;
  /** ISO time of the first failure in the current failing streak. */
  failingSince?: string;
  lastError?: string;
  lastPolledAt?: string;
  lastOkAt?: string;
  etag?: string;
  lastModified?: string;
  itemCount: number;
}

/**
 * What the last read of a URL given to `newsbot digest` (not a feed admins added) learned: the
 * validators that make the next read conditional, and the stored articles it gave, which a
 * "304 Not Modified" answer stands for.
 */
export interface FetchedUrl {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Stored article ids, in the order the URL gave them. */
  articleIds: string[];
  fetchedAt: string;
}

export type FeedPatch = Partial<Omit<FeedRecord, 'url' | 'addedAt'>>;

/** The feeds admins added, with what the last polls learned about them. */
export interface FeedStore {
  /** Adds the feed (or retitles it when known) and returns it; `addedAt` comes from the store's clock. */
  addFeed(feed: { url: string; title?: string; addedBy?: string }): Promise<FeedRecord>;
  removeFeed(url: string): Promise<boolean>;
  listFeeds(): Promise<FeedRecord[]>;
  getFeed(url: string): Promise<FeedRecord | undefined>;
  updateFeed(url: string, patch: FeedPatch): Promise<void>;
  getFetchedUrl(url: string): Promise<FetchedUrl | undefined>;
  /** Replaces what is remembered of the URL; `fetchedAt` comes from the store's clock. */
  rememberFetchedUrl(fetched: Omit<FetchedUrl, 'fetchedAt'>): Promise<void>;
}
