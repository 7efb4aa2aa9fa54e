import { cosine } from './cluster/story-clusters.ts';
import { pointSimilarity } from './compare/point-matching.ts';
import { sharedCount, type SentenceUnit } from './sentence-units.ts';

const DAMPING = 0.85;
const ITERATIONS = 20;
const EDGE_THRESHOLD = 0.1;
/** An echo in another outlet counts more than one in the same article. */
const CROSS_REPORT_WEIGHT = 1.5;
/** Wording this close, about the same actor doing the same things, repeats a summary line. */
const SUMMARY_REPEAT_COSINE = 0.35;

/**
 * Scores every unit's importance in place: LexRank centrality over the story's sentences
 * (edges across reports weigh more), plus lead position, name density and the analysis's own
 * key-point rank. Returns the units that may stand as points, most important first.
 */
export function rankUnits(units: SentenceUnit[]): SentenceUnit[] {
  const nodes = units.filter((u) => !u.isTitle);
  const n = nodes.length;
  const edges: Array<Array<[number, number]>> = nodes.map(() => []);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const a = nodes[i];
      const b = nodes[j];
      if (a === undefined || b === undefined) continue;
      let weight = cosine(a.vector, b.vector);
      if (weight < EDGE_THRESHOLD) continue;
      if (a.report !== b.report) weight *= CROSS_REPORT_WEIGHT;
      edges[i]?.push([j, weight]);
      edges[j]?.push([i, weight]);
    }
  }
  const outWeight = edges.map((list) => list.reduce((sum, [, w]) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let step = 0; step < ITERATIONS; step += 1) {
    const next = new Array<number>(n).fill((1 - DAMPING) / Math.max(1, n));
    for (let i = 0; i < n; i += 1) {
      const share = outWeight[i] ?? 0;
      if (share === 0) continue;
      for (const [j, w] of edges[i] ?? []) next[j] = (next[j] ?? 0) + DAMPING * (scores[i] ?? 0) * (w / share);
    }
    scores = next;
  }
  const top = Math.max(...scores, 1e-9);
  nodes.forEach((unit, i) => {
    const centrality = (scores[i] ?? 0) / top;
    const lead = unit.position === 0 ? 1 : unit.position === 1 ? 0.6 : unit.position === 2 ? 0.3 : 0;
    const density = Math.min(1, unit.names.size / 6);
    const keyPoint = unit.keyPointRank === undefined ? 0 : Math.max(0, 1 - unit.keyPointRank / 5);
    unit.importance = 0.45 * centrality + 0.25 * lead + 0.2 * density + 0.1 * keyPoint;
  });
  return nodes.filter((u) => u.pointable).sort((a, b) => b.importance - a.importance || a.position - b.position);
}

/**
 * Picks the summary: 2-3 central sentences, no two saying the same thing, preferring
 * an outlet not yet used when the scores are close (maximal marginal relevance).
 */
export function selectSummary(ranked: SentenceUnit[], size: number): SentenceUnit[] {
  const chosen: SentenceUnit[] = [];
  const pool = ranked.filter((u) => u.text.split(/\s+/).length >= 8);
  while (chosen.length < size) {
    let best: SentenceUnit | undefined;
    let bestScore = -Infinity;
    for (const unit of pool) {
      if (chosen.includes(unit)) continue;
      if (chosen.some((c) => repeats(c, unit))) continue;
      const redundancy = Math.max(0, ...chosen.map((c) => cosine(c.vector, unit.vector)));
      const diversity = chosen.some((c) => c.report === unit.report) ? 0 : 0.08;
      const score = unit.importance - 0.5 * redundancy + diversity;
      if (score > bestScore) {
        bestScore = score;
        best = unit;
      }
    }
    if (best === undefined) break;
    chosen.push(best);
  }
  return chosen;
}

/**
 * A summary line repeats another when it states the same point, or tells of the same actor with
 * the same predicate in close wording: a reaction to a vote beside the vote itself is one line too many.
 */
function repeats(a: SentenceUnit, b: SentenceUnit): boolean {
  if (pointSimilarity(a, b) > 0) return true;
  return (
    cosine(a.vector, b.vector) >= SUMMARY_REPEAT_COSINE && sharedCount(a.predicates, b.predicates) >= 2 && sharedCount(a.mentions, b.mentions) >= 1
  );
}
