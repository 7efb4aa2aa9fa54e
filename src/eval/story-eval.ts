import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyzeArticle } from '../analyze/pipeline.ts';
import type { Analysis } from '../analyze/types.ts';
import { buildDigest } from '../digest/build.ts';
import { documentToArticle } from '../ingest/extract/clean.ts';
import { readDocumentFile } from '../ingest/document-file.ts';
import { buildStory } from '../stories/build-story.ts';
import { clusterArticles } from '../stories/cluster/story-clusters.ts';
import { independentReports } from '../stories/cluster/syndication.ts';
import { words } from '../stories/text.ts';
import type { Story } from '../stories/types.ts';

/** The gold of a multi-outlet test set (test/fixtures/stories/gold.json). */
export interface StoryTestGold {
  /** Event name -> ids of the articles that tell it. */
  clusters: Record<string, string[]>;
  /** Groups of article ids that are one report under several outlets. */
  syndicated?: string[][];
  /** Event name -> a hand-written reference summary. */
  references?: Record<string, string>;
}

/** The `story` block of the seed gold (../shared/fixtures/seeds/gold.json). */
export interface SeedStoryGold {
  oneCluster?: boolean;
  sameEntity?: string[][];
  agreedMentions?: string[][];
  onlyIn?: Record<string, string[]>;
  notAgreed?: string[];
}

export interface RougeScores {
  rouge1: number;
  rouge2: number;
}

