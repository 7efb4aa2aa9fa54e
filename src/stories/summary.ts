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
  const edges = lexRankEdges(nodes);
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
 * The LexRank graph: per node, its neighbours (ascending) whose cosine reaches EDGE_THRESHOLD,
 * weighted. Only pairs sharing a term are scored, found through an inverted index: a pair sharing
 * none has cosine 0, below the threshold. Each cosine is summed over the same terms in the same
 * order as `cosine` sums it (the smaller vector's), so every weight is the same to the last bit.
 */
function lexRankEdges(nodes: SentenceUnit[]): Array<Array<[number, number]>> {
  const n = nodes.length;
  const termIds = new Map<string, number>();
  const ids: Int32Array[] = [];
  const weights: Float64Array[] = [];
  /** Per term, the nodes holding it (ascending) and their weights for it. */
  const postingNodes: number[][] = [];
  const postingWeights: number[][] = [];
  /** Per node and term, where the node stands in that term's postings. */
  const positions: Int32Array[] = [];
  for (let i = 0; i < n; i += 1) {
    const vector = nodes[i]!.vector;
    const own = new Int32Array(vector.size);
    const ownWeights = new Float64Array(vector.size);
    const ownPositions = new Int32Array(vector.size);
    let k = 0;
    for (const [term, weight] of vector) {
      let id = termIds.get(term);
      if (id === undefined) {
        id = postingNodes.length;
        termIds.set(term, id);
        postingNodes.push([]);
        postingWeights.push([]);
      }
      own[k] = id;
      ownWeights[k] = weight;
      ownPositions[k] = postingNodes[id]!.length;
      postingNodes[id]!.push(i);
      postingWeights[id]!.push(weight);
      k += 1;
    }
    ids.push(own);
    weights.push(ownWeights);
    positions.push(ownPositions);
  }
  const edges: Array<Array<[number, number]>> = nodes.map(() => []);
  /** Node i's weights by term id, while i is the first of the pairs scored. */
  const dense = new Float64Array(postingNodes.length);
  /** Per later node, its dot product with node i summed in node i's term order (when i is the smaller). */
  const sums = new Float64Array(n);
  const marked = new Int32Array(n).fill(-1);
  const later: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const own = ids[i]!;
    const ownWeights = weights[i]!;
    const size = own.length;
    for (let k = 0; k < size; k += 1) dense[own[k]!] = ownWeights[k]!;
    later.length = 0;
    for (let k = 0; k < size; k += 1) {
      const term = own[k]!;
      const weight = ownWeights[k]!;
      const holders = postingNodes[term]!;
      const holderWeights = postingWeights[term]!;
      for (let p = positions[i]![k]! + 1; p < holders.length; p += 1) {
        const j = holders[p]!;
        if (marked[j] !== i) {
          marked[j] = i;
          sums[j] = 0;
          later.push(j);
        }
        // `cosine` walks the smaller vector, the first one on a tie.
        if (ids[j]!.length >= size) sums[j] = sums[j]! + weight * holderWeights[p]!;
      }
    }
    later.sort((x, y) => x - y);
    for (const j of later) {
      const other = ids[j]!;
      let weight: number;
      if (other.length >= size) weight = sums[j]!;
      else {
        // The other vector is the smaller: walk it, in its order; a term node i lacks adds 0.
        const otherWeights = weights[j]!;
        weight = 0;
        for (let k = 0; k < other.length; k += 1) {
          const mine = dense[other[k]!]!;
          if (mine !== 0) weight += otherWeights[k]! * mine;
        }
      }
      if (weight < EDGE_THRESHOLD) continue;
      if (nodes[i]!.report !== nodes[j]!.report) weight *= CROSS_REPORT_WEIGHT;
      edges[i]!.push([j, weight]);
      edges[j]!.push([i, weight]);
    }
    for (let k = 0; k < size; k += 1) dense[own[k]!] = 0;
  }
  return edges;
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
