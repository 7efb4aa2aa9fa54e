import type pg from 'pg';
import type { Clock } from '../../core/clock.ts';

/** What a query runs on: the pool (one statement, auto-commit) or a client inside a transaction. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

/** One PostgreSQL pool shared by the aggregate stores, with the clock. */
export class PgContext {
  readonly pool: pg.Pool;
  readonly #clock: Clock;

  constructor(pool: pg.Pool, clock: Clock) {
    this.pool = pool;
    this.#clock = clock;
  }

  /** The clock's time as the ISO string stored in *_at columns. */
  now(): string {
    return this.#clock.now().toISOString();
  }

  async rows<T extends object>(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<T[]> {
    return (await on.query<T>(sql, params)).rows;
  }

  async row<T extends object>(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<T | undefined> {
    return (await on.query<T>(sql, params)).rows[0];
  }

  /** Rows the statement changed. */
  async run(sql: string, params: unknown[] = [], on: Queryable = this.pool): Promise<number> {
    return (await on.query(sql, params)).rowCount ?? 0;
  }

  /** Runs `work` in one transaction on one client; rolls back when it throws. */
  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
