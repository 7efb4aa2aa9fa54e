import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../src/app/ingest-articles.ts';
import type { Article } from '../../src/ingest/article.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

function article(id: string, speaker: string): Article {
  return {
    id,
    source: 'Harbour Gazette',
    title: `${speaker} speaks on the harbour budget`,
    paragraphs: [`"The harbour needs a new breakwater before winter," ${speaker} said on Tuesday.`],
    removed: [],
  };
}

describe('GIVEN articles stored in batches', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-ingest-'));
    store = openStore(join(dir, 'newsbot.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('WHEN one article of the batch cannot be stored THEN the others are stored and a warning names that one', async () => {
    // The disk refusing one row: the batch's transaction fails as a whole, as a real constraint error would make it.
    const refusing: Store = Object.create(store) as Store;
    refusing.saveAnalyses = async (analyses) => {
      if (analyses.some((a) => a.article.id === 'broken')) throw new Error('database disk image is malformed');
      return store.saveAnalyses(analyses);
    };
    refusing.saveAnalysis = async (analysis) => {
      if (analysis.article.id === 'broken') throw new Error('database disk image is malformed');
      return store.saveAnalysis(analysis);
    };
    const warnings: string[] = [];
    const log = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const stored: string[] = [];
    const analyses = await ingestArticles(
      [article('first', 'Mayor Ana Ruiz'), article('broken', 'Councillor Tom Reed'), article('last', 'Engineer Ola Berg')],
      { store: refusing, log },
      { onStored: (a) => stored.push(a.id) },
    );
    expect(analyses).toHaveLength(3);
    expect(stored).toEqual(['first', 'last']);
    expect(warnings).toEqual(['broken: not stored: database disk image is malformed']);
    expect(await store.getAnalysis('first')).toBeDefined();
    expect(await store.getAnalysis('last')).toBeDefined();
    expect(await store.getAnalysis('broken')).toBeUndefined();
  });

  it('WHEN the same article comes twice in one batch THEN it is stored once and the second is a duplicate', async () => {
    const statuses: string[] = [];
    await ingestArticles([article('a1', 'Mayor Ana Ruiz'), article('a1', 'Mayor Ana Ruiz')], { store, log: { debug() {}, info() {}, warn() {}, error() {} } }, {
      onStored: (_a, saved) => statuses.push(saved.status),
    });
    expect(statuses).toEqual(['new', 'duplicate']);
  });
});
