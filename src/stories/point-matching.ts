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
  const sharedMentions = [...a.mentions].filter((m) => b.mentions.has(m));
  const actors = sharedMentions.reduce((sum, m) => sum + (a.places.has(m) ? 0.5 : 1), 0);
  const predicate = sharedCount(a.stems, b.stems) - sharedCount(a.figures, b.figures);
  const coverage = sharedMentions.length / Math.max(1, Math.min(a.mentions.size, b.mentions.size));
  // Two figures in common ("$5.7 billion", "51-49") pin down one fact.
  if (sharedCount(a.figures, b.figures) >= 2 && predicate >= 1) return similarity + 0.15;
  if (actors >= 2 && predicate >= 1 && similarity >= 0.12 && coverage >= 0.4) return similarity + 0.2;
  if (actors >= 1 && predicate >= 3 && similarity >= 0.3) return similarity + 0.1;
  if (predicate >= 4 && similarity >= 0.3) return similarity + 0.05;
  if (a.isLead && b.isLead && actors >= 2 && (a.isTitle || b.isTitle || predicate >= 1)) return similarity + 0.05;
  return 0;
}
