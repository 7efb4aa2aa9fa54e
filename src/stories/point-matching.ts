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
  // "Last met in July" and "will meet on Wednesday" are two events with the same actors.
  if (a.times.size > 0 && b.times.size > 0 && sharedCount(a.times, b.times) === 0) return 0;
  // Places set the scene; two outlets naming the same city have not yet said the same thing.
  const sharedPlaces = sharedCount(a.places, b.places);
  const actors = sharedCount(a.names, b.names) - sharedPlaces * 0.5;
  const predicate = sharedCount(a.stems, b.stems);
  const coverage = sharedCount(a.names, b.names) / Math.max(1, Math.min(a.names.size, b.names.size));
  if (actors >= 2 && predicate >= 1 && similarity >= 0.12 && coverage >= 0.4) return similarity + 0.2;
  if (actors >= 1 && predicate >= 3 && similarity >= 0.3) return similarity + 0.1;
  if (a.isLead && b.isLead && actors >= 2 && (a.isTitle || b.isTitle || predicate >= 1)) return similarity + 0.05;
  return 0;
}
