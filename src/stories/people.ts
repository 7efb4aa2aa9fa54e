import { mergePeople, nameKey, personKeyWords, surnameKey } from '../analyze/aliases.ts';
import type { Analysis } from '../analyze/types.ts';
import { isAscii } from '../core/plain-text.ts';
import type { StoryPerson } from './types.ts';

/** A person merged across a story's articles, with what the story needs to rank and attribute. */
export interface MergedStoryPerson extends StoryPerson {
  mentions: number;
  /** Folded surname ("zelensky"): how quotes find their speaker. */
  key: string;
}

/**
 * Merges the story's people across outlets: spelling variants (Zelenskyy/Zelensky,
 * Sergey/Sergei) become one entry whose name and aliases carry every printed form.
 * Most mentioned first.
 */
export function mergeStoryPeople(analyses: Analysis[]): MergedStoryPerson[] {
  const printed = printedFullNames(analyses);
  const people = mergePeople(analyses.map((a) => a.entities.filter((e) => e.type === 'person'))).filter((p) => looksLikePersonName(p.name));
  return people.map((person) => {
    const aliases = [...person.aliases];
    const keyWords = personKeyWords(person.name);
    const surname = keyWords[keyWords.length - 1] ?? '';
    const first = keyWords.length > 1 ? keyWords[0] : undefined;
    // Another outlet may spell the full name only in a headline or photo caption ("Sergei Lavrov").
    for (const form of printed.get(surname) ?? []) {
      const words = personKeyWords(form);
      if (first !== undefined && words[0] === first && form !== person.name && !aliases.includes(form)) aliases.push(form);
    }
    const merged: MergedStoryPerson = { name: person.name, aliases, mentions: person.mentions, key: surnameKey(person.name) };
    const role = person.role === undefined ? undefined : sureRole(person.role);
    if (role !== undefined) merged.role = role;
    return merged;
  });
}

/**
 * Words that name a group, a body, a place, a day or a thing, never one person: an entry whose
 * name holds one ("House Democrats", "The Report") is not listed among a story's people.
 */
const NOT_PERSON_WORDS = new Set(
  (
    'act agency airline airlines amendment association authority authorities bank board bureau caucus center centre ' +
    'church city club college commission committee company congress corporation council county court day democrats ' +
    'department field fields forum foundation government group guard hospital house inc institute league ministry ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september ' +
    'october november december museum news observer office parliament party police post press republicans report ' +
    'school senate service show society street studio study team times treaty tribune union university week ' +
    'the are is was and of for ltd llc gmbh network channel radio tv magazine journal daily weekly'
  ).split(' '),
);

/** Whether a name can be one person's: two to five words, capitalised, none naming a group or thing. */
export function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (words.length === 0 || words.length > 5 || !/^\p{Lu}/u.test(name.trim())) return false;
  return !words.some((w) => NOT_PERSON_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
}

const ROLE_VERBS = /\b(?:said|says|say|made|make|making|told|tells|was|were|is|are|has|had|have|will|would|could|should|insist\w*|demand\w*|promis\w*|warn\w*|opened|forced|explains?|jumped|it|her|his|their|only)\b/i;
const ROLE_FUNCTION_ENDS = new Set(['and', 'or', 'of', 'the', 'a', 'an', 'to', 'in', 'on', 'for', 'with', 'by', 'from', 'that', 'who', 'at', 'as']);
const TITLE_PARTICIPLES = new Set(['acting', 'managing', 'outgoing', 'ruling', 'governing', 'leading', 'visiting', 'presiding', 'founding', 'ranking', 'incoming', 'serving']);

/**
 * The role as a people line shows it, when it reads as a title ("Russian Foreign Minister"); a
 * clause fragment the analysis took for a role ("made public statements supporting…") is dropped.
 * Of several roles joined by ";", the first that reads as a title.
 */
export function sureRole(role: string): string | undefined {
  for (const part of role.split(';').map((r) => r.trim().replace(/\s*…$/, '').replace(/[,.]$/, ''))) {
    const words = part.split(/\s+/).filter((w) => w.length > 0);
    const first = words[0]?.toLowerCase() ?? '';
    const last = words[words.length - 1]?.toLowerCase() ?? '';
    if (words.length === 0 || words.length > 8 || ROLE_VERBS.test(part) || ROLE_FUNCTION_ENDS.has(last) || ROLE_FUNCTION_ENDS.has(first)) continue;
    if (first.endsWith('ing') && !TITLE_PARTICIPLES.has(first)) continue;
    return part;
  }
  return undefined;
}

/** Two capitalised words in a row ("Sergei Lavrov"), the second read ahead so it may start the next pair. */
const NAME_PAIR = /(?<![\p{L}'’])(\p{Lu}[\p{Ll}'’-]+)\s+(?=(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}]))/gu;
const ASCII_NAME_PAIR = /(?<![A-Za-z'])([A-Z][a-z'-]+)\s+(?=([A-Z][a-z'-]+)(?![A-Za-z]))/g;

/** "Given Surname" pairs printed anywhere in the articles (titles and removed captions too), by folded surname. */
function printedFullNames(analyses: Analysis[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const analysis of analyses) {
    const texts = [analysis.article.title, ...analysis.article.paragraphs, ...analysis.article.removed];
    for (const text of texts) {
      for (const match of text.matchAll(isAscii(text) ? ASCII_NAME_PAIR : NAME_PAIR)) {
        const form = `${match[1]} ${match[2]}`;
        const surname = nameKey(match[2] ?? '');
        const set = found.get(surname) ?? new Set<string>();
        set.add(form);
        found.set(surname, set);
      }
    }
  }
  return found;
}

export { surnameKey };
