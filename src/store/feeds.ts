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

export type FeedPatch = Partial<Omit<FeedRecord, 'url' | 'addedAt'>>;

/** The feeds admins added, with what the last polls learned about them. */
export interface FeedStore {
  /** Adds the feed (or retitles it when known) and returns it; `addedAt` comes from the store's clock. */
  addFeed(feed: { url: string; title?: string; addedBy?: string }): Promise<FeedRecord>;
  removeFeed(url: string): Promise<boolean>;
  listFeeds(): Promise<FeedRecord[]>;
  getFeed(url: string): Promise<FeedRecord | undefined>;
  updateFeed(url: string, patch: FeedPatch): Promise<void>;
}
