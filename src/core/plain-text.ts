/** Cheap tests and fast paths for plain news text, shared by cleaning, analysis and stories. */

/**
 * Whether a text is plain ASCII, as most news text is: a pattern over ASCII letters then says
 * exactly what its Unicode-aware twin (`\p{L}`, `u` flag) says, at a fraction of the cost.
 */
export function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * Whether every letter and digit of a text is an ASCII one: ASCII besides no-break spaces and
 * general punctuation (curly quotes, dashes, ellipses), as English news is written. None of those
 * is or decomposes into a letter, a digit or an apostrophe, save the curly single quotes.
 */
export function hasOnlyAsciiLetters(text: string): boolean {
  return /^[\x00-\x7f\u00a0\u2000-\u206f]*$/.test(text);
}

/** Whitespace other than single spaces: a tab, a line break, two spaces in a row. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

/** The text with every run of whitespace as one space; most paragraphs already are, and are returned as they are. */
export function singleSpaced(text: string): string {
  return UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}
