import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { toAnalysisJson } from '../../src/analyze/json.ts';
import { loadGoldFile } from '../../src/eval/gold.ts';
import { goldPersonSurnames, mustNotContainLeaks, scoreArticle } from '../../src/eval/score-quotes.ts';
import { documentToArticle } from '../../src/ingest/extract/clean.ts';
import { readDocumentFile } from '../../src/ingest/document-file.ts';

const seeds = join(import.meta.dirname, '..', '..', '..', 'shared', 'fixtures', 'seeds');
const own = join(import.meta.dirname, '..', 'fixtures', 'articles');

function scoreGold(dir: string) {
  const gold = loadGoldFile(join(dir, 'gold.json'));
  const persons = goldPersonSurnames(gold.articles);
  return gold.articles.map((g) => {
    const json = toAnalysisJson(analyzeArticle(documentToArticle(readDocumentFile(join(dir, g.file)))));
    return { file: g.file, json, ...scoreArticle(g, json, persons), leaks: mustNotContainLeaks(g.mustNotContain ?? [], json.text, json.quotes) };
  });
}

describe.runIf(existsSync(seeds))('the seed gold', () => {
  const results = scoreGold(seeds);

  it.each(results.map((r) => [r.file, r] as const))('GIVEN seed %s THEN every gold quote is found with its speaker and nothing else', (_, r) => {
    expect(r.details.missedGold).toEqual([]);
    expect(r.details.unmatchedSystem).toEqual([]);
    expect(r.details.speakerWrong).toEqual([]);
  });

  it.each(results.map((r) => [r.file, r] as const))('GIVEN seed %s THEN every listed person is found with the role', (_, r) => {
    expect(r.details.peopleMissed).toEqual([]);
    expect(r.details.rolesWrong).toEqual([]);
  });

  it('GIVEN the donation appeal and newsletter box THEN none of their text reaches the analysis', () => {
    expect(results.flatMap((r) => r.leaks)).toEqual([]);
  });
});

describe("the project's own test articles", () => {
  it('GIVEN articles written for these rules THEN quotes and speakers are all right', () => {
    const results = scoreGold(own);
    const matched = results.reduce((n, r) => n + r.counts.matched, 0);
    const gold = results.reduce((n, r) => n + r.counts.goldQuotes, 0);
    expect(matched).toBe(gold);
    expect(results.flatMap((r) => r.details.speakerWrong)).toEqual([]);
    expect(results.flatMap((r) => r.details.peopleMissed)).toEqual([]);
  });
});
