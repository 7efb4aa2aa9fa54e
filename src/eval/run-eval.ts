/**
 * `npm run eval [GOLD.json ...] [--pages DIR | --no-pages] [--source] [--json] [--details PATH]`
 *
 * Scores the analysis on gold of the seed format (default: the seed gold, this repo's own test
 * articles, and the annotated pages when ../shared/fixtures is present) and prints, per set,
 * quote precision/recall/F1, speaker accuracy, people and roles and boilerplate leaks, with the
 * compromise baseline beside them. Other parts of the evaluation (extraction, stories) plug in
 * as further sections through `evalSections`. The last stdout line is one JSON summary.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../analyze/pipeline.ts';
import { packageRoot } from '../core/package-root.ts';
import { toAnalysisJson } from '../analyze/json.ts';
import type { Article } from '../ingest/article.ts';
import { documentToArticle } from '../ingest/extract/clean.ts';
import { readDocumentFile } from '../ingest/document-file.ts';
import { extractionEvalSection } from './extraction-score.ts';
import { evaluateClustering, evaluateStories, type ClusteringScores } from './story-eval.ts';
import { baselineAnalysis } from './baseline.ts';
import { GoldFileError, loadGoldFile, loadPageGolds, type GoldArticle } from './gold.ts';
import { articleFromExpectedText } from './page-text.ts';
import {
  addCounts,
  emptyCounts,
  goldPersonSurnames,
  mustNotContainLeaks,
  quoteMetrics,
  scoreArticle,
  type QuoteCounts,
  type QuoteDetails,
} from './score-quotes.ts';

export interface EvalOptions {
  goldFiles: string[];
  pagesDir?: string;
  /** Analyse the pages' source.html through extraction instead of their expected text. */
  fromSource: boolean;
  json: boolean;
  detailsPath?: string;
}

/** One block of the evaluation report: printed lines and a JSON summary entry. */
export interface EvalSection {
  name: string;
  run(options: EvalOptions): Promise<{ lines: string[]; summary: unknown }> | { lines: string[]; summary: unknown };
}

interface ScoredDoc {
  label: string;
  gold: GoldArticle;
  article: Article;
}

interface SetResult {
  name: string;
  counts: QuoteCounts;
  baseline: QuoteCounts;
  leaks: string[];
  details: Record<string, QuoteDetails>;
}

const REPO = packageRoot;
const FIXTURES = resolve(REPO, '..', 'shared', 'fixtures');
export const DEFAULT_GOLD = join(FIXTURES, 'seeds', 'gold.json');
export const OWN_GOLD = join(REPO, 'test', 'fixtures', 'articles', 'gold.json');
export const DEFAULT_PAGES = join(FIXTURES, 'pages');

function articleFromFile(path: string): Article {
  return documentToArticle(readDocumentFile(path));
}

function scoreSet(name: string, docs: readonly ScoredDoc[]): SetResult {
  const persons = goldPersonSurnames(docs.map((d) => d.gold));
  const result: SetResult = { name, counts: emptyCounts(), baseline: emptyCounts(), leaks: [], details: {} };
  for (const doc of docs) {
    const json = toAnalysisJson(analyzeArticle(doc.article));
    const { counts, details } = scoreArticle(doc.gold, json, persons);
    addCounts(result.counts, counts);
    result.details[doc.label] = details;
    addCounts(result.baseline, scoreArticle(doc.gold, baselineAnalysis(doc.article.title, doc.article.paragraphs), persons).counts);
    for (const leak of mustNotContainLeaks(doc.gold.mustNotContain ?? [], json.text, json.quotes)) result.leaks.push(`${doc.label}: ${leak}`);
  }
  return result;
}

function goldSet(path: string): ScoredDoc[] {
  const gold = loadGoldFile(path);
  return gold.articles.map((a) => {
    const file = resolve(dirname(path), a.file);
    if (!existsSync(file)) throw new GoldFileError(path, `names ${a.file}, which is missing beside it; put the article there or fix "file"`);
    return { label: a.file, gold: a, article: articleFromFile(file) };
  });
}

