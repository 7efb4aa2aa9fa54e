import { analyzeArticle } from '../analyze/pipeline.ts';
import type { Analysis } from '../analyze/types.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Article, ToArticle } from '../ingest/article.ts';
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
  /** How a page or feed item becomes an Article; `AnalysisPool.toArticle` cleans on worker threads. */
  toArticle?: ToArticle;
}

/** One article's analysis, on this thread or (returning a promise) elsewhere. */
export type Analyze = (article: Article) => Analysis | Promise<Analysis>;

/**
 * Analyses every article and, unless `store` is false, stores it, in the order given. With an
 * asynchronous `analyze` (a worker pool) all articles are handed over at once and analysed in
 * parallel; the results and the store writes keep the input's order either way. An article
 * whose analysis or storage fails is skipped with one warning naming it; the others go on.
 */
export async function ingestArticles(
  articles: Article[],
  context: IngestContext,
  options: { store?: boolean; onStored?: (article: Article, saved: SaveResult) => void } = {},
): Promise<Analysis[]> {
  const analyze = context.analyze ?? analyzeArticle;
  // Handed over at once; read back in order, so a batch is stored while later ones are analysed.
  const outcomes = articles.map(async (article) => analyze(article)).map((analysis) =>
    analysis.then(
      (value) => ({ value }),
      (error: unknown) => ({ error: error instanceof Error ? error : new Error(String(error)) }),
    ),
  );
  const analyses: Analysis[] = [];
  let batch: Analysis[] = [];
  const storeBatch = async () => {
    for (const [index, saved] of (await saveAnalysesApart(batch, context.store)).entries()) {
      const article = batch[index]!.article;
      if (saved instanceof Error) context.log.warn(`${article.id}: not stored: ${saved.message}`);
      else options.onStored?.(article, saved);
    }
    batch = [];
  };
  for (const [index, pending] of outcomes.entries()) {
    const outcome = await pending;
    if ('error' in outcome) {
      context.log.warn(`${articles[index]!.id}: skipped, analysis failed: ${outcome.error.message}`);
      continue;
    }
    analyses.push(outcome.value);
    if (options.store === false) continue;
    batch.push(outcome.value);
    if (batch.length >= storeBatchSize) await storeBatch();
  }
  if (batch.length > 0) await storeBatch();
  return analyses;
}

/** Articles stored per transaction: one commit (and one full-text index flush) per batch, not per article. */
const storeBatchSize = 100;

/**
 * Stores analyses in one transaction. When that fails, each is tried on its own, so one bad
 * article costs only itself; its place in the result holds the error that stopped it.
 */
export async function saveAnalysesApart(analyses: readonly Analysis[], store: Store): Promise<Array<SaveResult | Error>> {
  try {
    return await store.saveAnalyses(analyses);
  } catch {
    const results: Array<SaveResult | Error> = [];
    for (const analysis of analyses) {
      try {
        results.push(await store.saveAnalysis(analysis));
      } catch (error) {
        results.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return results;
  }
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

/**
 * Files, folders, feed files or feed URLs: load -> analyse -> store. When storing, a URL read
 * before is read conditionally (If-None-Match / If-Modified-Since, as the poller reads feeds),
 * and a "304 Not Modified" gives the articles stored from its last read, so the briefing is the
 * same as if it had been read again.
 */
export async function ingestInputs(inputs: string[], context: IngestContext, options: IngestInputsOptions = {}): Promise<IngestInputsResult> {
  const storing = options.store ?? true;
  const unchanged = new Map<string, Analysis[]>();
  const validatorsFor = async (url: string) => {
    const last = await context.store.getFetchedUrl(url);
    if (!last || (last.etag === undefined && last.lastModified === undefined)) return undefined;
    const stored = await Promise.all(last.articleIds.map((id) => context.store.getAnalysis(id)));
    // Without every article the last read gave, a 304 could not stand for it: read it whole.
    if (stored.some((analysis) => analysis === undefined)) return undefined;
    unchanged.set(url, stored as Analysis[]);
    return { ...(last.etag === undefined ? {} : { etag: last.etag }), ...(last.lastModified === undefined ? {} : { lastModified: last.lastModified }) };
  };
  const { articles, warnings, fetched } = await loadInputs(inputs, {
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowPrivateUrls === undefined ? {} : { allowPrivateUrls: options.allowPrivateUrls }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(context.toArticle ? { toArticle: context.toArticle } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(storing ? { validatorsFor } : {}),
  });
  for (const warning of warnings) context.log.warn(warning);
  const since = options.since;
  const isKept = (article: Article) => since === undefined || !article.publishedAt || article.publishedAt >= since;
  const kept = articles.filter(isKept).map((article) => (options.feedUrl ? { ...article, feedUrl: options.feedUrl } : article));
  const storedIds = new Map<string, string>();
  const onStored = (article: Article, saved: SaveResult) => {
    // A teaser whose page did not answer is worth another try next time, as the poller does.
    if (!article.teaserOnly) storedIds.set(article.id, saved.id);
  };
  const analyses = await ingestArticles(kept, context, { store: storing, onStored });
  for (const read of fetched) {
    if (read.notModified) {
      analyses.push(...(unchanged.get(read.url) ?? []).filter((analysis) => isKept(analysis.article)));
      continue;
    }
    const ids = read.articleIds.map((id) => storedIds.get(id));
    // Remembered only when every article it gave is stored whole (none left out by --since, a failure or a missing page).
    if (!storing || (read.etag === undefined && read.lastModified === undefined) || ids.length === 0 || ids.some((id) => id === undefined)) continue;
    try {
      await context.store.rememberFetchedUrl({
        url: read.url,
        ...(read.etag === undefined ? {} : { etag: read.etag }),
        ...(read.lastModified === undefined ? {} : { lastModified: read.lastModified }),
        articleIds: ids as string[],
      });
    } catch (error) {
      // Only the next read's shortcut is lost: it will read the URL whole.
      context.log.warn(`${read.url}: not remembered for a conditional read next time: ${(error as Error).message}`);
    }
  }
  const nothingRead = articles.length === 0 && !fetched.some((read) => read.notModified);
  return { analyses, warnings, everyInputFailed: nothingRead && warnings.length > 0 && warnings.length >= inputs.length };
}
