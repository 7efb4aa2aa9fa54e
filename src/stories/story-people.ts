import { mergePeople, surnameKey } from '../analyze/aliases.ts';
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
  return mergePeople(analyses.map((a) => a.entities)).map((person) => {
    const merged: MergedStoryPerson = { name: person.name, aliases: person.aliases, mentions: person.mentions, key: surnameKey(person.name) };
    if (person.role !== undefined) merged.role = person.role;
    return merged;
  });
}

export { surnameKey };
