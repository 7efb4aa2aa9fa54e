import pg from 'pg';
import { systemClock, type Clock } from '../../core/clock.ts';
import { StoreError } from '../errors.ts';
import { joinStore } from '../join-store.ts';
import type { Store } from '../store.ts';
import { PgArticles } from './articles.ts';
import { PgContext } from './context.ts';
import { PgFeeds } from './feeds.ts';
import { migrate } from './migrations.ts';
import { PgStories } from './stories.ts';
import { PgPeople } from './people.ts';
import { PgRuns } from './runs.ts';
import { PgSchedules } from './schedules.ts';
import { countRows, importRows, type ImportReport } from './import.ts';
import type { StoreCounts, StoreRows } from '../store-rows.ts';

export interface PostgresStoreOptions {
  /** Stamps first-seen, updated and added times; the system clock by default. */
  clock?: Clock;
  /** The schema holding newsbot's tables (created when missing); PostgreSQL's search path by default. */
  schema?: string;
  /** Connections in the pool; 10 by default. */
  maxConnections?: number;
}

export { isPostgresUrl } from './url.ts';

/** The URL without its password, for messages. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** A pool on `url` with the schema brought up to date; throws E_STORE_OPEN naming the URL. */
async function openContext(url: string, options: PostgresStoreOptions): Promise<PgContext> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new StoreError('E_STORE_OPEN', `"${schema}" is not a usable schema name: use lower-case letters, digits and _.`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A connection dropped while idle is replaced by the pool; without a listener it would crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    try {
      await migrate(client, schema);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new StoreError('E_STORE_OPEN', `Cannot open the PostgreSQL database at ${safeUrl(url)}: ${(error as Error).message}. Check DATABASE_URL and that the server runs.`, {
      cause: error,
    });
  }
  return new PgContext(pool, options.clock ?? systemClock);
}

/**
 * Copies the rows of another store into the PostgreSQL database at `url` (see importRows) and
 * returns what it copied and what the database holds afterwards.
 */
export async function importIntoPostgres(url: string, rows: StoreRows, options: PostgresStoreOptions = {}): Promise<ImportReport & { counts: StoreCounts }> {
  const ctx = await openContext(url, options);
  try {
    const report = await importRows(ctx, rows);
    return { ...report, counts: await countRows(ctx) };
  } finally {
    await ctx.pool.end();
  }
}

/**
 * Connects to PostgreSQL at `url`, brings the schema up to date and returns the store. Several
 * instances may open one database at once: migrations run under an advisory lock.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const ctx = await openContext(url, options);
  let closed: Promise<void> | undefined;
  return joinStore(
    {
      articles: new PgArticles(ctx),
      people: new PgPeople(ctx),
      feeds: new PgFeeds(ctx),
      schedules: new PgSchedules(ctx),
      runs: new PgRuns(ctx),
      stories: new PgStories(ctx),
    },
    () => (closed ??= ctx.pool.end()),
  );
}

/** Drops a schema made for a store (benchmarks and drills); nothing else is touched. */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new StoreError('E_STORE_OPEN', `"${schema}" is not a usable schema name: use lower-case letters, digits and _.`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
