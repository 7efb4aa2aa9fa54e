import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis } from '../analyze/types.ts';
import { createAnalysisPool, type AnalysisPool } from '../app/analysis-pool.ts';
import { digestInputs } from '../app/digest-inputs.ts';
import { systemClock } from '../core/clock.ts';
import { createLogger } from '../core/logger.ts';
import { openStore } from '../store/sqlite/sqlite-store.ts';
import type { Article, RawDocument } from '../ingest/article.ts';
import type { BuildStoryOptions } from '../stories/build-story.ts';
import { bytesOf, corpus } from './analyze.ts';

const ARTICLES = Number(process.env.BENCH_DIGEST_ARTICLES ?? 2_000);
/**
 * BENCH_DIGEST_THREADS=0 analyses on the main thread, as before the pool, for a before/after figure;
 * BENCH_DIGEST_NO_BASELINE=1 leaves out the compromise run, for repeated before/after runs.
 */
const THREADS = process.env.BENCH_DIGEST_THREADS === undefined ? undefined : Number(process.env.BENCH_DIGEST_THREADS);

/**
 * `newsbot digest` end to end over 2,000 articles of real news text written as files: read,
 * clean, analyse on the worker pool, store, cluster, compare, build, exactly as the CLI runs it.
 * Beside it, compromise's quotations() and people() over the same texts in the same run.
 * Targets: >= 1 MB/s and >= 8x compromise.
 *
 * A `timeline` says when each stage ended, and a second run over 2,000 other articles on the
 * same, now warm, pool (a fresh store) shows what the run costs once the threads' code is
 * compiled: a command-line run pays that warm-up in every thread, a long-running bot once.
 */
export async function benchDigest(): Promise<Record<string, unknown>> {
  const both = corpus(ARTICLES * 2);
  const articles = both.slice(0, ARTICLES);
  const bytes = bytesOf(articles);
  const pool = THREADS === 0 ? undefined : createAnalysisPool({ batch: true, ...(THREADS === undefined ? {} : { threads: THREADS }) });
  try {
    const cold = await timedDigest(articles, pool);
    const warm = pool ? await timedDigest(both.slice(ARTICLES), pool) : undefined;
    const figures = {
      articles: articles.length,
      megabytes: round(bytes / 1e6),
      threads: pool ? pool.threads : 0,
      stories: cold.stories,
      seconds: cold.seconds,
      cpuSeconds: cold.cpuSeconds,
      mbPerSecond: cold.mbPerSecond,
      targetMbPerSecond: 1,
      timeline: cold.timeline,
      ...(warm ? { warmPool: { seconds: warm.seconds, cpuSeconds: warm.cpuSeconds, mbPerSecond: warm.mbPerSecond, timeline: warm.timeline } } : {}),
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    };
    await pool?.close();
    if (process.env.BENCH_DIGEST_NO_BASELINE) return { ...figures, compromise: 'not run (BENCH_DIGEST_NO_BASELINE)' };

    const { default: nlp } = await import('compromise');
    const baseStarted = performance.now();
    for (const a of articles) {
      const doc = nlp(a.paragraphs.join('\n\n'));
      doc.quotations().out('array');
      doc.people().out('array');
    }
    const baseSeconds = (performance.now() - baseStarted) / 1000;
    const baseMbPerSecond = bytes / 1e6 / baseSeconds;
    return {
      ...figures,
      compromise: { seconds: round(baseSeconds), mbPerSecond: round(baseMbPerSecond) },
      timesCompromise: round(cold.mbPerSecond / baseMbPerSecond),
      targetTimesCompromise: 8,
    };
  } finally {
    await pool?.close();
  }
}

interface TimedDigest {
  stories: number;
  seconds: number;
  cpuSeconds: number;
  mbPerSecond: number;
  /** Seconds from the start until each stage ended: the last article cleaned, analysed, the first story started, the last built. */
  timeline: Record<string, number>;
}

/** One `digest` of `articles`, written as files to a fresh folder and stored in a fresh database. */
async function timedDigest(articles: Article[], pool: AnalysisPool | undefined): Promise<TimedDigest> {
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-digest-'));
  const inputs = join(dir, 'articles');
  mkdirSync(inputs);
  for (const a of articles) writeFileSync(join(inputs, `${a.id}.txt`), [a.title, ...a.paragraphs].join('\n'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const timeline: Record<string, number> = {};
    const mark = (stage: string, once = false): void => {
      if (once && stage in timeline) return;
      timeline[stage] = round((performance.now() - started) / 1000);
    };
    const stages = pool
      ? {
          toArticle: async (raw: RawDocument) => {
            const article = await pool.toArticle(raw);
            mark('cleaned');
            return article;
          },
          analyze: async (article: Article) => {
            const analysis = await pool.analyzeForClustering(article);
            mark('analysed');
            return analysis;
          },
          buildStory: async (cluster: Analysis[], options: BuildStoryOptions) => {
            mark('firstStoryStarted', true);
            const story = await pool.buildStory(cluster, options);
            mark('built');
            return story;
          },
        }
      : {};
    const digest = await digestInputs([inputs], { store, log: createLogger('error'), ...stages }, { clock: systemClock, store: true });
    mark('done');
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    return {
      stories: digest.stories.length,
      seconds: round(seconds),
      // All threads of this process: the main thread's and the pool's.
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      mbPerSecond: round(bytesOf(articles) / 1e6 / seconds),
      timeline,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
