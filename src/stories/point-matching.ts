import { cosine } from './story-clusters.ts';
import { sharedCount, type SentenceUnit } from './sentence-units.ts';

/**
 * Whether two units state the same point. Either they are close in wording, or they share the
 * actors (two names) and the predicate (a content word), as "called the meeting productive" and
 * "said he had a good meeting" do. Two leads naming the same two actors report the same main event.
 */
export function samePoint(a: SentenceUnit, b: SentenceUnit): boolean {
  return pointSimilarity(a, b) > 0;
}

/** 0 when the units do not state the same point, else a score for choosing the best match. */
export function pointSimilarity(a: SentenceUnit, b: SentenceUnit): number {
  const similarity = cosine(a.vector, b.vector);
  if (similarity >= 0.5) return similarity;
  const actors = sharedCount(a.names, b.names);
  const predicate = sharedCount(a.stems, b.stems);
  if (actors >= 2 && predicate >= 1 && similarity >= 0.12) return similarity + 0.2;
  if (actors >= 1 && predicate >= 3 && similarity >= 0.3) return similarity + 0.1;
  if (a.isLead && b.isLead && actors >= 2 && (a.isTitle || b.isTitle || predicate >= 1)) return similarity + 0.05;
  return 0;
}
