import { BoundedMap } from '../core/bounded-map.ts';

/** A word or punctuation mark with its place in the paragraph. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** True for words (letters or digits), false for punctuation and quotation marks. */
  word: boolean;
  /** Lowercase, without a possessive 's: the form word lists are looked up by. */
  norm: string;
  /** `text.toLowerCase()`, computed once per paragraph (see `tokenizeUncached`). */
  lower: string;
}

const KEEP_PERIOD = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'adm', 'maj', 'cpl',
  'pvt', 'det', 'insp', 'supt', 'rev', 'hon', 'del', 'amb', 'atty', 'cmdr', 'sec', 'st', 'jr', 'sr', 'fr', 'mt', 'ft', 'inc', 'corp', 'ltd', 'co',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs',
]);

// A token is what this pattern matches, scanned by hand (`isWordUnit` is W, `isSpaceUnit` is \s):
//   [W]+(?:[-'’.&][W]+)*\.?|\S
// W: letters and digits of every script, by code point ranges rather than Unicode properties;
// the ranges leave out general punctuation (U+2000-2BFF: “ ” — …):
//   A-Za-z0-9\u00AA\u00B2\u00B3\u00B5\u00B9\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFFEF
// The scan spares a match object per token: the bench corpus' paragraphs tokenize in ~170 ms instead of ~240.

/**
 * Splits a paragraph into tokens. A final period stays on initials ("J."), dotted
 * abbreviations ("U.S.") and titles ("Mr."); elsewhere it is a token of its own.
 * The returned array is shared between callers (memoised): do not change it.
 */
export function tokenize(text: string): Token[] {
  const cached = recent.get(text);
  if (cached) return cached;
  const tokens = tokenizeUncached(text);
  recent.set(text, tokens);
  return tokens;
}

// Each stage reads the same paragraphs again; keep the last few hundred.
const recent = new BoundedMap<string, Token[]>(512);

/** `tokenize` without the memo, for one-off pieces of text. */
export function tokenizeUncached(text: string): Token[] {
  const tokens: Token[] = [];
  // Text with any character beyond Latin-1 (curly quotes, dashes) is stored two bytes per
  // character, and lowercasing such a string is a slow runtime call: one call for the whole
  // text, sliced per token, is several times cheaper than one per word. The slices are the same
  // words as long as lowercasing keeps every character's length ("İ" does not) and no final
  // sigma takes its form from the letters around it ("Σ").
  const lowered = text.toLowerCase();
  const sliceLower = lowered.length === text.length && !text.includes('Σ');
  const lowerOf = (word: string, start: number): string => (sliceLower ? lowered.slice(start, start + word.length) : word.toLowerCase());
  for (let at = 0; at < text.length; ) {
    const first = text.charCodeAt(at);
    const isWord = isWordUnit(first);
    // W goes first: a few spaces are also in its ranges (U+1680, U+3000, U+FEFF).
    if (!isWord && isSpaceUnit(first)) {
      at++;
      continue;
    }
    const start = at;
    at = isWord ? wordEnd(text, at) : at + 1;
    const raw = text.slice(start, at);
    if (isWord && raw.length > 1 && raw.charCodeAt(raw.length - 1) === 46) {
      const bare = raw.slice(0, -1);
      const bareLower = lowerOf(bare, start);
      const keep = (bare.length === 1 && isCapitalised(bare)) || bare.includes('.') || KEEP_PERIOD.has(bareLower);
      if (!keep) {
        tokens.push({ text: bare, start, end: start + bare.length, word: true, norm: normOf(bareLower), lower: bareLower });
        tokens.push({ text: '.', start: start + bare.length, end: start + raw.length, word: false, norm: '.', lower: '.' });
        continue;
      }
    }
    const lower = lowerOf(raw, start);
    tokens.push({ text: raw, start, end: start + raw.length, word: isWord, norm: isWord ? normOf(lower) : raw, lower });
  }
  return tokens;
}

/** The end of the word starting at `from`: [W]+(?:[-'’.&][W]+)*\.? */
function wordEnd(text: string, from: number): number {
  let at = from + 1;
  for (;;) {
    while (at < text.length && isWordUnit(text.charCodeAt(at))) at++;
    const c = text.charCodeAt(at);
    const joins = c === 45 || c === 39 || c === 8217 || c === 46 || c === 38; // - ' ’ . &
    if (!joins || at + 1 >= text.length || !isWordUnit(text.charCodeAt(at + 1))) break;
    at += 2;
  }
  return text.charCodeAt(at) === 46 ? at + 1 : at;
}

/** The code units \s matches (ECMAScript white space and line terminators). */
function isSpaceUnit(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The code unit ranges of W, tested without a regular expression (the tokenizer's hottest check). */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  if (c < 0xc0) return c === 0xaa || c === 0xb2 || c === 0xb3 || c === 0xb5 || c === 0xb9 || c === 0xba || (c >= 0xbc && c <= 0xbe);
  if (c <= 0x1fff) return c !== 0xd7 && c !== 0xf7;
  return (c >= 0x2c00 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xffef);
}

/** The norm of a word from its lowercase form. */
function normOf(lower: string): string {
  const last = lower.charCodeAt(lower.length - 1);
  // Only words ending in "s" or an apostrophe can carry a possessive.
  return last === 115 || last === 39 || last === 8217 ? withoutPossessive(lower) : lower;
}

/** True when the word starts with a capital letter. */
export function isCapitalised(word: string): boolean {
  const first = word.codePointAt(0);
  if (first === undefined) return false;
  if (first < 128) return first >= 65 && first <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Strips a possessive ending ("Russia's" -> "Russia"). */
export function withoutPossessive(word: string): string {
  // Only a final "s" or apostrophe can end a possessive; most words need no pattern at all.
  if (!endsLikePossessive(word)) return word;
  return word.replace(/['’]s$/u, '').replace(/s['’]$/u, 's');
}

/** True when the word ends with a possessive ("Russia's", "Marines'"). */
export function isPossessive(word: string): boolean {
  if (!endsLikePossessive(word)) return false;
  return /['’]s$/u.test(word) || /s['’]$/u.test(word);
}

function endsLikePossessive(word: string): boolean {
  const last = word.charCodeAt(word.length - 1);
  return last === 115 || last === 39 || last === 8217;
}

const NAME_CHAR = /^[\p{L}.'’-]$/u;

/**
 * Where the run of letters, periods, apostrophes and hyphens that ends at `end` begins, not
 * before `from`: the group of /([\p{L}.'’-]+)$/u on text.slice(from, end), found by stepping
 * back from the end (a pattern anchored at the end is tried from every start).
 */
export function nameCharsStart(text: string, from: number, end: number): number {
  let at = end;
  while (at > from) {
    const c = text.charCodeAt(at - 1);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 39 || c === 45) at--;
      else break;
    } else if (c >= 0xdc00 && c <= 0xdfff && at - 2 >= from && isHighSurrogate(text.charCodeAt(at - 2))) {
      // A letter beyond the BMP is one code point of two units.
      if (NAME_CHAR.test(text.slice(at - 2, at))) at -= 2;
      else break;
    } else if (NAME_CHAR.test(text[at - 1]!)) at--;
    else break;
  }
  return at;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
