import { describe, expect, it } from 'vitest';
import { cosine } from '../../src/stories/cluster/story-clusters.ts';
import { sentenceUnits, weighUnits, type SentenceUnit } from '../../src/stories/sentence-units.ts';
import { rankUnits } from '../../src/stories/summary.ts';
import { nameKeys } from '../../src/stories/article-terms.ts';
import { placeTerms } from '../../src/stories/sentence-units.ts';
import { testSetAnalyses } from './fixtures.ts';

/** LexRank as first written: every pair scored with `cosine`. */
function centralityAllPairs(units: SentenceUnit[]): number[] {
  const nodes = units.filter((u) => !u.isTitle);
  const n = nodes.length;
  const edges: Array<Array<[number, number]>> = nodes.map(() => []);
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      let weight = cosine(nodes[i]!.vector, nodes[j]!.vector);
      if (weight < 0.1) continue;
      if (nodes[i]!.report !== nodes[j]!.report) weight *= 1.5;
      edges[i]!.push([j, weight]);
      edges[j]!.push([i, weight]);
    }
  }
  const outWeight = edges.map((list) => list.reduce((sum, [, w]) => sum + w, 0));
  let scores = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let step = 0; step < 20; step += 1) {
    const next = new Array<number>(n).fill((1 - 0.85) / Math.max(1, n));
    for (let i = 0; i < n; i += 1) {
      const share = outWeight[i]!;
      if (share === 0) continue;
      for (const [j, w] of edges[i]!) next[j] = next[j]! + 0.85 * scores[i]! * (w / share);
    }
    scores = next;
  }
  return scores;
}

describe('rankUnits', () => {
  it('GIVEN a story of many outlets THEN its centrality is the all-pairs LexRank to the last bit', () => {
    const analyses = testSetAnalyses();
    const names = nameKeys(analyses);
    const places = placeTerms(analyses);
    const units = analyses.flatMap((analysis, i) => sentenceUnits(analysis, i % 3, names, places));
    weighUnits(units);
    const nodes = units.filter((u) => !u.isTitle);
    const scores = centralityAllPairs(units);
    const top = Math.max(...scores, 1e-9);
    rankUnits(units);
    expect(nodes.length).toBeGreaterThan(50);
    nodes.forEach((unit, i) => {
      const lead = unit.position === 0 ? 1 : unit.position === 1 ? 0.6 : unit.position === 2 ? 0.3 : 0;
      const density = Math.min(1, unit.names.size / 6);
      const keyPoint = unit.keyPointRank === undefined ? 0 : Math.max(0, 1 - unit.keyPointRank / 5);
      expect(unit.importance).toBe(0.45 * (scores[i]! / top) + 0.25 * lead + 0.2 * density + 0.1 * keyPoint);
    });
  });
});
