import type Database from 'better-sqlite3';
import type { Clock } from '../../core/clock.ts';

/** One open SQLite database shared by the aggregate stores: prepared statements and the clock. */
export class SqliteContext {
  readonly db: Database.Database;
  readonly #clock: Clock;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database, clock: Clock) {
    this.db = db;
    this.#clock = clock;
  }

  /** A prepared statement, cached by its text (use only for SQL without interpolated values). */
  sql(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The clock's time as the ISO string stored in *_at columns. */
  now(): string {
    return this.#clock.now().toISOString();
  }

  close(): void {
    this.#statements.clear();
    this.db.close();
  }
}
