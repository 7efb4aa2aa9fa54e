import type { Analysis } from '../../src/analyze/types.ts';
import { loadAnalyses } from '../../src/eval/story-eval.ts';

export const seedDir = '../shared/fixtures/seeds';
export const testSetDir = 'test/fixtures/stories';

let seeds: Analysis[] | undefined;
let testSet: Analysis[] | undefined;

/** The two founding articles, through the real ingest and analysis. */
export function seedAnalyses(): Analysis[] {
  seeds ??= loadAnalyses(`${seedDir}/articles`);
  return seeds;
}

/** The written multi-outlet set, through the real ingest and analysis. */
export function testSetAnalyses(): Analysis[] {
  testSet ??= loadAnalyses(`${testSetDir}/articles`);
  return testSet;
}

export function pick(ids: string[]): Analysis[] {
  return ids.map((id) => {
    const found = testSetAnalyses().find((a) => a.article.id === id);
    if (found === undefined) throw new Error(`no test article ${id}`);
    return found;
  });
}