/** Clustering against gold events: pairwise (over article pairs) and B-cubed (per article) precision/recall. */
export interface ClusteringScores {
  articles: number;
  events: number;
  stories: number;
  pairwisePrecision: number;
  pairwiseRecall: number;
  pairwiseF1: number;
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

export interface StoryEvaluation {
  clustering: ClusteringScores;
  syndication: { groups: number; recognised: number };
  /** ROUGE F1 of the story summaries against the references, beside Lead-3 of the first article. */
  summaries: { events: number; system: RougeScores; lead3: RougeScores; outletsPerSummary: number };
  /** Seed checks by name -> passed, when a seed folder was given. */
  seedChecks?: Record<string, boolean>;
}

export interface EvaluateStoriesOptions {
  /** Folder with `articles/*.json` and `gold.json` (default test/fixtures/stories). */
  testSetDir?: string;
  /** Folder with `articles/*.json` and `gold.json` holding a `story` block (the seed format). */
  seedDir?: string;
}

/**
 * Scores clustering (pairwise precision/recall against the gold events), syndication,
 * and summaries (ROUGE-1/2 beside a Lead-3 baseline) on a written multi-outlet test set,
 * and runs the seed story checks. Reads only the folders it is given.
 */
export function evaluateStories(options: EvaluateStoriesOptions = {}): StoryEvaluation {
  const dir = options.testSetDir ?? 'test/fixtures/stories';
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as StoryTestGold;
  const analyses = loadAnalyses(join(dir, 'articles'));
  const clusters = clusterArticles(analyses);

  let recognised = 0;
  for (const group of gold.syndicated ?? []) {
    const members = group.map((id) => analyses.find((a) => a.article.id === id)).filter((a): a is Analysis => a !== undefined);
    const reports = independentReports(members);
    if (members.length === group.length && new Set(reports).size === 1) recognised += 1;
  }

  const system: RougeScores[] = [];
  const lead3: RougeScores[] = [];
  const outlets: number[] = [];
  for (const [event, reference] of Object.entries(gold.references ?? {})) {
    const ids = new Set(gold.clusters[event] ?? []);
    const cluster = clusters
      .map((c) => ({ c, hits: c.filter((a) => ids.has(a.article.id)).length }))
      .sort((x, y) => y.hits - x.hits)[0]?.c;
    if (cluster === undefined) continue;
    const story = buildStory(cluster);
    system.push(rouge(story.summary.join(' '), reference));
    outlets.push(summaryOutlets(story.summary, cluster));
    const first = cluster[0];
    lead3.push(rouge((first?.sentences ?? []).slice(0, 3).map((s) => s.text).join(' '), reference));
  }

  const evaluation: StoryEvaluation = {
    clustering: scoreClusters(gold.clusters, clusters),
    syndication: { groups: (gold.syndicated ?? []).length, recognised },
    summaries: {
      events: system.length,
      system: meanRouge(system),
      lead3: meanRouge(lead3),
      outletsPerSummary: round(outlets.reduce((sum, n) => sum + n, 0) / Math.max(1, outlets.length)),
    },
  };
  if (options.seedDir !== undefined) evaluation.seedChecks = seedStoryChecks(options.seedDir);
  return evaluation;
}

/** Clusters a test set's articles (`articles/*.json` beside `gold.json`) and scores them against its gold events. */
export function evaluateClustering(dir: string): ClusteringScores {
  const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as StoryTestGold;
  return scoreClusters(gold.clusters, clusterArticles(loadAnalyses(join(dir, 'articles'))));
}

/**
 * How many outlets a summary's sentences come from (Lead-3 always has one): a sentence is
 * found in its article by its ending, which a rewritten opener leaves as printed.
 */
function summaryOutlets(summary: string[], cluster: Analysis[]): number {
  const sources = new Set<string>();
  for (const line of summary) {
    const ending = line.slice(-40);
    const from = cluster.find((a) => a.article.paragraphs.some((p) => p.includes(ending)));
    if (from !== undefined) sources.add(from.article.source);
  }
  return sources.size;
}

/**
 * The seed story checks, in the same terms as the development scorer: one story holding
 * every seed article, merged spellings, an agreed point naming both actors, per-source
 * exclusives, and words that must not be agreed.
 */
export function seedStoryChecks(seedDir: string): Record<string, boolean> {
  const gold = (JSON.parse(readFileSync(join(seedDir, 'gold.json'), 'utf8')) as { story?: SeedStoryGold }).story ?? {};
  const analyses = loadAnalyses(join(seedDir, 'articles'));
  const digest = buildDigest(analyses, { now: new Date() });
  const ids = new Set(analyses.map((a) => a.article.id));
  const story: Story | undefined = [...digest.stories].sort(
    (a, b) => b.articles.filter((x) => ids.has(x.id)).length - a.articles.filter((x) => ids.has(x.id)).length,
  )[0];
  const checks: Record<string, boolean> = {};
  if (gold.oneCluster) checks['one_story'] = digest.stories.length === 1 && story !== undefined && story.articles.length === ids.size;
  for (const [a, b] of (gold.sameEntity ?? []) as Array<[string, string]>) {
    const needed = [...words(a), ...words(b)];
    checks[`same_entity ${a} = ${b}`] = (story?.people ?? []).some((p) => {
      const carried = new Set([p.name, ...p.aliases].flatMap(words));
      return needed.every((w) => carried.has(w));
    });
  }
  for (const mention of gold.agreedMentions ?? []) {
    checks[`agreed mentions ${mention.join(' + ')}`] = (story?.agreed ?? []).some((p) => mention.every((w) => hasWord(p.point, w)));
  }
  for (const [source, keys] of Object.entries(gold.onlyIn ?? {})) {
    const entry = Object.entries(story?.onlyIn ?? {}).find(([s]) => s.toLowerCase() === source.toLowerCase())?.[1] ?? [];
    for (const key of keys) checks[`onlyIn[${source}] mentions ${key}`] = entry.some((p) => hasWord(p, key));
  }
  for (const key of gold.notAgreed ?? []) {
    checks[`${key} not agreed`] = digest.stories.length > 0 && digest.stories.every((s) => s.agreed.every((p) => !hasWord(p.point, key)));
  }
  return checks;
}

/** Analyses of every article file in a folder, through the same ingest and analysis as the CLI. */
export function loadAnalyses(dir: string): Analysis[] {
  return readdirSync(dir)
    .filter((name) => /\.(json|txt|html?)$/i.test(name))
    .sort()
    .map((name) => {
      const raw = readDocumentFile(join(dir, name));
      return analyzeArticle(documentToArticle({ ...raw, id: raw.id || basename(name).replace(/\.[^.]+$/, '') }));
    });
}

function hasWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}(?:$|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/**
 * Scores system clusters against gold events, over the articles the gold names: pairwise and
 * B-cubed precision/recall, rounded to three places.
 */
export function scoreClusters(goldClusters: Record<string, string[]>, clusters: Analysis[][]): ClusteringScores {
  const predicted = new Map<string, number>();
  clusters.forEach((cluster, i) => cluster.forEach((a) => predicted.set(a.article.id, i)));
  const truth = new Map<string, string>();
  for (const [event, ids] of Object.entries(goldClusters)) for (const id of ids) truth.set(id, event);
  const items = [...truth.keys()];
  const sameInGold = (a: string, b: string): boolean => truth.get(a) === truth.get(b);
  // An article the system never saw is a story of its own.
  const sameInSystem = (a: string, b: string): boolean => a === b || (predicted.has(a) && predicted.get(a) === predicted.get(b));
  const pairs = pairwiseScores(items, sameInGold, sameInSystem);
  const bcubed = bcubedScores(items, sameInGold, sameInSystem);
  return {
    articles: truth.size,
    events: Object.keys(goldClusters).length,
    stories: new Set(items.map((id) => predicted.get(id) ?? `alone:${id}`)).size,
    pairwisePrecision: round(pairs.precision),
    pairwiseRecall: round(pairs.recall),
    pairwiseF1: round(pairs.f1),
    bcubedPrecision: round(bcubed.precision),
    bcubedRecall: round(bcubed.recall),
    bcubedF1: round(bcubed.f1),
  };
}

/**
 * B-cubed precision/recall (Bagga and Baldwin): per item, the share of its system cluster that
 * shares its gold event, and the share of its gold event that shares its system cluster, averaged
 * over items. Unlike pairwise scores, large clusters do not outweigh small ones quadratically.
 * `same*` must be reflexive. Enumerates pairs: small gold sets only.
 */
export function bcubedScores(
  items: string[],
  sameInGold: (a: string, b: string) => boolean,
  sameInSystem: (a: string, b: string) => boolean,
): { precision: number; recall: number; f1: number } {
  if (items.length === 0) return { precision: 1, recall: 1, f1: 1 };
  let precision = 0;
  let recall = 0;
  for (const a of items) {
    let both = 0;
    let system = 0;
    let gold = 0;
    for (const b of items) {
      const g = sameInGold(a, b);
      const s = sameInSystem(a, b);
      if (g) gold += 1;
      if (s) system += 1;
      if (g && s) both += 1;
    }
    precision += system === 0 ? 1 : both / system;
    recall += gold === 0 ? 1 : both / gold;
  }
  precision /= items.length;
  recall /= items.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Pairwise precision/recall over all item pairs (small gold sets only: the pairs are enumerated). */
export function pairwiseScores(
  items: string[],
  sameInGold: (a: string, b: string) => boolean,
  sameInSystem: (a: string, b: string) => boolean,
): { precision: number; recall: number; f1: number } {
  let truePositives = 0;
  let systemPairs = 0;
  let goldPairs = 0;
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i] ?? '';
      const b = items[j] ?? '';
      const gold = sameInGold(a, b);
      const system = sameInSystem(a, b);
      if (gold) goldPairs += 1;
      if (system) systemPairs += 1;
      if (gold && system) truePositives += 1;
    }
  }
  const precision = systemPairs === 0 ? 1 : truePositives / systemPairs;
  const recall = goldPairs === 0 ? 1 : truePositives / goldPairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** ROUGE-N F1 on lowercase word n-grams (clipped counts), for N = 1 and 2. */
