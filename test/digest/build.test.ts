import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/digest/build.ts';
import { digestPoints } from '../../src/digest/points.ts';
import { pick, seedAnalyses, testSetAnalyses } from '../stories/fixtures.ts';

const now = new Date('2026-03-06T12:00:00Z');

describe('buildDigest', () => {
  it('GIVEN the seed articles and no earlier briefing THEN the briefing has one story with agreed points and exclusives, and "new" repeats none of them', () => {
    const digest = buildDigest(seedAnalyses(), { now: new Date('2025-09-25T08:00:00Z') });
    expect(digest.stories).toHaveLength(1);
    const story = digest.stories[0]!;
    expect(story.articles.map((a) => a.source).sort()).toEqual(['News.Az', 'The Moscow Times']);
    expect(story.agreed.length).toBeGreaterThan(0);
    expect(Object.keys(story.onlyIn).sort()).toEqual(['News.Az', 'The Moscow Times']);
    // The whole story is new: listing its points again under "new" would say them twice.
    expect(story.new).toEqual([]);
    expect(digest.generatedAt).toBe('2025-09-25T08:00:00.000Z');
  });

  it('GIVEN no articles THEN the briefing is empty, not an error', () => {
    expect(buildDigest([], { now }).stories).toEqual([]);
  });

  it('GIVEN no cap THEN every story is listed, single-article ones included', () => {
    const digest = buildDigest([...testSetAnalyses(), ...pick(['e5-wire'])], { now });
    expect(digest.stories).toHaveLength(8);
    const lone = buildDigest(pick(['e5-wire', 'e1b-courier']), { now });
    expect(lone.stories.map((s) => s.articles.length)).toEqual([1, 1]);
  });

  it('GIVEN maxStories THEN only the best stories are kept, those with the most independent sources first', () => {
    const digest = buildDigest(testSetAnalyses(), { now, maxStories: 2 });
    expect(digest.stories).toHaveLength(2);
    for (const story of digest.stories) expect(new Set(story.articles.map((a) => a.source)).size).toBeGreaterThanOrEqual(3);
  });

  it('GIVEN since THEN articles published before it are left out', () => {
    const digest = buildDigest(testSetAnalyses(), { now, since: '2026-03-05T00:00:00Z' });
    const ids = digest.stories.flatMap((s) => s.articles.map((a) => a.id)).sort();
    expect(ids).toEqual(['e1b-courier', 'e1b-ledger', 'e4b-dispatch', 'e4b-wire']);
  });

  it('GIVEN the previous briefing and a newer article THEN only what the newer article adds is new', () => {
    const first = buildDigest(pick(['e4a-courier', 'e4a-wire']), { now });
    const previousPoints = digestPoints(first);
    const second = buildDigest(pick(['e4a-courier', 'e4a-wire', 'e4a-ledger']), { now, previousPoints });
    const story = second.stories[0]!;
    expect(story.id).toBe(first.stories[0]!.id);
    expect(story.new.length).toBeGreaterThan(0);
    for (const point of story.new) expect(previousPoints).not.toContain(point);
    expect(story.new.some((p) => /lawsuit|park outdoors|cooling pump/.test(p))).toBe(true);
  });

  it('GIVEN the previous briefing said it all THEN nothing is new', () => {
    const first = buildDigest(pick(['e5-wire', 'e5-post']), { now });
    const again = buildDigest(pick(['e5-wire', 'e5-post']), { now, previousPoints: digestPoints(first) });
    expect(again.stories[0]!.new).toEqual([]);
  });
});
