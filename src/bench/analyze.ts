import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { availableParallelism } from 'node:os';
import { analyzeArticle } from '../analyze/pipeline.ts';
import { createAnalysisPool } from '../app/analysis-pool.ts';
import type { Article } from '../ingest/article.ts';
import { packageRoot } from '../core/package-root.ts';

const REPO = packageRoot;
const FIXTURES = resolve(REPO, '..', 'shared', 'fixtures');
const OWN_ARTICLES = join(REPO, 'test', 'fixtures', 'articles');
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 3_000);
/** compromise is far slower; a slice of the same corpus keeps the run short. */
const BASELINE_ARTICLES = Number(process.env.BENCH_BASELINE_ARTICLES ?? 300);

/** Paragraphs of real news text: the fixtures' expected texts and seeds, and this repo's own articles. */
function paragraphPool(): string[] {
  const texts: string[] = [];
  const addText = (path: string): void => {
    texts.push(...readFileSync(path, 'utf8').split(/\r?\n/).slice(1));
  };
  if (existsSync(OWN_ARTICLES)) for (const f of readdirSync(OWN_ARTICLES)) if (f.endsWith('.txt')) addText(join(OWN_ARTICLES, f));
  const seeds = join(FIXTURES, 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds)) if (f.endsWith('.txt')) addText(join(seeds, f));
  const pages = join(FIXTURES, 'pages');
  if (existsSync(pages)) {
    for (const set of readdirSync(pages)) {
      const setDir = join(pages, set);
      if (!existsSync(setDir) || set.endsWith('.md')) continue;
      for (const name of readdirSync(setDir)) {
        const txt = join(setDir, name, 'expected.txt');
        const html = join(setDir, name, 'expected.html');
        if (existsSync(txt)) addText(txt);
        else if (existsSync(html)) {
          for (const m of readFileSync(html, 'utf8').matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
            texts.push(m[1]!.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;|&rsquo;/g, '’'));
          }
        }
      }
    }
  }
  return texts.map((t) => t.replace(/\s+/g, ' ').trim()).filter((t) => t.length > 40);
}

/** A deterministic pseudo-random generator (mulberry32), so every run analyses the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function corpus(count: number): Article[] {
  const pool = paragraphPool();
  const next = random(42);
  return Array.from({ length: count }, (_, i) => {
    const length = 8 + Math.floor(next() * 20);
    const paragraphs = Array.from({ length }, () => pool[Math.floor(next() * pool.length)]!);
    return { id: `bench-${i}`, source: 'bench', title: paragraphs[0]!.slice(0, 80), paragraphs, removed: [] };
  });
}

export const bytesOf = (articles: readonly Article[]): number =>
  articles.reduce((n, a) => n + Buffer.byteLength(a.paragraphs.join('\n\n')), 0);

/**
 * Analysis throughput on a generated corpus of a few thousand articles (paragraphs drawn from
 * the fixture news texts), beside compromise's `quotations()` and `people()` on a slice of the
 * same corpus. Returns MB/s of article text and articles/s for each, by wall clock and per CPU
 * second (one core; the latter is what a busy machine does not distort).
 */
export async function benchAnalyze(): Promise<Record<string, unknown>> {
  const articles = corpus(ARTICLES);
  const bytes = bytesOf(articles);
  // Warm up the JIT on a few articles first.
  for (const a of articles.slice(0, 50)) analyzeArticle(a);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let quotes = 0;
  let people = 0;
  for (const a of articles) {
    const analysis = analyzeArticle(a);
    quotes += analysis.quotes.length;
    people += analysis.entities.filter((e) => e.type === 'person').length;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpuStarted);

  const pooled = await poolThroughput(articles, bytes);

  const { default: nlp } = await import('compromise');
  const slice = articles.slice(0, BASELINE_ARTICLES);
  const sliceBytes = bytesOf(slice);
  const baseStarted = performance.now();
  const baseCpuStarted = process.cpuUsage();
  for (const a of slice) {
    const doc = nlp(a.paragraphs.join('\n\n'));
    doc.quotations().out('array');
    doc.people().out('array');
  }
  const baseSeconds = (performance.now() - baseStarted) / 1000;
  const baseCpuSeconds = cpuSecondsSince(baseCpuStarted);

  return {
    corpus: { articles: articles.length, megabytes: round(bytes / 1e6), quotesFound: quotes, peopleFound: people },
    newsbot: {
      seconds: round(seconds),
      cpuSeconds: round(cpuSeconds),
      mbPerSecond: round(bytes / 1e6 / seconds),
      mbPerCpuSecond: round(bytes / 1e6 / cpuSeconds),
      articlesPerSecond: Math.round(articles.length / seconds),
      articlesPerCpuSecond: Math.round(articles.length / cpuSeconds),
      targetMbPerSecond: 2,
    },
    pool: pooled,
    compromise: {
      articles: slice.length,
      seconds: round(baseSeconds),
      cpuSeconds: round(baseCpuSeconds),
      mbPerSecond: round(sliceBytes / 1e6 / baseSeconds),
      mbPerCpuSecond: round(sliceBytes / 1e6 / baseCpuSeconds),
      articlesPerSecond: Math.round(slice.length / baseSeconds),
      articlesPerCpuSecond: Math.round(slice.length / baseCpuSeconds),
    },
  };
}

/**
 * The same corpus through the analysis pool, as the bot and `digest` run it: one thread, then
 * one per core; `scaling` is how many times faster the second is (the cores' count at best).
 * Each thread's code is compiled while it runs, so a fresh pool also measures that warm-up in
 * every thread at once; the `warm` figures run the corpus again on the same threads.
 */
async function poolThroughput(articles: Article[], bytes: number): Promise<Record<string, number>> {
  const run = async (threads: number): Promise<[cold: number, warm: number]> => {
    const pool = createAnalysisPool({ threads });
    const timed = async (): Promise<number> => {
      const started = performance.now();
      await Promise.all(articles.map((a) => pool.analyze(a)));
      return (performance.now() - started) / 1000;
    };
    try {
      await Promise.all(articles.slice(0, threads * 10).map((a) => pool.analyze(a)));
      return [await timed(), await timed()];
    } finally {
      await pool.close();
    }
  };
  const cores = availableParallelism();
  const [one, oneWarm] = await run(1);
  const [all, allWarm] = await run(cores);
  return {
    threads: cores,
    oneThreadMbPerSecond: round(bytes / 1e6 / one),
    allThreadsMbPerSecond: round(bytes / 1e6 / all),
    scaling: round(one / all),
    warmOneThreadMbPerSecond: round(bytes / 1e6 / oneWarm),
    warmAllThreadsMbPerSecond: round(bytes / 1e6 / allWarm),
    warmScaling: round(oneWarm / allWarm),
  };
}

/** CPU time of this process since `from` (user + system): per-core cost, whatever else the machine runs. */
function cpuSecondsSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
