import { cosine } from '../cluster/story-clusters.ts';
import { sharedCount, type SentenceUnit } from '../sentence-units.ts';

/**
 * Whether two units state the same point: they share the predicate (what happened, not only who)
 * and, where both say when or how many, the same time and figures. "Called the meeting
 * productive" and "said he had a good meeting" share actors and predicate; "last met in July"
 * and "agreed on Thursday to keep talking after their meeting" share actors and a word, but not
 * the time, so they are two events.
 */
export function samePoint(a: SentenceUnit, b: SentenceUnit): boolean {
  return pointSimilarity(a, b) > 0;
}

/** 0 when the units do not state the same point, else a score for choosing the best match. */
export function pointSimilarity(a: SentenceUnit, b: SentenceUnit): number {
  if (timesConflict(a.times, b.times)) return 0;
  // "120,000 cars" and "90,000 cars" are two different counts, whatever else the sentences share.
  if (a.figures.size > 0 && b.figures.size > 0 && sharedCount(a.figures, b.figures) === 0) return 0;
  const similarity = cosine(a.vector, b.vector);
  const predicate = sharedCount(a.predicates, b.predicates);
  const action = predicateCosine(a, b);
  const sharedFigures = sharedCount(a.figures, b.figures);
  // Places set the scene; two outlets naming the same city have not yet said the same thing.
  const sharedMentions = [...a.mentions].filter((m) => b.mentions.has(m));
  const actors = sharedMentions.reduce((sum, m) => sum + (a.places.has(m) ? 0.5 : 1), 0);
  const coverage = sharedMentions.length / Math.max(1, Math.min(a.mentions.size, b.mentions.size));
  // Names alone never make one point: in a story about two people most sentences name both.
  if (predicate === 0) return sharedFigures >= 2 ? similarity + 0.15 : mainEventSimilarity(a, b, similarity);
  if (similarity >= 0.5 && (predicate >= 2 || action >= 0.35)) return similarity;
  // Two figures in common ("$5.7 billion", "51-49") pin down one fact.
  if (sharedFigures >= 2) return similarity + 0.15;
  // One shared word is the same predicate only when it is rare in the story ("recall", not "meet").
  const samePredicate = predicate >= 2 || action >= 0.35;
  if (actors >= 2 && samePredicate && similarity >= 0.12 && coverage >= 0.4) return similarity + 0.2;
  if (actors >= 1 && predicate >= 3 && similarity >= 0.3) return similarity + 0.1;
  if (predicate >= 4 && similarity >= 0.3) return similarity + 0.05;
  return mainEventSimilarity(a, b, similarity);
}

/**
 * Two reports' titles and leads tell the same main event when, read together, they name the same
 * two actors, share a predicate and do not set it at different times.
 */
function mainEventSimilarity(a: SentenceUnit, b: SentenceUnit, similarity: number): number {
  const x = a.event;
  const y = b.event;
  // Within one report the title and lead always share the event; they are still two sentences.
  if (!isMainEventSentence(a) || !isMainEventSentence(b) || x === undefined || y === undefined || a.report === b.report) return 0;
  if (timesConflict(x.times, y.times)) return 0;
  const actors = [...x.mentions].filter((m) => y.mentions.has(m) && !x.places.has(m) && !y.places.has(m)).length;
  if (actors < 2 || sharedCount(x.predicates, y.predicates) === 0) return 0;
  return similarity + 0.05;
}

/** The title or the first body sentence: what carries a report's main event. */
function isMainEventSentence(unit: SentenceUnit): boolean {
  return unit.isLead && unit.position <= 0;
}

/**
 * Times conflict when both sentences say when and no time is shared; a relative time ("last
 * week") and a named day or month are different moments too.
 */
export function timesConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  // "September 24" and "September 25": the same month, two days.
  const datesA = [...a].filter(isDayKey);
  const datesB = new Set([...b].filter(isDayKey));
  if (datesA.length > 0 && datesB.size > 0 && !datesA.some((key) => datesB.has(key))) return true;
  return sharedCount(a, b) === 0;
}

function isDayKey(key: string): boolean {
  return /-\d+$/.test(key);
}

/** Cosine of the units' weighted vectors over their predicate terms only: what happened, by rarity in the story. */
export function predicateCosine(a: SentenceUnit, b: SentenceUnit): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const term of a.predicates) {
    const weight = a.vector.get(term) ?? 0;
    normA += weight * weight;
    if (b.predicates.has(term)) dot += weight * (b.vector.get(term) ?? 0);
  }
  for (const term of b.predicates) {
    const weight = b.vector.get(term) ?? 0;
    normB += weight * weight;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
