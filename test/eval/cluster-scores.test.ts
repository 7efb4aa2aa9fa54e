import { describe, expect, it } from 'vitest';
import { bcubedScores, pairwiseScores } from '../../src/eval/story-eval.ts';

describe('B-cubed scores', () => {
  const gold: Record<string, string> = { a: 'x', b: 'x', c: 'x', d: 'y' };
  const sameGold = (p: string, q: string): boolean => gold[p] === gold[q];

  it('GIVEN one event split in two THEN B-cubed precision stays 1 and recall is the mean share of each event found together', () => {
    const system: Record<string, number> = { a: 1, b: 1, c: 2, d: 3 };
    const scores = bcubedScores(['a', 'b', 'c', 'd'], sameGold, (p, q) => system[p] === system[q]);
    expect(scores.precision).toBe(1);
    // a and b find 2 of 3, c finds 1 of 3, d finds 1 of 1.
    expect(scores.recall).toBeCloseTo((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4);
  });

  it('GIVEN every article in one story THEN B-cubed punishes the merge less than pairwise does', () => {
    const all = (): boolean => true;
    const bcubed = bcubedScores(['a', 'b', 'c', 'd'], sameGold, all);
    const pairwise = pairwiseScores(['a', 'b', 'c', 'd'], sameGold, all);
    expect(bcubed.recall).toBe(1);
    expect(bcubed.precision).toBeCloseTo((3 / 4) * (3 / 4) + (1 / 4) * (1 / 4));
    expect(pairwise.precision).toBeCloseTo(3 / 6);
  });
});
