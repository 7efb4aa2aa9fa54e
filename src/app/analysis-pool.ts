/**
 * Analysis on worker threads, so that the thread that reads feeds and answers chat never waits
 * behind the NLP. The pool is piscina, sized to the machine's cores; its threads start on the
 * first article and leave again after a while without work.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Piscina } from 'piscina';
import type { Analysis } from '../analyze/types.ts';
import type { Article, RawDocument } from '../ingest/article.ts';
import { EmptyArticleError } from '../ingest/extract/empty-article.ts';
import { adoptClusteringTerms } from '../stories/cluster/story-clusters.ts';
import type { AnalysisWithTerms, CleaningOutcome } from './analysis-worker.ts';
import type { BuildStoryOptions, BuiltStory } from '../stories/build-story.ts';

export interface AnalysisPool {
  /** The article's analysis, computed on a pool thread: the same value analyzeArticle returns. */
  analyze(article: Article): Promise<Analysis>;
  /**
   * The same analysis, with its clustering terms made on the pool thread too and handed to the
   * clusterer (`adoptClusteringTerms`): for a run that clusters what it analysed (`digest`).
   */
  analyzeForClustering(article: Article): Promise<Analysis>;
  /** The cleaned article for a page or feed item, made on a pool thread: what documentToArticle returns. */
  toArticle(raw: RawDocument): Promise<Article>;
  /** One story built from its cluster on a pool thread: what buildStory returns. */
  buildStory(cluster: Analysis[], options: BuildStoryOptions): Promise<BuiltStory>;
  /** At most this many articles are analysed at once. */
  readonly threads: number;
  /** Ends the threads; analyses still running are rejected. */
  close(): Promise<void>;
}

export interface AnalysisPoolOptions {
  /** Threads at most; default the machine's available parallelism. */
  threads?: number;
  /** A thread without work for this long ends (it starts again when work comes). Default 30 s. */
  idleTimeoutMs?: number;
  /**
   * A batch run (`digest`) that only waits for its results: each thread holds a queue of tasks
   * of its own, so it goes on while the main thread is inside a store transaction, and a larger
   * young generation. Not for the bot: results then come back in bursts, and chat waited behind
   * them (event-loop p99 130 ms against 40 ms during a cold poll).
   */
  batch?: boolean;
}

/** True when this module runs compiled (dist/…/analysis-pool.js) rather than from its TypeScript source. */
const compiled = import.meta.url.endsWith('.js');
const workerFile = new URL(compiled ? './analysis-worker.js' : './analysis-worker.ts', import.meta.url).href;

/**
 * Node options for the pool threads. From the TypeScript sources newsbot runs through tsx, and
 * a worker thread does not inherit a loader registered from code (bin/newsbot.js calls tsx's
 * register()), so each thread then imports tsx's loader itself unless the process was started
 * with it. Compiled, the threads need no loader: each one starts faster and holds less memory.
 */
function workerExecArgv(): string[] {
  const inherited = process.execArgv;
  if (compiled || inherited.some((arg) => /[\\/]tsx[\\/]|^tsx$/.test(arg))) return inherited;
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  return [...inherited, '--import', pathToFileURL(join(tsxRoot, 'dist', 'loader.mjs')).href];
}

/**
 * Heap limits of a pool thread. A thread holds ~30 MB of live data between tasks but produces
 * garbage fast; with V8's defaults on a machine with gigabytes of memory, its old generation
 * grows to four times what survived the last full collection and its young generation to 48 MB,
 * so each thread reached ~125 MB in a long poll. A heap limit under 2 GB makes V8 grow the old
 * generation by a factor under 2 instead (512 MB: ~1.4), and a 16 MB young generation scavenges
 * a little more often: ~55 MB a thread. A batch run, which ends soon, takes 32 MB: at 16 MB a
 * long `digest` spent a tenth more CPU time in scavenges (16.3–16.9 s against 14.8–15.3 s for
 * 2,000 articles, runs interleaved). 512 MB is still far more than the largest page the HTTP
 * limits let in needs.
 */
const threadHeapLimits = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 16 };
const batchThreadHeapLimits = { ...threadHeapLimits, maxYoungGenerationSizeMb: 32 };

/** Tasks a thread of a batch pool holds at once: ~100 ms of articles. */
const BATCH_TASKS_PER_THREAD = 32;

/** A pool of analysis threads; nothing starts until the first `analyze`. Close it when done. */
export function createAnalysisPool(options: AnalysisPoolOptions = {}): AnalysisPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  let pool: Promise<Piscina> | undefined;
  let closed = false;
  const start = async (): Promise<Piscina> => {
    // Loaded here, not at the top, so commands that never analyse do not pay for it.
    const { Piscina } = await import('piscina');
    return new Piscina({
      filename: workerFile,
      minThreads: 0,
      maxThreads: threads,
      idleTimeout: options.idleTimeoutMs ?? 30_000,
      execArgv: workerExecArgv(),
      resourceLimits: options.batch ? batchThreadHeapLimits : threadHeapLimits,
      // By default a task the busy threads cannot take yet goes to the back of the queue, so every
      // other article of a long run was analysed last and the store, which writes in input order,
      // waited for the whole run before its first batch. First in, first out keeps them flowing.
      stricterFIFO: true,
      // While the main thread is inside a store transaction (a batch of 100 articles takes over
      // 100 ms) it cannot hand out work: threads with one task at a time sat idle for a third of
      // a long digest.
      concurrentTasksPerWorker: options.batch ? BATCH_TASKS_PER_THREAD : 1,
    });
  };
  const running = (): Promise<Piscina> => {
    if (closed) throw new Error('the analysis pool is closed');
    pool ??= start();
    return pool;
  };
  return {
    threads,
    async analyze(article) {
      return (await running()).run(article) as Promise<Analysis>;
    },
    async analyzeForClustering(article) {
      const { analysis, terms, quoteKeys } = (await (await running()).run(article, { name: 'analyzeForClustering' })) as AnalysisWithTerms;
      adoptClusteringTerms(analysis, { terms: terms.length === 0 ? [] : terms.split('\n'), quoteKeys });
      return analysis;
    },
    async buildStory(cluster, options) {
      return (await running()).run({ cluster, options }, { name: 'buildStory' }) as Promise<BuiltStory>;
    },
    async toArticle(raw) {
      const outcome = (await (await running()).run(raw, { name: 'toArticle' })) as CleaningOutcome;
      if ('emptyArticle' in outcome) throw new EmptyArticleError(outcome.emptyArticle);
      return outcome.article;
    },
    async close() {
      closed = true;
      if (pool) await (await pool).destroy();
    },
  };
}
