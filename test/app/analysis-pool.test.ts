import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { createAnalysisPool } from '../../src/app/analysis-pool.ts';
import type { Analysis } from '../../src/analyze/types.ts';
import { buildDigest, buildDigestWith } from '../../src/digest/build.ts';
import { clusterArticles, clusteringTerms, profileArticle } from '../../src/stories/cluster/story-clusters.ts';
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

  it('GIVEN the seed articles analysed for clustering on a pool thread THEN they group into exactly the stories made here', async () => {
    const folder = resolve(import.meta.dirname, '../../../shared/fixtures/seeds/articles');
    const articles = readdirSync(folder)
      .filter((name) => name.endsWith('.json'))
      .map((name) => documentToArticle(readDocumentFile(resolve(folder, name))));
    const ids = (clusters: Analysis[][]) => clusters.map((cluster) => cluster.map((analysis) => analysis.article.id));
    const here = ids(clusterArticles(articles.map((article) => analyzeArticle(article))));
    expect(here.some((cluster) => cluster.length > 1)).toBe(true);
    // The terms that come back from the thread are the ones this thread makes.
    const fromPool = await Promise.all(articles.map((article) => pool.analyzeForClustering(article)));
    expect(profileArticle(fromPool[0]!, 0).terms).toEqual(clusteringTerms(analyzeArticle(articles[0]!)).terms);
    expect(ids(clusterArticles(fromPool))).toEqual(here);
  }, 120_000);

  it('GIVEN a long run of articles on two threads THEN they finish in about the order given, so storing can follow the analysis', async () => {
    const twoThreads = createAnalysisPool({ threads: 2 });
    try {
      const texts = ['The minister said the harbour would reopen on Monday.', 'Workers voted to end the strike, the union said on Friday.'];
      const finished: number[] = [];
      await Promise.all(
        Array.from({ length: 60 }, (_, i) => {
          const paragraphs = Array.from({ length: 2 + (i % 5) * 6 }, (_, j) => texts[(i + j) % 2]!);
          return twoThreads.analyze({ id: `a${i}`, source: 's', title: 't', paragraphs, removed: [] }).then(() => finished.push(i));
        }),
      );
      // When half the run is done, it is (nearly) the first half: a thread still starting may hold
      // one article back, but the run is not analysed every other article first and the rest last.
      const firstHalfDone = finished.slice(0, 30).filter((article) => article < 30).length;
      expect(firstHalfDone).toBeGreaterThanOrEqual(26);
    } finally {
      await twoThreads.close();
    }
  }, 60_000);

  it('GIVEN a closed pool THEN analyze says so instead of hanging', async () => {
    const closed = createAnalysisPool({ threads: 1 });
    await closed.close();
    await expect(closed.analyze({ id: 'x', source: 's', title: 't', paragraphs: [], removed: [] })).rejects.toThrow(/closed/);
  });
});
