import type { Digest } from './types.ts';

/**
 * Every point a briefing said: summaries, agreed points, points only one outlet had, new points.
 * Stored with the posted run so the next briefing of the same schedule can tell what is new.
 */
export function digestPoints(digest: Digest): string[] {
  const points = new Set<string>();
  for (const story of digest.stories) {
    for (const line of story.summary) points.add(line);
    for (const agreed of story.agreed) points.add(agreed.point);
    for (const list of Object.values(story.onlyIn)) for (const point of list) points.add(point);
    for (const point of story.new) points.add(point);
  }
  return [...points];
}