export function rouge(candidate: string, reference: string): RougeScores {
  return { rouge1: rougeN(candidate, reference, 1), rouge2: rougeN(candidate, reference, 2) };
}

function rougeN(candidate: string, reference: string, n: number): number {
  const grams = (text: string): Map<string, number> => {
    const tokens = words(text);
    const map = new Map<string, number>();
    for (let i = 0; i + n <= tokens.length; i += 1) {
      const gram = tokens.slice(i, i + n).join(' ');
      map.set(gram, (map.get(gram) ?? 0) + 1);
    }
    return map;
  };
  const c = grams(candidate);
  const r = grams(reference);
  let overlap = 0;
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0);
  const cTotal = [...c.values()].reduce((s, x) => s + x, 0);
  const rTotal = [...r.values()].reduce((s, x) => s + x, 0);
  if (overlap === 0 || cTotal === 0 || rTotal === 0) return 0;
  const p = overlap / cTotal;
  const rc = overlap / rTotal;
  return (2 * p * rc) / (p + rc);
}

function meanRouge(list: RougeScores[]): RougeScores {
  if (list.length === 0) return { rouge1: 0, rouge2: 0 };
  return {
    rouge1: round(list.reduce((s, x) => s + x.rouge1, 0) / list.length),
    rouge2: round(list.reduce((s, x) => s + x.rouge2, 0) / list.length),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
