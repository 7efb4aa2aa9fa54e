import { nameKey } from '../analyze/aliases.ts';
import { BoundedMap } from '../core/bounded-map.ts';
import { hasOnlyAsciiLetters, isAscii } from '../core/plain-text.ts';

/**
 * Word-level text helpers shared by clustering, point matching and summaries.
 * Deliberately light: news English, no dictionaries beyond a stop list.
 */

const STOP_WORDS = new Set(
  (
    'a an the and or but if then than that this these those there here of in on at to for from by with without about ' +
    'into onto over under after before during since until as is are was were be been being am do does did done doing ' +
    'have has had having will would shall should can could may might must not no nor so too very just also only ' +
    'it its he him his she her hers they them their theirs we us our ours you your yours i me my mine who whom whose ' +
    'which what when where why how all any both each few more most other some such own same s t don now up down out ' +
    'off again further once said says say told tell according while who\'s per via mr mrs ms dr one two new ' +
    'last first next year years week weeks day days time times including amid among against between through ' +
    // Function words of the other languages feeds often carry, so two French articles do not look alike by grammar.
    'le la les de des du un une et en est que qui dans pour par sur au aux ce cette ces il elle ils sont pas plus ont avec se sa son ses leur ' +
    'el los las del y es por con para una al lo como mas su sus pero fue han o um uma os da do das dos em no na nos nas ao ' +
    'der die das und ist nicht mit den dem ein eine zu von im auf fur sich auch es wird wurde werden hat il di che della nel non gli ' +
    'si sul alla delle dei'
  ).split(/\s+/),
);

/** Calendar words are capitalised but say nothing about who did what. */
const CALENDAR_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december today yesterday tomorrow'
  ).split(/\s+/),
);

/** Titles and honorifics are capitalised before names but are not names themselves. */
const TITLE_WORDS = new Set(
  (
    'mr mrs ms dr sir president prime minister secretary senator sen rep representative governor gov mayor ' +
    'chancellor king queen prince princess pope general gen chief judge justice minister spokesman spokeswoman ' +
    'spokesperson ceo chairman chairwoman director leader former deputy vice state foreign'
  ).split(/\s+/),
);

const IRREGULAR_STEMS: Record<string, string> = {
  met: 'meet',
  meeting: 'meet',
  meetings: 'meet',
  won: 'win',
  winning: 'win',
  lost: 'lose',
  losing: 'lose',
  spoke: 'speak',
  spoken: 'speak',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  went: 'go',
  gone: 'go',
  held: 'hold',
  left: 'leave',
  fell: 'fall',
  rose: 'rise',
  risen: 'rise',
  cut: 'cut',
  hit: 'hit',
  struck: 'strike',
  killed: 'kill',
  children: 'child',
  people: 'people',
  men: 'man',
  women: 'woman',
};

