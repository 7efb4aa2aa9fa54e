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
  /**
   * The analysis to run; the pipeline on this thread unless a caller needs otherwise
   * (`AnalysisPool.analyze` runs it on worker threads; a test passes a fake).
   */
  analyze?: Analyze;
}

/** One article's analysis, on this thread or (returning a promise) elsewhere. */
export type Analyze = (article: Article) => Analysis | Promise<Analysis>;

/** One article through the pipeline and into the store; what the store made of it. */
export async function ingestArticle(article: Article, context: Pick<IngestContext, 'store' | 'analyze'>): Promise<{ analysis: Analysis; saved: SaveResult }> {
  const analysis = await (context.analyze ?? analyzeArticle)(article);
  return { analysis, saved: await context.store.saveAnalysis(analysis) };
}

/**
 * Analyses every article and, unless `store` is false, stores it, in the order given. With an
 * asynchronous `analyze` (a worker pool) all articles are handed over at once and analysed in
 * parallel; the results and the store writes keep the input's order either way. An article
 * whose analysis or storage fails is skipped with one warning naming it; the others go on.
 */
export async function ingestArticles(articles: Article[], context: IngestContext, options: { store?: boolean } = {}): Promise<Analysis[]> {
  const analyze = context.analyze ?? analyzeArticle;
  const outcomes = await Promise.allSettled(articles.map(async (article) => analyze(article)));
  const analyses: Analysis[] = [];
  for (const [index, outcome] of outcomes.entries()) {
    const article = articles[index]!;
    if (outcome.status === 'rejected') {
      context.log.warn(`${article.id}: skipped, analysis failed: ${(outcome.reason as Error).message}`);
      continue;
    }
    const analysis = outcome.value;
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
