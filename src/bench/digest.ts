import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalysisPool } from '../app/analysis-pool.ts';
import { digestInputs } from '../app/digest-inputs.ts';
import { systemClock } from '../core/clock.ts';
import { createLogger } from '../core/logger.ts';
import { openStore } from '../store/sqlite/sqlite-store.ts';
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
 */
export async function benchDigest(): Promise<Record<string, unknown>> {
  const articles = corpus(ARTICLES);
  const bytes = bytesOf(articles);
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-digest-'));
  const inputs = join(dir, 'articles');
  mkdirSync(inputs);
  for (const a of articles) writeFileSync(join(inputs, `${a.id}.txt`), [a.title, ...a.paragraphs].join('\n'));
  const store = openStore(join(dir, 'bench.db'));
  const pool = THREADS === 0 ? undefined : createAnalysisPool({ batch: true, ...(THREADS === undefined ? {} : { threads: THREADS }) });
  try {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const digest = await digestInputs([inputs], { store, log: createLogger('error'), ...(pool ? { analyze: pool.analyzeForClustering, toArticle: pool.toArticle, buildStory: pool.buildStory } : {}) }, { clock: systemClock, store: true });
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    // All threads of this process: the main thread's and the pool's.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    await pool?.close();

    const mbPerSecond = bytes / 1e6 / seconds;
    const figures = {
      articles: articles.length,
      megabytes: round(bytes / 1e6),
      threads: pool ? pool.threads : 0,
      stories: digest.stories.length,
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds),
      mbPerSecond: round(mbPerSecond),
      targetMbPerSecond: 1,
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
    };
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
      timesCompromise: round(mbPerSecond / baseMbPerSecond),
      targetTimesCompromise: 8,
    };
  } finally {
    await pool?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