/** Removes accents and folds curly apostrophes so "Zelenskyy’s" and "Zelenskyy's" tokenise alike. */
export function foldText(text: string): string {
  // Most news text is plain ASCII; normalising it is the costliest step of tokenising.
  if (isAscii(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

/**
 * What `foldText` makes of a text as far as its words go: split on anything but ASCII letters,
 * digits, apostrophes and hyphens, both give the same tokens. Text whose letters are all ASCII
 * only needs its apostrophes folded, not the Unicode normalisation.
 */
export function foldForWords(text: string): string {
  if (isAscii(text)) return text;
  if (hasOnlyAsciiLetters(text)) return text.replace(/[\u2018\u2019`]/g, "'");
  return foldText(text);
}

/** Lowercase word tokens; possessive 's dropped, apostrophes inside words removed. */
export function words(text: string): string[] {
  const out: string[] = [];
  // Text with ASCII letters only splits on the fast path; other scripts keep their letters (Cyrillic, Greek, CJK runs).
  const folded = foldForWords(text).toLowerCase();
  for (const raw of hasOnlyAsciiLetters(folded) ? folded.split(/[^a-z0-9']+/) : folded.split(/[^\p{L}\p{N}']+/u)) {
    const word = raw.includes("'") ? raw.replace(/'s$/, '').replace(/'/g, '') : raw;
    if (word.length > 0) out.push(word);
  }
  return out;
}

/** A light suffix stripper: enough to meet "meeting"/"meets"/"met" and "votes"/"voted". */
export function stem(word: string): string {
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const base = stemUncached(word);
  // "vote", "votes", "voted" and "voting" meet at "vot".
  const result = base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
  stemCache.set(word, result);
  return result;
}

const STEM_CACHE_SIZE = 200_000;
const stemCache = new BoundedMap<string, string>(STEM_CACHE_SIZE);

function stemUncached(word: string): string {
  // Own keys only: "constructor" or "toString" in an article must not find Object's methods.
  if (Object.hasOwn(IRREGULAR_STEMS, word)) return IRREGULAR_STEMS[word]!;
  if (word.length <= 4) return word;
  if (word.endsWith('ies') && word.length > 5) return word.slice(0, -3) + 'y';
  if (word.endsWith('ing') && word.length > 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 4 && !word.endsWith('eed')) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && /(ss|sh|ch|x|z)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

function undouble(word: string): string {
  return /([bdfgkmnprt])\1$/.test(word) ? word.slice(0, -1) : word.endsWith('at') || word.endsWith('iz') ? word + 'e' : word;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || /^\d+$/.test(word) || word.length < 2;
}

export function isCalendarWord(word: string): boolean {
  return CALENDAR_WORDS.has(word);
}

const MONTH_ABBREVIATIONS: Record<string, string> = {
  jan: 'january',
  feb: 'february',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
};

/**
 * The time expressions of a sentence as keys: calendar words ("wednesday", "july"), dates with
 * their day ("Sept. 24" -> "september" and "september-24"), and relative spans ("last week" ->
 * "last-week"). "This week" is left out: it holds any of its days. "May" and "march" count only
 * written as months, not as the verb. `tokens` is `words(text)`, when the caller has it.
 */
export function timeExpressions(text: string, tokens?: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const folded = foldText(text);
  // `words` folds first, so the words of the folded text are the text's own.
  for (const word of tokens ?? words(folded)) if (CALENDAR_WORDS.has(word) && !VERB_MONTHS.has(word)) keys.add(word);
  for (const match of folded.matchAll(/\b(May|March)\b/g)) keys.add(match[1]!.toLowerCase());
  for (const match of folded.matchAll(MONTH_DAY)) {
    const month = monthName(match[1]!);
    if (month === undefined) continue;
    keys.add(month);
    keys.add(`${month}-${Number(match[2])}`);
  }
  for (const match of folded.matchAll(DAY_MONTH)) {
    const month = monthName(match[2]!);
    if (month === undefined) continue;
    keys.add(month);
    keys.add(`${month}-${Number(match[1])}`);
  }
  for (const match of folded.toLowerCase().matchAll(/\b(last|next|past|coming)\s+(week|weekend|month|year|night|morning)\b/g)) {
    const relation = match[1] === 'past' ? 'last' : match[1] === 'coming' ? 'next' : match[1]!;
    keys.add(`${relation}-${match[2]}`);
  }
  return keys;
}

/** Month names that are also common verbs ("may", "march"). */
const VERB_MONTHS = new Set(['may', 'march']);
const MONTH_PATTERN = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const MONTH_DAY = new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?![.,]?\\d)`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\b`, 'g');

function monthName(written: string): string | undefined {
  const lower = written.toLowerCase();
  if (CALENDAR_WORDS.has(lower)) return lower;
  return MONTH_ABBREVIATIONS[lower] ?? { mar: 'march', apr: 'april', jun: 'june', jul: 'july' }[lower];
}

export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word);
}

/**
 * Folds transliteration variants of a name token so outlets agree on one key, the same way
 * people are merged (Zelenskyy/Zelenskiy/Zelensky -> zelensky, Sergei -> sergey, Aleksei -> alexey).
 */
export function foldNameToken(token: string): string {
  const cached = nameCache.get(token);
  if (cached !== undefined) return cached;
  const plain = /^[a-z0-9-]+$/.test(token) ? token : foldText(token).toLowerCase().replace(/'s$/, '').replace(/[^a-z0-9-]/g, '');
  const key = nameKey(plain) || plain;
  nameCache.set(token, key);
  return key;
}

const nameCache = new BoundedMap<string, string>(STEM_CACHE_SIZE);

/** A sentence or line that reads like a photo caption or credit, never a point of the story. */
export function looksLikeCaption(sentence: string): boolean {
  if (/\((?:\d+(?:st|nd|rd|th)\s+)?(?:L|R|C|left|right|centre|center|front|back)\)/i.test(sentence)) return true;
  if (/(?:^|\s)(?:Photo|Image|Picture|Credit|Illustration)s?\s*(?::|by\b)/i.test(sentence)) return true;
  // A closing credit "Name Surname / AGENCY" or "AGENCY via Getty Images".
  if (/\s[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+)*\s\/\s[A-Z][\w.&' -]{1,40}$/.test(sentence.trim())) return true;
  if (/\b(?:Getty Images|Shutterstock|AFP via|Reuters\/|AP Photo)\b/.test(sentence)) return true;
  return false;
}

/** Promotional or housekeeping lines that cleaning may have missed. */
export function looksLikeBoilerplate(sentence: string): boolean {
  return /\b(?:sign up|subscribe|newsletter|donat(?:e|ion)|support (?:us|our)|click here|read more|cookie|all rights reserved|follow us|share this|advertisement)\b/i.test(
    sentence,
  );
}

/**
 * Character ranges inside quotation marks. A quote still open at the end runs to the end:
 * news prints a quote spanning paragraphs without closing marks until its last paragraph.
 */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\u201c' || (ch === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if ((ch === '\u201d' || ch === '"') && open >= 0) {
      spans.push([open, i + 1]);
      open = -1;
    }
  }
  if (open >= 0) spans.push([open, text.length]);
  return spans;
}

