import type { ArticleStore } from './articles.ts';
import type { FeedStore } from './feeds.ts';
import type { PeopleStore } from './people.ts';
import type { RunLedger } from './runs.ts';
import type { ScheduleStore } from './schedules.ts';

export type { ArticleQuery, ArticleStore, SaveResult, SaveStatus } from './articles.ts';
export type { FeedHealth, FeedPatch, FeedRecord, FeedStore, FetchedUrl } from './feeds.ts';
export type { PeopleStore, PersonProfile, PersonSuggestion, QuoteItem } from './people.ts';
export type { RunLedger, RunPatch } from './runs.ts';
export type { ScheduleStore } from './schedules.ts';

/**
 * The only way anything reaches the database: one interface per aggregate, joined here so
 * callers that need several take one object. Implemented for SQLite (src/store/sqlite/, the default) and
 * PostgreSQL (src/store/postgres/); `openConfiguredStore` picks one. Every method returns a promise:
 * PostgreSQL answers over the network, and a blocking call would stall the chat connections.
 */
export interface Store extends ArticleStore, PeopleStore, FeedStore, ScheduleStore, RunLedger {
  close(): Promise<void>;
}
