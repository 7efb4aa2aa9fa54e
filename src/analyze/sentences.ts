import { nameCharsStart } from './tokens.ts';
import type { Sentence } from './types.ts';

/** Abbreviations after which a period never ends a sentence (titles and the like). */
const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'maj',
  'cpl', 'pvt', 'det', 'insp', 'supt', 'rev', 'hon', 'st', 'mt', 'ft', 'fr', 'jr', 'sr', 'messrs', 'mme',
  'mlle', 'vs', 'v', 'no', 'nos', 'vol', 'pp', 'p', 'fig', 'figs', 'ch', 'art', 'sec', 'cf', 'approx', 'dept',
  'est', 'ave', 'blvd', 'rd', 'brig', 'cmdr', 'lieut', 'pres', 'atty', 'supt', 'univ', 'assn', 'bros',
]);

/** Abbreviations that may also close a sentence: months, company suffixes, places. */
const ENDING_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'inc', 'corp', 'ltd',
  'co', 'etc', 'al', 'ariz', 'calif', 'colo', 'conn', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'mass',
  'md', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt',
  'wash', 'wis', 'wyo', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'd.c', 'u.s.a', 'i.e', 'e.g', 'ph.d',
]);

/** Words that start a new sentence even after an abbreviation such as "U.S." or "Inc.". */
const SENTENCE_STARTERS = new Set([
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'the', 'this', 'that', 'these', 'those', 'there', 'but',
  'and', 'so', 'yet', 'how', 'what', 'why', 'when', 'where', 'who', 'in', 'on', 'at', 'a', 'an', 'his', 'her',
  'its', 'their', 'our', 'my', 'if', 'as', 'after', 'before', 'while', 'however', 'meanwhile', 'is', 'are',
  'was', 'were', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'should', 'some', 'many', 'most',
]);

const OPENERS = '"“‘\'([«„';
const CLOSERS = '"”’\')]»';

/**
 * Splits each paragraph into sentences and returns them in reading order with their
 * paragraph index and offset. A period after a title ("Mr.", "Gen."), an initial ("J."),
 * a month before a number ("Jan. 5") or inside "U.S." does not end a sentence unless a
 * pronoun or article follows; "?" and "!" inside a quote followed by a lowercase word
 * ("Why not?" he asked) do not either.
 */
export function splitSentences(paragraphs: readonly string[]): Sentence[] {
  const sentences: Sentence[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const [start, end] of sentenceBounds(paragraph)) {
      const raw = paragraph.slice(start, end);
      const text = raw.trim();
      if (text) sentences.push({ text, paragraph: index, start: start + raw.length - raw.trimStart().length });
    }
  });
  return sentences;
}

/** Returns [start, end) character ranges of the sentences of one paragraph. */
export function sentenceBounds(text: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  let depth = 0; // brackets: a period inside "(...)" rarely ends the outer sentence
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Take the whole run of terminal punctuation and closing marks.
    let end = i + 1;
    while (end < text.length && '.!?…'.includes(text[end]!)) end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) {
      if ((text[end] === ')' || text[end] === ']') && depth > 0) depth--;
      end++;
    }
    if (end < text.length && !/\s/.test(text[end]!)) {
      // Text joined from two blocks with no space ("super exciting.Nusaybah Mohamed"): a stop after
      // a lower-case word right before a capitalised word ends a sentence ("U.S.", "Node.js" do not match).
      if (depth === 0 && gluedAt(text, i, end)) {
        bounds.push([start, end]);
        start = end;
      }
      i = end - 1;
      continue;
    }
    let next = end;
    while (next < text.length && /\s/.test(text[next]!)) next++;
    if (next >= text.length) break;
    if (depth > 0) {
      i = end - 1;
      continue;
    }
    if (endsSentence(text, i, end, next)) {
      bounds.push([start, end]);
      start = next;
    }
    i = end - 1;
  }
  if (start < text.length && text.slice(start).trim()) bounds.push([start, text.length]);
  return bounds;
}

function gluedAt(text: string, markAt: number, end: number): boolean {
  if (text[markAt] === '…') return false;
  // The word before the stop is lower case: "News.Az" and "Amazon.Com" are names, not two sentences.
  const before = /[\p{L}\p{N}'’-]+$/u.exec(text.slice(Math.max(0, markAt - 40), markAt))?.[0] ?? '';
  if (!/^\p{Ll}+$/u.test(before)) return false;
  return /\p{Ll}\p{Ll}$/u.test(text.slice(Math.max(0, markAt - 2), markAt)) && /^\p{Lu}\p{Ll}/u.test(text.slice(end, end + 2)) && !/[/@]\S*$/.test(text.slice(Math.max(0, markAt - 60), markAt));
}

function endsSentence(text: string, markAt: number, end: number, next: number): boolean {
  const following = text.slice(next);
  const nextWord = /^[\p{L}\p{N}'’]+/u.exec(following.replace(/^["“‘'([«]+/, ''))?.[0] ?? '';
  const startsUpper = /^["“‘'([«]*[\p{Lu}\p{N}]/u.test(following);
  const mark = text[markAt]!;
  if (mark !== '.') {
    // "Why not?" he asked. — the quote closes but the sentence goes on.
    return startsUpper || !CLOSERS.includes(text[end - 1]!);
  }
  if (!startsUpper) return false;
  const run = text.slice(markAt, end);
  if (run.startsWith('...') || run.startsWith('…')) return true;
  // The word before the stop: /([\p{L}.'’-]+)\.$/u on the 40 characters before it.
  const word = text.slice(nameCharsStart(text, Math.max(0, markAt - 40), markAt), markAt);
  const bare = word.toLowerCase().replace(/^[^\p{L}]+/u, '');
  if (!bare) return true;
  if (TITLE_ABBREVIATIONS.has(bare)) return false;
  if (/^\p{Lu}$/u.test(word)) {
    // An initial ("J. Smith") unless a pronoun or article follows ("... Plan B. The").
    return SENTENCE_STARTERS.has(nextWord.toLowerCase()) && nextWord.length > 1;
  }
  if (ENDING_ABBREVIATIONS.has(bare) || /^(\p{L}\.)+\p{L}$/u.test(bare)) {
    if (/^\d/.test(following)) return false;
    return SENTENCE_STARTERS.has(nextWord.toLowerCase());
  }
  return true;
}

/** Characters that open a quotation or bracket before a sentence's first word. */
export const SENTENCE_OPENERS = OPENERS;
