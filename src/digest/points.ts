import type { Digest } from './types.ts';

/** Every point a briefing stated (summary, agreed, only-in), so the next one can say what is new. */
export function digestPoints(digest: Digest): string[] {
  const points: string[] = [];
  for (const story of digest.stories) {
    points.push(...story.summary, ...story.agreed.map((a) => a.point));
    for (const list of Object.values(story.onlyIn)) points.push(...list);
  }
  return [...new Set(points)];
}
