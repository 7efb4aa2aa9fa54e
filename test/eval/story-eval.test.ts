import { describe, expect, it } from 'vitest';
import { evaluateStories, pairwiseScores, rouge } from '../../src/eval/story-eval.ts';
import { seedDir, testSetDir } from '../stories/fixtures.ts';

describe('evaluateStories', () => {
  const evaluation = evaluateStories({ testSetDir, seedDir });

  it('GIVEN the seed gold THEN every story check passes', () => {
    expect(Object.keys(evaluation.seedChecks ?? {})).toHaveLength(8);
    expect(Object.entries(evaluation.seedChecks ?? {}).filter(([, ok]) => !ok)).toEqual([]);
  });

  it('GIVEN reference summaries THEN it scores the summaries beside a Lead-3 baseline', () => {
    expect(evaluation.summaries.events).toBe(8);
    expect(evaluation.summaries.system.rouge1).toBeGreaterThan(0.3);
    expect(evaluation.summaries.lead3.rouge1).toBeGreaterThan(0);
    expect(evaluation.syndication).toEqual({ groups: 1, recognised: 1 });
  });
});

describe('metrics', () => {
  it('GIVEN one wrong merge THEN pairwise precision drops and recall stays', () => {
    const gold: Record<string, string> = { a: 'x', b: 'x', c: 'y' };
    const system: Record<string, number> = { a: 1, b: 1, c: 1 };
    const scores = pairwiseScores(['a', 'b', 'c'], (p, q) => gold[p] === gold[q], (p, q) => system[p] === system[q]);
    expect(scores.precision).toBeCloseTo(1 / 3);
    expect(scores.recall).toBe(1);
  });

  it('GIVEN identical texts THEN ROUGE-1 and ROUGE-2 are 1, and 0 for texts with no word in common', () => {
    expect(rouge('the quake hit Chile', 'The quake hit Chile.')).toEqual({ rouge1: 1, rouge2: 1 });
    expect(rouge('alpha beta', 'gamma delta')).toEqual({ rouge1: 0, rouge2: 0 });
  });
});
