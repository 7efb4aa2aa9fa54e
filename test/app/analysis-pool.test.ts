import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { createAnalysisPool } from '../../src/app/analysis-pool.ts';
import { buildDigest, buildDigestWith } from '../../src/digest/build.ts';
import { readDocumentFile } from '../../src/ingest/document-file.ts';
import { documentToArticle, EmptyArticleError } from '../../src/ingest/extract/clean.ts';

const page = resolve(import.meta.dirname, '../../../shared/fixtures/pages/newspaper/reuters.com2/source.html');
const seed = resolve(import.meta.dirname, '../../../shared/fixtures/seeds/articles/000_1e144d6f0b5b1d8e.json');

describe('analysis pool', () => {
  const pool = createAnalysisPool({ threads: 1 });
  afterAll(() => pool.close());

  it('GIVEN a seed article THEN a pool thread returns exactly what the pipeline returns here', async () => {
    const article = documentToArticle(readDocumentFile(seed));
    expect(await pool.analyze(article)).toEqual(analyzeArticle(article));
  }, 60_000);

  it('GIVEN a real news page THEN a pool thread cleans it into exactly the article this thread makes', async () => {
    const raw = readDocumentFile(page);
    expect(await pool.toArticle(raw)).toEqual(documentToArticle(raw));
  }, 60_000);

  it('GIVEN a document with no text THEN the pool refuses it with the same coded error as this thread', async () => {
    const empty = pool.toArticle({ id: 'feeds/harbour.xml#3', title: '' });
    await expect(empty).rejects.toBeInstanceOf(EmptyArticleError);
    await expect(empty).rejects.toMatchObject({ code: 'E_EMPTY_ARTICLE', message: expect.stringContaining('feeds/harbour.xml#3') });
  });

  it('GIVEN the seed articles THEN stories built on pool threads make exactly the digest built here', async () => {
    const folder = resolve(import.meta.dirname, '../../../shared/fixtures/seeds/articles');
    const analyses = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => analyzeArticle(documentToArticle(readDocumentFile(resolve(folder, name)))));
    const options = { now: new Date('2026-03-02T09:00:00Z') };
    const here = buildDigest(analyses, options);
    expect(here.stories.some((story) => story.articles.length > 1)).toBe(true);
    expect(await buildDigestWith(analyses, options, pool.buildStory)).toEqual(here);
  }, 120_000);

  it('GIVEN a closed pool THEN analyze says so instead of hanging', async () => {
    const closed = createAnalysisPool({ threads: 1 });
    await closed.close();
    await expect(closed.analyze({ id: 'x', source: 's', title: 't', paragraphs: [], removed: [] })).rejects.toThrow(/closed/);
  });
});
