/**
 * The task an analysis-pool thread runs: one Article in, its Analysis out. Kept apart from
 * analysis-pool.ts so a worker loads the pipeline and nothing of the pool.
 */
import { analyzeArticle } from '../analyze/pipeline.ts';
import type { Analysis } from '../analyze/types.ts';
import type { Article } from '../ingest/article.ts';

export default function analyzeInWorker(article: Article): Analysis {
  return analyzeArticle(article);
}
