import type { Analysis } from '../../analyze/types.ts';
import { words } from '../text.ts';

const SHINGLE = 5;
/** Share of shared 5-word shingles above which two bodies are one report (wire copy, syndication). */
export const SYNDICATION_OVERLAP = 0.6;

/**
 * Groups a story's articles into independent reports: near-identical bodies under different
 * outlets (wire copies, syndication) become one report. Returns, per article, its report index;
 * reports are numbered by their first article.
 */
export function independentReports(analyses: Analysis[]): number[] {
  const shingles = analyses.map((analysis) => shingleSet(analysis.article.paragraphs.join(' ')));
  const parent = analyses.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  for (let i = 0; i < analyses.length; i += 1) {
    for (let j = i + 1; j < analyses.length; j += 1) {
      const a = shingles[i];
      const b = shingles[j];
      if (a === undefined || b === undefined) continue;
      if (overlap(a, b) >= SYNDICATION_OVERLAP) parent[find(j)] = find(i);
    }
  }
  const numbers = new Map<number, number>();
  return analyses.map((_, i) => {
    const root = find(i);
    let number = numbers.get(root);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(root, number);
    }
    return number;
  });
}

function shingleSet(text: string): Set<string> {
  const tokens = words(text);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i += 1) set.add(tokens.slice(i, i + SHINGLE).join(' '));
  return set;
}

/** Overlap relative to the shorter text, so a trimmed copy still counts as the same report. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / small.size;
}
