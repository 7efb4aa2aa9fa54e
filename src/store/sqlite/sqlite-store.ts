import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { systemClock, type Clock } from '../../core/clock.ts';
import { StoreError } from '../errors.ts';
import { joinStore } from '../join-store.ts';
import type { Store } from '../store.ts';
import { SqliteArticles } from './articles.ts';
import { SqliteContext } from './context.ts';
import { SqliteFeeds } from './feeds.ts';
import { migrate } from './migrations.ts';
import { SqliteStories } from './stories.ts';
import { SqlitePeople } from './people.ts';
import { SqliteRuns } from './runs.ts';
import { SqliteSchedules } from './schedules.ts';

export { StoreError } from '../errors.ts';

export interface SqliteStoreOptions {
  /** Stamps first-seen, updated and added times; the system clock by default. */
  clock?: Clock;
}

/** Opens (creating when missing, migrating when old) the SQLite database at `path`. */
export function openStore(path: string, options: SqliteStoreOptions = {}): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db);
  } catch (error) {
    throw new StoreError('E_STORE_OPEN', `Cannot open the database at ${path}: ${(error as Error).message}. Check NEWSBOT_DB.`, { cause: error });
  }
  const ctx = new SqliteContext(db, options.clock ?? systemClock);
  return joinStore(
    {
      articles: new SqliteArticles(ctx),
      people: new SqlitePeople(ctx),
      feeds: new SqliteFeeds(ctx),
      schedules: new SqliteSchedules(ctx),
      runs: new SqliteRuns(ctx),
      stories: new SqliteStories(ctx),
    },
    async () => ctx.close(),
  );
}
