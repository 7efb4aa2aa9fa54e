import type { AgreedPoint } from '../types.ts';
import type { SentenceUnit } from '../sentence-units.ts';
import { pointSimilarity, samePoint } from './point-matching.ts';

export interface CompareOptions {
  maxAgreed?: number;
  maxOnlyInPerSource?: number;
  /** Sentences another section already shows (the summary): never listed as only-in points. */
  shownElsewhere?: ReadonlySet<string>;
}

/** What the comparison shows, and the units it shows: no other section of the story repeats them. */
export interface Comparison {
  agreed: AgreedPoint[];
  onlyIn: Record<string, string[]>;
  shown: SentenceUnit[];
}

const DEFAULT_MAX_AGREED = 5;
const DEFAULT_MAX_ONLY_IN = 3;

/**
 * agreed: a point some other independent report also states (best match per report);
 * onlyIn: a report's most important points that no other report states.
 */
export function comparePoints(
  units: SentenceUnit[],
  ranked: SentenceUnit[],
  reportCount: number,
  reportSources: Map<number, string[]>,
  options: CompareOptions = {},
): Comparison {
  const agreed: AgreedPoint[] = [];
  const onlyIn: Record<string, string[]> = {};
  const shown: SentenceUnit[] = [];
  const outlets = new Set([...reportSources.values()].flat());
  // One outlet alone, or one report under several names, has nothing to compare with.
  if (reportCount < 2 || outlets.size < 2) return { agreed, onlyIn, shown };
  const maxAgreed = options.maxAgreed ?? DEFAULT_MAX_AGREED;
  const maxOnlyIn = options.maxOnlyInPerSource ?? DEFAULT_MAX_ONLY_IN;
  const used = new Set<SentenceUnit>();
  const agreedUnits: SentenceUnit[] = [];
  const unsupported: SentenceUnit[] = [];

  for (const point of ranked) {
    if (used.has(point)) continue;
    // Best match per other report among sentences not yet backing an agreed point; a point whose
    // only matches already back one is the same fact again, not a second point.
    const fresh = new Map<number, SentenceUnit>();
    const bestScore = new Map<number, number>();
    let supported = false;
    for (const other of units) {
      if (other.report === point.report) continue;
      const score = pointSimilarity(point, other);
      if (score <= 0) continue;
      supported = true;
      if (used.has(other)) continue;
      if (score > (bestScore.get(other.report) ?? 0)) {
        bestScore.set(other.report, score);
        fresh.set(other.report, other);
      }
    }
    if (!supported) {
      unsupported.push(point);
      continue;
    }
    used.add(point);
    if (fresh.size === 0 || agreedUnits.length >= maxAgreed || agreedUnits.some((a) => samePoint(a, point))) continue;
    const group = [point, ...fresh.values()];
    const sources = [...new Set(group.flatMap((u) => reportSources.get(u.report) ?? [u.source]))];
    // Two reports by one outlet (a story and its follow-up) are still one source's word.
    if (sources.length < 2) continue;
    for (const unit of group) used.add(unit);
    // The wording that names the most actors; of equals, the least central, which leaves the
    // most central telling of the fact to the summary (no sentence is shown twice).
    const representative = group
      .filter((u) => u.pointable)
      .sort((a, b) => b.names.size - a.names.size || a.importance - b.importance)[0] ?? point;
    if (!representative.pointable) continue;
    agreedUnits.push(representative);
    shown.push(representative);
    agreed.push({ point: representative.text, sources });
  }

  // What only one report has is best shown by the points naming people and places no other report names.
  const namesByReport = new Map<number, Set<string>>();
  for (const unit of units) {
    const set = namesByReport.get(unit.report) ?? new Set<string>();
    for (const name of unit.names) set.add(name);
    namesByReport.set(unit.report, set);
  }
  const exclusiveNames = (point: SentenceUnit): number =>
    [...point.names].filter((name) => ![...namesByReport].some(([report, set]) => report !== point.report && set.has(name))).length;
  const distinctive = unsupported
    .map((point) => ({ point, score: 0.5 * point.importance + 0.5 * Math.min(1, exclusiveNames(point) / 3) }))
    .sort((a, b) => b.score - a.score)
    .map(({ point }) => point);
  const listed: SentenceUnit[] = [];
  for (const point of distinctive) {
    if (used.has(point) || agreedUnits.some((a) => a.report !== point.report && samePoint(a, point))) continue;
    const source = reportSources.get(point.report)?.[0] ?? point.source;
    const list = onlyIn[source] ?? [];
    if (list.length >= maxOnlyIn || listed.some((other) => other === point || other.text === point.text || samePoint(other, point))) continue;
    if (shown.some((other) => other.text === point.text) || options.shownElsewhere?.has(point.text)) continue;
    listed.push(point);
    shown.push(point);
    list.push(point.text);
    onlyIn[source] = list;
  }
  return { agreed, onlyIn, shown };
}