function pageSet(dir: string, fromSource: boolean): ScoredDoc[] {
  return loadPageGolds(dir).flatMap((page) => {
    const title = page.gold.title ?? '';
    const source = page.gold.outlet ?? page.label;
    const article = fromSource
      ? articleFromFile(join(page.dir, page.gold.file))
      : articleFromExpectedText(page.dir, page.label, title, source);
    return article ? [{ label: page.label, gold: page.gold, article }] : [];
  });
}

const fmt = (v: number | null | undefined): string => (v === null || v === undefined ? '   -  ' : v.toFixed(3).padStart(6));

function quoteTable(results: readonly SetResult[]): string[] {
  const cols = ['quote_precision', 'quote_recall', 'quote_f1', 'speaker_accuracy', 'people_recall', 'people_precision', 'role_accuracy', 'role_precision'] as const;
  const head = `${'set'.padEnd(26)} ${'system'.padEnd(10)} ${cols.map((c) => c.replace('quote_', 'q_').replace('_accuracy', '_acc').replace('_precision', '_P').padStart(11)).join(' ')}  quotes  people  leaks`;
  const lines = [head, '-'.repeat(head.length)];
  for (const r of results) {
    for (const [who, counts] of [['newsbot', r.counts], ['compromise', r.baseline]] as const) {
      const m = quoteMetrics(counts);
      lines.push(
        `${(who === 'newsbot' ? r.name : '').padEnd(26)} ${who.padEnd(10)} ${cols.map((c) => fmt(m[c]).padStart(11)).join(' ')}  ${String(counts.matched).padStart(3)}/${String(counts.goldQuotes).padEnd(3)} ${String(counts.peopleFound).padStart(3)}/${String(counts.goldPeople).padEnd(3)} ${who === 'newsbot' ? r.leaks.length : '-'}`,
      );
    }
  }
  return lines;
}

/** The quote section: every gold set scored, newsbot beside the baseline. */
export const quoteSection: EvalSection = {
  name: 'quotes',
  run(options) {
    const results: SetResult[] = [];
    for (const path of options.goldFiles) {
      const name = path === DEFAULT_GOLD ? 'seeds' : path === OWN_GOLD ? 'own-articles' : basename(dirname(path)) + '/' + basename(path);
      results.push(scoreSet(name, goldSet(path)));
    }
    if (options.pagesDir) {
      const docs = pageSet(options.pagesDir, options.fromSource);
      if (docs.length) results.push(scoreSet(options.fromSource ? 'pages (source.html)' : 'pages (expected text)', docs));
    }
    const lines = quoteTable(results);
    for (const r of results) {
      for (const leak of r.leaks) lines.push(`LEAK ${r.name}: ${leak}`);
    }
    if (options.detailsPath) {
      writeFileSync(options.detailsPath, JSON.stringify(Object.fromEntries(results.map((r) => [r.name, r.details])), null, 2));
      lines.push(`details written to ${options.detailsPath}`);
    }
    const summary = Object.fromEntries(
      results.map((r) => [r.name, { ...quoteMetrics(r.counts), must_not_contain_leaks: r.leaks.length, baseline: quoteMetrics(r.baseline) }]),
    );
    return { lines, summary };
  },
};

/**
 * The report's sections, in order. Extraction and story checks add theirs here
 * (`evalSections.push({ name, run })`) before `runEval` is called.
 */
export const evalSections: EvalSection[] = [quoteSection, extractionEvalSection, storySection()];

