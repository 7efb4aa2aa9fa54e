import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { hasErrorCode } from '../../src/core/errors.ts';
import { isPostgresUrl, openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { describeWithPostgres, dropSchema, testDatabaseUrl, uniqueSchema } from '../helpers/postgres.ts';
import { storeContract } from './store-contract.ts';

const schema = uniqueSchema('newsbot_store');

async function sql(text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}

await describeWithPostgres('PostgreSQL store', () => {
  afterAll(() => dropSchema(schema));

  storeContract('PostgreSQL', {
    setUp: () => dropSchema(schema),
    open: ({ clock }) => openPostgresStore(testDatabaseUrl, { clock, schema, maxConnections: 4 }),
    writeRawAnalysis: (id, json) => sql('UPDATE articles SET analysis_json = $1 WHERE id = $2', [json, id]),
    tearDown: () => undefined,
  });

  it('opens one schema from several instances at once, migrating it once', async () => {
    await dropSchema(schema);
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(testDatabaseUrl, { schema, maxConnections: 2 })));
    try {
      expect(await Promise.all(stores.map((s) => s.countArticles()))).toEqual([0, 0, 0]);
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('GIVEN a schema from a newer newsbot THEN opening fails with E_STORE_OPEN and says what to do', async () => {
    await dropSchema(schema);
    await (await openPostgresStore(testDatabaseUrl, { schema })).close();
    await sql('INSERT INTO newsbot_migrations(version) VALUES (999)');
    const failure = await openPostgresStore(testDatabaseUrl, { schema }).catch((error: unknown) => error);
    expect(hasErrorCode(failure, 'E_STORE_OPEN')).toBe(true);
    expect((failure as Error).message).toMatch(/newer newsbot.*DATABASE_URL/);
  });

  it('GIVEN no server at the URL THEN opening fails with E_STORE_OPEN naming the URL without its password', async () => {
    const failure = await openPostgresStore('postgres://newsbot:secret@127.0.0.1:1/none').catch((error: unknown) => error);
    expect(hasErrorCode(failure, 'E_STORE_OPEN')).toBe(true);
    expect((failure as Error).message).toContain('postgres://newsbot:***@127.0.0.1:1/none');
    expect((failure as Error).message).not.toContain('secret');
  });

  it('GIVEN many instances saving the same people at once THEN each person is stored once', async () => {
    await dropSchema(schema);
    const { makeAnalysis, person } = await import('../helpers/analysis-factory.ts');
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(testDatabaseUrl, { schema, maxConnections: 3 })));
    try {
      const saves = stores.flatMap((store, s) =>
        [0, 1, 2, 3].map((i) =>
          store.saveAnalysis(
            makeAnalysis({ id: `s${s}-${i}`, paragraphs: [`Story ${s} ${i}.`], entities: [person('e1', 'Sergey Lavrov', ['Lavrov']), person('e2', 'Marco Rubio')] }),
          ),
        ),
      );
      expect((await Promise.all(saves)).every((r) => r.status === 'new')).toBe(true);
      const profile = await stores[0]!.getPerson('lavrov');
      expect(profile?.articleCount).toBe(12);
      expect((await stores[0]!.suggestPeople('rub')).map((p) => p.name)).toEqual(['Marco Rubio']);
    } finally {
      for (const store of stores) await store.close();
    }
  });
});

it('tells a postgres:// DATABASE_URL from anything else', () => {
  expect(isPostgresUrl('postgres://u@h/db')).toBe(true);
  expect(isPostgresUrl('postgresql://u@h/db')).toBe(true);
  expect(isPostgresUrl('./data/newsbot.db')).toBe(false);
  expect(isPostgresUrl(undefined)).toBe(false);
});
