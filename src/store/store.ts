import type { Analysis } from '../analyze/types.ts';
import type { PersonProfile, QuoteItem } from './people.ts';
import type { Run, Schedule } from '../schedule/types.ts';

export type SaveStatus = 'new' | 'updated' | 'duplicate';

export interface SaveResult {
  /** The stored article id (the existing one when the article was a duplicate). */
  id: string;
  status: SaveStatus;
}

export interface ArticleQuery {
  /** ISO; articles published (or first seen, when undated) at or after this time. */
  since?: string;
  until?: string;
  /** Only articles that came from these feeds (URLs or paths). */
  feeds?: string[];
  limit?: number;
}

export interface PersonSuggestion {
  name: string;
  aliases: string[];
  role?: string;
  mentions: number;
}

export type { FeedHealth } from '../ingest/feeds/check.ts';
import type { FeedHealth } from '../ingest/feeds/check.ts';

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
 * The only way anything reaches the database. SQLite implements it today; a PostgreSQL
 * implementation can come later without touching callers.
 */
export interface Store {
  /** Stores an analysed article; deduplicates by canonical URL/guid and by content hash. */
  saveAnalysis(analysis: Analysis): SaveResult;
  /** Analyses ordered by publication time, oldest first. */
  listAnalyses(query?: ArticleQuery): Analysis[];
  getAnalysis(id: string): Analysis | undefined;
  countArticles(): number;
  /** Articles whose title or text match all the words, best first (full-text index). */
  searchArticles(words: string, limit?: number): Analysis[];

  /** People whose name or alias starts with `prefix` (any word of it), most mentioned first. */
  suggestPeople(prefix: string, limit?: number): PersonSuggestion[];
  /** The person best matching a name or alias, with the outlets that mention them. */
  getPerson(query: string): PersonProfile | undefined;
  /** Quotes by the person best matching `query`, newest first. */
  quotesBy(query: string, limit?: number): QuoteItem[];

  addFeed(feed: { url: string; title?: string; addedBy?: string }): FeedRecord;
  removeFeed(url: string): boolean;
  listFeeds(): FeedRecord[];
  getFeed(url: string): FeedRecord | undefined;
  updateFeed(url: string, patch: Partial<Omit<FeedRecord, 'url' | 'addedAt'>>): void;

  saveSchedule(schedule: Schedule): void;
  removeSchedule(id: string): boolean;
  listSchedules(): Schedule[];
  getSchedule(id: string): Schedule | undefined;

  /**
   * Records the intent to post a firing. Returns false when the run already exists (another
   * process or an earlier life of this one claimed it): the caller must not post.
   */
  claimRun(run: Omit<Run, 'updatedAt'>): boolean;
  updateRun(id: string, patch: Partial<Omit<Run, 'id' | 'scheduleId' | 'scheduledFor'>>): void;
  /**
   * Moves a run from one status to the next only if it is still in `from` (compare-and-set);
   * returns false when another process changed it first.
   */
  transitionRun(id: string, from: Run['status'], patch: Partial<Omit<Run, 'id' | 'scheduleId' | 'scheduledFor'>>): boolean;
  getRun(id: string): Run | undefined;
  listRuns(scheduleId: string, limit?: number): Run[];
  /** The latest run of this schedule (and target) that reached the channel. */
  lastPostedRun(scheduleId: string, target?: string): Run | undefined;

  close(): void;
}
