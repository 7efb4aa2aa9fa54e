import type { Analysis } from '../analyze/types.ts';
import { foldForWords, foldNameToken, isCalendarWord, isStopWord, isTitleWord, stem, words } from './text.ts';
import { BoundedMap } from '../core/bounded-map.ts';

/**
 * The name tokens of one article, folded (Zelenskyy -> zelensky): words written with a capital
 * inside sentences, nearly always so, plus every token of the analysis's entity names and aliases.
 * Titles and calendar words are left out: they are capitalised but name nobody.
 */
export function articleNameKeys(analysis: Analysis): Set<string> {
  return nameKeys([analysis]);
}

/**
 * The name tokens of several articles read together (a story): a word one outlet capitalises
 * ("WIN", "Security") but the others write in lower case is not a name.
 */
export function nameKeys(analyses: Analysis[]): Set<string> {
  const capitalised = new Map<string, number>();
  const lowercase = new Map<string, number>();
  const texts = analyses.flatMap((analysis) =>
    analysis.sentences.length > 0 ? analysis.sentences.map((s) => s.text) : analysis.article.paragraphs,
  );
  for (const text of texts) {
    const tokens = foldForWords(text).split(/[^A-Za-z0-9'-]+/);
    let first = true;
    for (const raw of tokens) {
      const token = raw.includes("'") ? raw.replace(/'s$/, '').replace(/^'+|'+$/g, '') : raw;
      if (token.length === 0) continue;
      const lower = token.toLowerCase();
      const initial = token.charCodeAt(0);
      const capital = initial >= 65 && initial <= 90;
      const allCaps = capital && token.length > 1 && token === token.toUpperCase() && /^[A-Z]+$/.test(token);
      // Acronyms (NATO, ASEAN) are names; shouted words (BREAKING) are not.
      if ((capital && !allCaps) || (allCaps && token.length <= 5 && !first)) {
        if (!first) capitalised.set(lower, (capitalised.get(lower) ?? 0) + 1);
      } else {
        lowercase.set(lower, (lowercase.get(lower) ?? 0) + 1);
      }
      first = false;
    }
  }
  const keys = new Set<string>();
  for (const [word, count] of capitalised) {
    if ((lowercase.get(word) ?? 0) * 4 > count) continue;
    addNameKey(keys, word);
  }
  for (const entity of analyses.flatMap((a) => a.entities)) {
    for (const form of [entity.name, ...entity.aliases]) {
      for (const word of words(form)) {
        if ((lowercase.get(word) ?? 0) > (capitalised.get(word) ?? 0) + 1) continue;
        addNameKey(keys, word);
      }
    }
  }
  return keys;
}

function addNameKey(keys: Set<string>, word: string): void {
  if (isStopWord(word) || isCalendarWord(word) || isTitleWord(word)) return;
  keys.add(foldNameToken(word));
}

/**
 * Terms of a text for similarity: name tokens become "@key" (so spelling variants meet),
 * other words their stems; stop words dropped. `list` is `words(text)`, when the caller has it.
 */
export function textTerms(text: string, nameKeys: ReadonlySet<string>, options: { maybeNames?: boolean } = {}, list: readonly string[] = words(text)): string[] {
  const out: string[] = numberTerms(text);
  // Which words were written with a capital: only needed to mark possible names.
  const capitalised = options.maybeNames ? capitalisedWords(text) : undefined;
  for (let i = 0; i < list.length; i += 1) {
    const terms = wordTerms(list[i]!);
    if (nameKeys.has(terms.key)) {
      out.push(terms.name);
      continue;
    }
    if (terms.plain === undefined) continue;
    out.push(capitalised?.[i] === true ? terms.maybeName! : terms.plain);
  }
  return out;
}

/** What `textTerms` can make of one word, whatever the article. */
interface WordTerms {
  /** The word's name key (`foldNameToken`). */
  key: string;
  /** Its term where the article names it: "@key". */
  name: string;
  /** Its term otherwise: its stem; undefined for stop and calendar words, which make none. */
  plain: string | undefined;
  /** Its term where written with a capital the article does not show to be a name: "?key stem". */
  maybeName: string | undefined;
}

const WORD_TERMS_CACHE_SIZE = 200_000;
const wordTermsCache = new BoundedMap<string, WordTerms>(WORD_TERMS_CACHE_SIZE);

/**
 * Memoised: news repeats its words, and one lookup per word costs less than the several that
 * folding, stop lists and stemming make. Articles also share the term strings instead of each
 * building its own, which keeps a batch's profiles smaller.
 */
function wordTerms(word: string): WordTerms {
  const cached = wordTermsCache.get(word);
  if (cached !== undefined) return cached;
  const key = foldNameToken(word);
  const plain = isStopWord(word) || isCalendarWord(word) ? undefined : stem(word);
  const terms: WordTerms = { key, name: '@' + key, plain, maybeName: plain === undefined ? undefined : `?${key} ${plain}` };
  wordTermsCache.set(word, terms);
  return terms;
}

/**
 * Per token of `words(text)`, whether it was written with a capital. A capitalised word this
 * article does not show to be a name (it opens a sentence, say) may still be one another
 * article named: "?key stem" lets the term table decide (see `TermFrequencies.intern`).
 */
function capitalisedWords(text: string): boolean[] {
  const out: boolean[] = [];
  for (const raw of foldForWords(text).split(/[^A-Za-z0-9']+/)) {
    const word = raw.includes("'") ? raw.replace(/'s$/i, '').replace(/'/g, '') : raw;
    if (word.length === 0) continue;
    const first = word.charCodeAt(0);
    out.push(first >= 65 && first <= 90);
  }
  return out;
}

/**
 * The names a text mentions, one key per run of adjacent name words, keyed by its last word:
 * "Interior Minister Camila Rojas" and "Rojas" are both "@rojas", so one person counts once.
 * A possessive ends a run ("Russia's Lavrov" names two).
 */
export function nameMentions(text: string, nameKeys: ReadonlySet<string>): Set<string> {
  const mentions = new Set<string>();
  let last: string | undefined;
  for (const raw of foldForWords(text).split(/[^A-Za-z0-9'-]+/)) {
    // Most tokens hold no apostrophe: they need no possessive handling.
    const apostrophe = raw.includes("'");
    const possessive = apostrophe && /'s$/i.test(raw);
    const word = apostrophe ? raw.toLowerCase().replace(/'s$/, '').replace(/'/g, '') : raw.toLowerCase();
    const key = word.length > 0 ? foldNameToken(word) : '';
    if (key.length > 0 && nameKeys.has(key)) {
      last = key;
      if (possessive) {
        mentions.add('@' + last);
        last = undefined;
      }
      continue;
    }
    if (last !== undefined && !(isTitleWord(word) && raw.length > 0 && /^[A-Z]/.test(raw))) {
      mentions.add('@' + last);
      last = undefined;
    }
  }
  if (last !== undefined) mentions.add('@' + last);
  return mentions;
}

/**
 * Figures that identify an event ("6.8", "$5.7 billion", "120,000", "51-49") as "#" terms.
 * Years and small counts are left out: every story has them.
 */
export function numberTerms(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const figure = match[0].replace(/,(?=\d{3}\b)/g, '').replace(/[.,]$/, '');
    const value = Number(figure);
    if (!Number.isFinite(value)) continue;
    if (Number.isInteger(value) && (value < 10 || (value >= 1900 && value <= 2100))) continue;
    out.push('#' + figure);
  }
  return out;
}


const DAY = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_PATTERN =
  /\b(?:(next|last|this|coming|until|by|before)\s+)?(?:(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)|(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b)/g;

/**
 * The calendar days a text says something happened on, as "%MM-DD" terms: "March 3" as written,
 * and a weekday ("on Tuesday") as the last such day on or before publication, which is what
 * news means by a bare weekday. Two outlets telling one event name the same day in different
 * words; two events with the same actors a few days apart do not. Weekdays after "next",
 * "until" and the like point forward and are left out; without a publication time, so are all weekdays.
 */
export function dateTerms(text: string, publishedAt: number): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const [, modifier, weekday, month, day] = match;
    if (month !== undefined && day !== undefined) {
      const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
      const d = Number(day);
      // "May 5" is a date; "may 5" in lower case is not matched, since the month must be capitalised.
      if (m >= 0 && d >= 1 && d <= 31) out.push(`%${pad(m + 1)}-${pad(d)}`);
      continue;
    }
    if (weekday === undefined || modifier !== undefined || !Number.isFinite(publishedAt)) continue;
    const published = new Date(publishedAt);
    const back = (published.getUTCDay() - WEEKDAYS.indexOf(weekday.toLowerCase()) + 7) % 7;
    const date = new Date(publishedAt - back * DAY);
    out.push(`%${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`);
  }
  return out;
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}
