import type { Analysis } from '../analyze/types.ts';
import { foldNameToken, foldText, isCalendarWord, isStopWord, isTitleWord, stem, words } from './text.ts';

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
    const tokens = foldText(text).split(/[^A-Za-z0-9'-]+/);
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
 * other words their stems; stop words dropped.
 */
export function textTerms(text: string, nameKeys: ReadonlySet<string>): string[] {
  const out: string[] = numberTerms(text);
  for (const word of words(text)) {
    const key = foldNameToken(word);
    if (nameKeys.has(key)) {
      out.push('@' + key);
      continue;
    }
    if (isStopWord(word) || isCalendarWord(word)) continue;
    out.push(stem(word));
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
  for (const raw of foldText(text).split(/[^A-Za-z0-9'-]+/)) {
    const possessive = /'s$/i.test(raw);
    const word = raw.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
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

