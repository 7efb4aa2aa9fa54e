import { analyzeArticle } from '../analyze/pipeline.ts';
import type { Analysis } from '../analyze/types.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Article } from '../ingest/article.ts';
import type { HttpLimits } from '../ingest/http/limits.ts';
import { loadInputs } from '../ingest/inputs.ts';
import type { SaveResult, Store } from '../store/store.ts';

/** How URL inputs are fetched: the NEWSBOT_HTTP_* limits and the private-address switch from config. */
export interface FetchSettings {
  limits?: Partial<HttpLimits>;
  allowPrivateUrls?: boolean;
}

export interface IngestContext {
  store: Store;
  log: Logger;
  /** The analysis to run; the pipeline unless a caller needs otherwise (a worker pool, a test). */
  analyze?: (article: Article) => Analysis;
}

/** One article through the pipeline and into the store; what the store made of it. */
export async function ingestArticle(article: Article, context: Pick<IngestContext, 'store' | 'analyze'>): Promise<{ analysis: Analysis; saved: SaveResult }> {
  const analysis = (context.analyze ?? analyzeArticle)(article);
  return { analysis, saved: await context.store.saveAnalysis(analysis) };
}

/**
 * Analyses every article and, unless `store` is false, stores it. An article whose analysis
 * or storage fails is skipped with one warning naming it; the others go on.
 */
export async function ingestArticles(articles: Article[], context: IngestContext, options: { store?: boolean } = {}): Promise<Analysis[]> {
  const analyze = context.analyze ?? analyzeArticle;
  const analyses: Analysis[] = [];
  for (const article of articles) {
    let analysis: Analysis;
    try {
      analysis = analyze(article);
    } catch (error) {
      context.log.warn(`${article.id}: skipped, analysis failed: ${(error as Error).message}`);
      continue;
    }
    analyses.push(analysis);
    if (options.store === false) continue;
    try {
      await context.store.saveAnalysis(analysis);
    } catch (error) {
      context.log.warn(`${article.id}: not stored: ${(error as Error).message}`);
    }
  }
  return analyses;
}

export interface IngestInputsOptions extends FetchSettings {
  clock?: Clock;
  /** Keep only articles published at or after this ISO time (undated ones are kept). */
  since?: string;
  /** False: analyse without saving (`digest --no-store`). */
  store?: boolean;
  /** Record this feed on every article (local feed files named by a digest definition). */
  feedUrl?: string;
  onProgress?: (done: number, total: number, input: string) => void;
}

export interface IngestInputsResult {
  analyses: Analysis[];
  /** One line per broken input, naming it; already logged. */
  warnings: string[];
  /** True when there were inputs and every one of them failed. */
  everyInputFailed: boolean;
}

/** Files, folders, feed files or feed URLs: load -> analyse -> store. */
export async function ingestInputs(inputs: string[], context: IngestContext, options: IngestInputsOptions = {}): Promise<IngestInputsResult> {
  const { articles, warnings } = await loadInputs(inputs, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowPrivateUrls === undefined ? {} : { allowPrivateUrls: options.allowPrivateUrls }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  for (const warning of warnings) context.log.warn(warning);
  const since = options.since;
  const kept = articles
    .filter((article) => since === undefined || !article.publishedAt || article.publishedAt >= since)
    .map((article) => (options.feedUrl ? { ...article, feedUrl: options.feedUrl } : article));
  const analyses = await ingestArticles(kept, context, { store: options.store ?? true });
  return { analyses, warnings, everyInputFailed: articles.length === 0 && warnings.length > 0 && warnings.length >= inputs.length };
}
