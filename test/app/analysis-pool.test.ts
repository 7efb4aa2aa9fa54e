import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { createAnalysisPool } from '../../src/app/analysis-pool.ts';
import { readDocumentFile } from '../../src/ingest/document-file.ts';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';

const seed = resolve(import.meta.dirname, '../../../shared/fixtures/seeds/articles/000_1e144d6f0b5b1d8e.json');

describe('analysis pool', () => {
  const pool = createAnalysisPool({ threads: 1 });
  afterAll(() => pool.close());

  it('GIVEN a seed article THEN a pool thread returns exactly what the pipeline returns here', async () => {
    const article = documentToArticle(readDocumentFile(seed));
    expect(await pool.analyze(article)).toEqual(analyzeArticle(article));
  }, 60_000);

  it('GIVEN a closed pool THEN analyze says so instead of hanging', async () => {
    const closed = createAnalysisPool({ threads: 1 });
    await closed.close();
    await expect(closed.analyze({ id: 'x', source: 's', title: 't', paragraphs: [], removed: [] })).rejects.toThrow(/closed/);
  });
});
