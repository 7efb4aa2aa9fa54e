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
  // Made when first compared: a story of one article compares nothing.
  const shingles: Array<Set<string> | undefined> = [];
  const codes = new Map<string, string>();
  const shinglesOf = (i: number): Set<string> => (shingles[i] ??= shingleSet(analyses[i]!.article.paragraphs.join(' '), codes));
  const parent = analyses.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] ?? i;
    return i;
  };
  for (let i = 0; i < analyses.length; i += 1) {
    for (let j = i + 1; j < analyses.length; j += 1) {
      // Already one report through another copy: joining them again changes nothing.
      if (find(j) === find(i)) continue;
      if (overlapReaches(shinglesOf(i), shinglesOf(j), SYNDICATION_OVERLAP)) parent[find(j)] = find(i);
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

/**
 * The text's 5-word shingles. Each word is written as a two-character code, the same code for
 * the same word across the story (`codes`): a shingle is then a short string to hash and compare.
 */
function shingleSet(text: string, codes: Map<string, string>): Set<string> {
  const tokens = words(text);
  const set = new Set<string>();
  if (tokens.length < SHINGLE) return set;
  let joined = '';
  for (const token of tokens) {
    let code = codes.get(token);
    if (code === undefined) {
      code = String.fromCharCode(codes.size >>> 16, codes.size & 0xffff);
      codes.set(token, code);
    }
    joined += code;
  }
  for (let i = 0; i + SHINGLE <= tokens.length; i += 1) set.add(joined.slice(2 * i, 2 * (i + SHINGLE)));
  return set;
}

/**
 * Whether the share of shared shingles, relative to the shorter text (so a trimmed copy still
 * counts as the same report), reaches `share`. Stops counting once the answer is known.
 */
function overlapReaches(a: Set<string>, b: Set<string>, share: number): boolean {
  if (a.size === 0 || b.size === 0) return 0 >= share;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const size = small.size;
  let shared = 0;
  let left = size;
  for (const item of small) {
    left -= 1;
    if (large.has(item)) {
      shared += 1;
      if (shared / size >= share) return true;
    } else if ((shared + left) / size < share) return false;
  }
  return shared / size >= share;
}
