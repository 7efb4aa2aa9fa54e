import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyze/types.ts';
import { dateTerms } from '../../src/stories/article-terms.ts';
import { adoptClusteringTerms, articleTime, clusteringTerms, clusterArticles, profileArticle, StoryClusterer, TermFrequencies } from '../../src/stories/cluster/story-clusters.ts';
import { evaluateClustering, loadAnalyses } from '../../src/eval/story-eval.ts';
import { testSetDir } from './fixtures.ts';

const framingDir = `${testSetDir}/framing`;
let framing: Analysis[] | undefined;
const framingAnalyses = (): Analysis[] => (framing ??= loadAnalyses(`${framingDir}/articles`));
const pick = (ids: string[]): Analysis[] =>
  ids.map((id) => {
    const found = framingAnalyses().find((a) => a.article.id === id);
    if (found === undefined) throw new Error(`no framing article ${id}`);
    return found;
  });

function clusterOf(clusters: Analysis[][], id: string): string[] {
  return (clusters.find((c) => c.some((a) => a.article.id === id)) ?? []).map((a) => a.article.id).sort();
}

describe('clustering one event told in different framings', () => {
  const clusters = (): Analysis[][] => clusterArticles(framingAnalyses());

  it('GIVEN terms made ahead, as digest makes them while the pool works THEN the stories are exactly those made without', () => {
    const fresh = loadAnalyses(`${framingDir}/articles`);
    for (const analysis of fresh) adoptClusteringTerms(analysis, clusteringTerms(analysis));
    const ids = (clustered: Analysis[][]) => clustered.map((cluster) => cluster.map((a) => a.article.id));
    expect(ids(clusterArticles(fresh))).toEqual(ids(clusters()));
  });

  it('GIVEN a left and a right outlet telling one shutdown in their own words THEN they are one story', () => {
    // "Second shutdown of the winter as GOP demands deportation money" / "Obstruction again: Moreno blocks border security funding"
    expect(clusterOf(clusters(), 'f02-beacon')).toEqual(['f02-beacon', 'f02-standard', 'f02-wire']);
  });

  it('GIVEN an article two days late in other words with the same names, figure and day THEN it joins the story', () => {
    expect(clusterOf(clusters(), 'f01-fedtimes')).toEqual(['f01-beacon', 'f01-fedtimes', 'f01-standard', 'f01-wire']);
  });

  it('GIVEN the same governor signing a wage law and declaring a drought on one day THEN they stay two stories', () => {
    const stories = clusterArticles(pick(['f09-beacon', 'f09-wire', 'f09-standard', 'f16-wire', 'f16-beacon']));
    expect(clusterOf(stories, 'f09-beacon')).toEqual(['f09-beacon', 'f09-standard', 'f09-wire']);
    expect(clusterOf(stories, 'f16-beacon')).toEqual(['f16-beacon', 'f16-wire']);
  });

  it('GIVEN the same two senators at a bill launch and at a hearing two days later THEN they stay two stories', () => {
    const stories = clusters();
    expect(clusterOf(stories, 'f05-wire')).toEqual(['f05-beacon', 'f05-standard', 'f05-wire']);
    expect(clusterOf(stories, 'f06-wire')).toEqual(['f06-beacon', 'f06-standard', 'f06-wire']);
  });

  it('GIVEN two shutdowns in one winter and two wall stories a week apart THEN each stays its own story', () => {
    const stories = clusters();
    expect(clusterOf(stories, 'f01-wire')).not.toContain('f02-wire');
    expect(clusterOf(stories, 'f03-wire')).toEqual(['f03-beacon', 'f03-standard', 'f03-wire']);
    expect(clusterOf(stories, 'f04-wire')).toEqual(['f04-beacon', 'f04-standard', 'f04-wire']);
  });

  it('GIVEN the whole framing set THEN pairwise and B-cubed recall reach 0.95 at precision 0.98', () => {
    const scores = evaluateClustering(framingDir);
    expect(scores.pairwisePrecision).toBeGreaterThanOrEqual(0.98);
    expect(scores.pairwiseRecall).toBeGreaterThanOrEqual(0.95);
    expect(scores.bcubedPrecision).toBeGreaterThanOrEqual(0.98);
    expect(scores.bcubedRecall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('StoryClusterer with a late article', () => {
  it('GIVEN the framing set streamed in publication order THEN the article two days late joins the shutdown story under its id', () => {
    // Document frequencies from the whole set, as a running bot has them from its history.
    const profiles = framingAnalyses()
      .map((analysis) => profileArticle(analysis, articleTime(analysis, 0)))
      .sort((a, b) => a.time - b.time);
    const frequencies = new TermFrequencies();
    for (const profile of profiles) profile.termIds = frequencies.add(profile.terms);
    const clusterer = new StoryClusterer({ frequencies });
    const storyOf = new Map<string, string>();
    for (const profile of profiles) storyOf.set(profile.analysis.article.id, clusterer.addProfile(profile));
    expect(storyOf.get('f01-fedtimes')).toBe(storyOf.get('f01-beacon'));
    expect(storyOf.get('f01-standard')).toBe(storyOf.get('f01-beacon'));
    expect(storyOf.get('f16-wire')).not.toBe(storyOf.get('f09-wire'));
  });
});

describe('dateTerms', () => {
  const wednesday = Date.parse('2026-11-04T04:30:00Z');

  it('GIVEN bare weekdays THEN they are the last such day on or before publication', () => {
    expect(dateTerms('Lindqvist won on Tuesday; the count ended Wednesday.', wednesday)).toEqual(['%11-03', '%11-04']);
  });

  it('GIVEN written dates THEN they are kept as written, and a name like Marcus is no month', () => {
    expect(dateTerms('the March 3 vote, Sept. 15th, and Marcus 12', Number.NaN)).toEqual(['%03-03', '%09-15']);
  });

  it('GIVEN a weekday pointing forward or no publication time THEN no day is guessed', () => {
    expect(dateTerms('The House votes next Friday, and until Monday.', wednesday)).toEqual([]);
    expect(dateTerms('He spoke on Tuesday.', Number.NaN)).toEqual([]);
  });
});
