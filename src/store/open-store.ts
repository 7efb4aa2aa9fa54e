import { systemClock, type Clock } from '../core/clock.ts';
import { isPostgresUrl } from './postgres/url.ts';
import { openStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export interface StoreLocation {
  /** SQLite file (NEWSBOT_DB), used when `databaseUrl` is unset. */
  dbPath: string;
  /** A postgres:// URL (DATABASE_URL): PostgreSQL instead of SQLite. */
  databaseUrl?: string;
}

// Every method of a Store, checked by the compiler to be complete.
const storeMethods: Record<keyof Store, true> = {
  saveAnalysis: true,
  saveAnalyses: true,
  listAnalyses: true,
  getAnalysis: true,
  countArticles: true,
  searchArticles: true,
  suggestPeople: true,
  getPerson: true,
  quotesBy: true,
  canonicalNames: true,
  addFeed: true,
  removeFeed: true,
  listFeeds: true,
  getFeed: true,
  updateFeed: true,
  getFetchedUrl: true,
  rememberFetchedUrl: true,
  saveSchedule: true,
  removeSchedule: true,
  listSchedules: true,
  getSchedule: true,
  claimRun: true,
  updateRun: true,
  transitionRun: true,
  getRun: true,
  listRuns: true,
  lastPostedRun: true,
  storiesOfArticles: true,
  saveStory: true,
  getStory: true,
  recordStoryBriefing: true,
  saveStoryThread: true,
  storyThreads: true,
  close: true,
};

/**
 * A Store usable at once over one still opening: each call waits for the opening, and fails
 * with its error (E_STORE_OPEN) when it failed. Closing a store that never opened does nothing.
 */
export function whenOpen(opening: Promise<Store>): Store {
  opening.catch(() => undefined); // reported by the first call, not as an unhandled rejection
  const store: Record<string, unknown> = {};
  for (const name of Object.keys(storeMethods) as Array<keyof Store>) {
    store[name] = async (...args: unknown[]) => {
      if (name === 'close') return (await opening.catch(() => undefined))?.close();
      const opened = (await opening) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return opened[name]!(...args);
    };
  }
  return store as unknown as Store;
}

/**
 * The store the configuration names: PostgreSQL when `databaseUrl` is a postgres:// URL, else
 * the SQLite file at `dbPath`. Returns at once; a PostgreSQL store connects and migrates in the
 * background and its first call reports a failure to open.
 */
export function openConfiguredStore(location: StoreLocation, options: { clock?: Clock } = {}): Store {
  const clock = options.clock ?? systemClock;
  // The PostgreSQL driver loads only when it is the store asked for.
  const url = location.databaseUrl;
  if (isPostgresUrl(url)) return whenOpen(import('./postgres/postgres-store.ts').then((pg) => pg.openPostgresStore(url, { clock })));
  return openStore(location.dbPath, { clock });
}
