import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { hasErrorCode } from '../../src/core/errors.ts';
import { openConfiguredStore } from '../../src/store/open-store.ts';

it('GIVEN no DATABASE_URL THEN the SQLite file is the store', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-open-'));
  try {
    const store = openConfiguredStore({ dbPath: join(dir, 'newsbot.db') });
    expect(await store.countArticles()).toBe(0);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('GIVEN a DATABASE_URL where no server answers THEN the first call fails with E_STORE_OPEN and closing still works', async () => {
  const store = openConfiguredStore({ dbPath: 'unused.db', databaseUrl: 'postgres://newsbot@127.0.0.1:1/newsbot' });
  const failure = await store.countArticles().catch((error: unknown) => error);
  expect(hasErrorCode(failure, 'E_STORE_OPEN')).toBe(true);
  expect((failure as Error).message).toMatch(/127\.0\.0\.1:1.*DATABASE_URL/);
  await expect(store.close()).resolves.toBeUndefined();
});
