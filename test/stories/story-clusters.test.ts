import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyze/types.ts';
import { clusterArticles, storyIdFor, StoryClusterer } from '../../src/stories/cluster/story-clusters.ts';
import { evaluateStories } from '../../src/eval/story-eval.ts';
import { pick, seedAnalyses, testSetAnalyses, testSetDir } from './fixtures.ts';

const ids = (clusters: Analysis[][]): string[][] => clusters.map((c) => c.map((a) => a.article.id).sort());

function clusterOf(clusters: Analysis[][], id: string): string[] {
  return ids(clusters).find((c) => c.includes(id)) ?? [];
}

describe('clusterArticles', () => {
  it('GIVEN the two seed articles with different headlines THEN they form one story', () => {
    const clusters = clusterArticles(seedAnalyses());
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toHaveLength(2);
  });

  it('GIVEN two speeches by the same governor in one week THEN they stay two stories', () => {
    const clusters = clusterArticles(pick(['e1a-courier', 'e1a-ledger', 'e1a-post', 'e1b-courier', 'e1b-ledger']));
    expect(clusterOf(clusters, 'e1a-courier')).toEqual(['e1a-courier', 'e1a-ledger', 'e1a-post']);
    expect(clusterOf(clusters, 'e1b-courier')).toEqual(['e1b-courier', 'e1b-ledger']);
  });

  it('GIVEN a border-wall vote and a shutdown over the wall a month later THEN they stay apart', () => {
    const clusters = clusterArticles(pick(['e2a-dispatch', 'e2a-ledger', 'e2a-courier', 'e2b-dispatch', 'e2b-post']));
    expect(clusterOf(clusters, 'e2a-dispatch')).toEqual(['e2a-courier', 'e2a-dispatch', 'e2a-ledger']);
    expect(clusterOf(clusters, 'e2b-post')).toEqual(['e2b-dispatch', 'e2b-post']);
  });

  it('GIVEN a recall and the same carmaker\'s earnings two days later THEN they stay apart', () => {
    const clusters = clusterArticles(pick(['e4a-courier', 'e4a-wire', 'e4a-ledger', 'e4b-wire', 'e4b-dispatch']));
    expect(clusterOf(clusters, 'e4a-wire')).not.toContain('e4b-wire');
    expect(clusterOf(clusters, 'e4b-wire')).toEqual(['e4b-dispatch', 'e4b-wire']);
  });

  it('GIVEN the whole written test set THEN pairwise precision and recall reach 0.95', () => {
    const { clustering } = evaluateStories({ testSetDir });
    expect(clustering.pairwisePrecision).toBeGreaterThanOrEqual(0.95);
    expect(clustering.pairwiseRecall).toBeGreaterThanOrEqual(0.95);
  });

  it('GIVEN the articles in another order THEN the stories and their first articles are the same', () => {
    const forward = ids(clusterArticles(testSetAnalyses()));
    const backward = ids(clusterArticles([...testSetAnalyses()].reverse()));
    expect(backward.sort()).toEqual(forward.sort());
  });
});

describe('StoryClusterer', () => {
  const [first, second] = seedAnalyses();
  const hour = 3_600_000;

  it('GIVEN a related article inside the quiet window THEN it joins the open story under the first article\'s id', () => {
    const clusterer = new StoryClusterer();
    const id = clusterer.add(first!, 0);
    expect(clusterer.add(second!, 12 * hour)).toBe(id);
    expect(id).toBe(storyIdFor(first!.article.id));
  });

  it('GIVEN the same article after the quiet window THEN it starts a new story', () => {
    const clusterer = new StoryClusterer({ quietHours: 24 });
    const id = clusterer.add(first!, 0);
    expect(clusterer.add(second!, 30 * hour)).not.toBe(id);
    expect(clusterer.stories()).toHaveLength(2);
  });
});
