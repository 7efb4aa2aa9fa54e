import { mergePeople, nameKey, personKeyWords, surnameKey } from '../analyze/aliases.ts';
import type { Analysis } from '../analyze/types.ts';
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
  return mergePeople(analyses.map((a) => a.entities)).map((person) => {
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
    if (person.role !== undefined) merged.role = person.role;
    return merged;
  });
}

/** "Given Surname" pairs printed anywhere in the articles (titles and removed captions too), by folded surname. */
function printedFullNames(analyses: Analysis[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const analysis of analyses) {
    const texts = [analysis.article.title, ...analysis.article.paragraphs, ...analysis.article.removed];
    for (const text of texts) {
      for (const match of text.matchAll(/(?<![\p{L}'’])(\p{Lu}[\p{Ll}'’-]+)\s+(?=(\p{Lu}[\p{Ll}'’-]+)(?![\p{L}]))/gu)) {
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
