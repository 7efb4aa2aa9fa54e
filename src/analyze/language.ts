/**
 * Which language an article is written in, told by its commonest short words. The people and
 * quote rules read English (speech verbs, titles, given names), so an article in another
 * language is marked and left unmined rather than mined wrongly ("Ausbau von Glasfaser" is no
 * person).
 */

/** ISO 639-1 codes of the languages told apart. */
export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl';

/** Function words frequent in running text of each language and rare in the others. */
const MARKERS: Record<Language, readonly string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'that', 'was', 'for', 'with', 'he', 'she', 'it', 'said', 'on', 'at', 'by', 'this', 'have', 'has', 'are', 'from', 'but', 'not', 'they', 'his', 'her', 'which', 'would', 'been', 'were'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'von', 'für', 'auf', 'den', 'dem', 'zu', 'im', 'ein', 'eine', 'sich', 'auch', 'es', 'wird', 'wurde', 'sie', 'werden', 'bei', 'nach', 'aus', 'einer', 'oder', 'sind', 'hat'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'pour', 'que', 'qui', 'pas', 'sur', 'au', 'du', 'avec', 'il', 'elle', 'ce', 'sont', 'par', 'plus', 'mais', 'ont', 'aux', 'cette', 'été', 'comme', 'nous', 'leur'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'en', 'por', 'una', 'para', 'con', 'es', 'se', 'su', 'al', 'lo', 'como', 'más', 'pero', 'sus', 'fue', 'ha', 'este', 'esta', 'también', 'entre', 'cuando', 'muy', 'sin', 'sobre'],
  it: ['il', 'di', 'che', 'è', 'per', 'una', 'della', 'non', 'sono', 'anche', 'con', 'del', 'gli', 'alla', 'nel', 'dei', 'le', 'più', 'come', 'ma', 'questo', 'delle', 'stato', 'ha', 'nella', 'dal', 'degli', 'sul', 'tra', 'suo'],
  pt: ['o', 'os', 'da', 'do', 'que', 'em', 'não', 'uma', 'para', 'com', 'é', 'no', 'na', 'dos', 'das', 'se', 'ao', 'mais', 'como', 'mas', 'foi', 'pelo', 'pela', 'ele', 'ela', 'seu', 'sua', 'também', 'já', 'são'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'te', 'zijn', 'voor', 'met', 'ook', 'aan', 'er', 'maar', 'om', 'bij', 'nog', 'wordt', 'werd', 'uit', 'naar', 'heeft', 'deze', 'dan', 'zo', 'hij', 'wel'],
};

const LANGUAGES = Object.keys(MARKERS) as Language[];
const WORD_LANGUAGES = new Map<string, Language[]>();
for (const language of LANGUAGES) {
  for (const word of MARKERS[language]) WORD_LANGUAGES.set(word, [...(WORD_LANGUAGES.get(word) ?? []), language]);
}

/** Marker words an article needs before its language is judged: a headline alone says too little. */
const MIN_MARKERS = 12;
/** A longer run of letters is no marker word: it is skipped without being cut out of the text. */
const LONGEST_MARKER = Math.max(...[...WORD_LANGUAGES.keys()].map((word) => word.length));
const LETTER = /\p{L}/u;
/** Per BMP code unit beyond ASCII: 0 not yet tested, 1 a letter, 2 not a letter. */
const BMP_LETTERS = new Uint8Array(0x10000);

/**
 * Returns the language whose marker words are commonest in the text, or undefined when the
 * text has too few of them to tell (short or list-like texts: those are read as English).
 * Only the first 3,000 characters are read; that is plenty and keeps long articles cheap.
 */
export function detectLanguage(text: string): Language | undefined {
  const counts = new Map<Language, number>();
  let total = 0;
  const sample = text.slice(0, 3000).toLowerCase();
  // The runs of letters (\p{L}+) found by hand: a Unicode pattern's match objects cost more than the lookups.
  for (let i = 0; i < sample.length; ) {
    const width = letterWidth(sample, i);
    if (!width) {
      i += sample.codePointAt(i)! > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    for (let w = width; w; w = letterWidth(sample, i)) i += w;
    if (i - start > LONGEST_MARKER) continue;
    const languages = WORD_LANGUAGES.get(sample.slice(start, i));
    if (!languages) continue;
    total++;
    // A word shared by several languages ("que", "de") counts for each, by a share.
    for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1 / languages.length);
  }
  if (total < MIN_MARKERS) return undefined;
  let best: Language | undefined;
  let bestCount = 0;
  for (const [language, count] of counts) {
    if (count > bestCount) {
      best = language;
      bestCount = count;
    }
  }
  return best;
}

/** The length in code units of the letter at `i` (2 for a letter beyond the BMP), or 0 for no letter. */
function letterWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  if (!BMP_LETTERS[c]) BMP_LETTERS[c] = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return BMP_LETTERS[c] === 1 ? 1 : 0;
}
