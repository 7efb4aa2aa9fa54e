import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { dropPostgresSchema } from '../../src/store/postgres/postgres-store.ts';

/** The server every machine of the project runs (see issue #14); NEWSBOT_TEST_DATABASE_URL overrides it. */
export const testDatabaseUrl = process.env['NEWSBOT_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why no PostgreSQL answers at the test URL, or undefined when one does. */
export async function postgresUnavailable(url = testDatabaseUrl): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return `no PostgreSQL answers at ${url} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A schema name no other test file or run uses. */
export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropSchema(schema: string, url = testDatabaseUrl): Promise<void> {
  await dropPostgresSchema(url, schema);
}

/**
 * `describe` for suites that need the PostgreSQL server: when none answers, says so in one
 * line and fails under CI=true, or skips with a visible note on a developer machine.
 */
export async function describeWithPostgres(name: string, body: () => void): Promise<void> {
  const missing = await postgresUnavailable();
  if (!missing) {
    describe(name, body);
    return;
  }
  if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('needs PostgreSQL', () => {
        throw new Error(`${missing}; CI needs it running (see issue #14)`);
      });
    });
    return;
  }
  process.stderr.write(`note: ${name} skipped: ${missing}\n`);
  describe.skip(`${name} (skipped: ${missing})`, body);
}