/** Clustering, summaries (beside Lead-3) and the seed story checks. */
function storySection(): EvalSection {
  return {
    name: 'stories',
    run() {
      const seedDir = join(FIXTURES, 'seeds');
      const result = evaluateStories({ testSetDir: join(REPO, 'test', 'fixtures', 'stories'), ...(existsSync(seedDir) ? { seedDir } : {}) });
      const framing = evaluateClustering(join(REPO, 'test', 'fixtures', 'stories', 'framing'));
      const f = (n: number) => n.toFixed(3);
      const clusteringLine = (name: string, c: ClusteringScores): string =>
        `clustering (${name}, ${c.articles} articles, ${c.events} events -> ${c.stories} stories): pairwise P ${f(c.pairwisePrecision)} R ${f(c.pairwiseRecall)} F1 ${f(c.pairwiseF1)}   B-cubed P ${f(c.bcubedPrecision)} R ${f(c.bcubedRecall)} F1 ${f(c.bcubedF1)}`;
      const { clustering: c, summaries: s, syndication } = result;
      const lines = [
        clusteringLine('own multi-outlet set', c),
        clusteringLine('framing set', framing),
        `wire copies recognised: ${syndication.recognised}/${syndication.groups}`,
        `summaries (${s.events} references): ROUGE-1 ${f(s.system.rouge1)} ROUGE-2 ${f(s.system.rouge2)} from ${s.outletsPerSummary.toFixed(2)} outlets   baseline Lead-3: ROUGE-1 ${f(s.lead3.rouge1)} ROUGE-2 ${f(s.lead3.rouge2)} from 1 outlet`,
      ];
      if (result.seedChecks) {
        const checks = Object.entries(result.seedChecks);
        lines.push(`seed story checks: ${checks.filter(([, ok]) => ok).length}/${checks.length}`);
        for (const [name, ok] of checks) lines.push(`  ${ok ? 'yes' : 'NO '}  ${name}`);
      }
      return { lines, summary: { ...result, framingClustering: framing } };
    },
  };
}

/** Runs every section, prints its lines (unless `json`) and returns the summary object. */
export async function runEval(options: EvalOptions, sections: readonly EvalSection[] = evalSections): Promise<Record<string, unknown>> {
  const summary: Record<string, unknown> = {};
  for (const section of sections) {
    const { lines, summary: part } = await section.run(options);
    if (!options.json) console.log([`== ${section.name}`, ...lines, ''].join('\n'));
    summary[section.name] = part;
  }
  console.log(JSON.stringify(summary));
  return summary;
}

/** Parses the command line of `npm run eval`. */
export function parseEvalArgs(argv: readonly string[]): EvalOptions {
  const goldFiles: string[] = [];
  let pagesDir: string | undefined = existsSync(DEFAULT_PAGES) ? DEFAULT_PAGES : undefined;
  let fromSource = false;
  let json = false;
  let detailsPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--pages') {
      const dir = argv[++i];
      if (!dir) throw new Error('--pages needs a folder: --pages ../shared/fixtures/pages');
      pagesDir = resolve(dir);
    } else if (arg === '--no-pages') pagesDir = undefined;
    else if (arg === '--source') fromSource = true;
    else if (arg === '--json') json = true;
    else if (arg === '--details') {
      detailsPath = argv[++i];
      if (!detailsPath) throw new Error('--details needs a file path: --details /tmp/eval-details.json');
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}; use GOLD.json..., --pages DIR, --no-pages, --source, --json, --details PATH`);
    else goldFiles.push(resolve(arg));
  }
  if (!goldFiles.length) {
    if (existsSync(DEFAULT_GOLD)) goldFiles.push(DEFAULT_GOLD);
    if (existsSync(OWN_GOLD)) goldFiles.push(OWN_GOLD);
  }
  if (!goldFiles.length && !pagesDir) throw new GoldFileError(DEFAULT_GOLD, 'no gold found; give a gold file of the seed format as argument');
  return { goldFiles, ...(pagesDir ? { pagesDir } : {}), fromSource, json, ...(detailsPath ? { detailsPath } : {}) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await runEval(parseEvalArgs(process.argv.slice(2)));
  } catch (error) {
    const e = error as Error & { code?: string };
    console.error(`${e.name}${e.code ? `[${e.code}]` : ''}: ${e.message}`);
    process.exitCode = 1;
  }
}
