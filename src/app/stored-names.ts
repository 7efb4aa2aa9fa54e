import { isFullName } from '../analyze/aliases.ts';
import type { Digest } from '../digest/types.ts';
import type { StoryPerson } from '../stories/types.ts';
import type { PeopleStore } from '../store/store.ts';

/**
 * The digest with each person named as the store names them, so that a briefing, `/who`,
 * `/quotes` and autocomplete spell one person alike: a story counts only its own articles,
 * the store counts every article it holds, and the store's choice wins. The story's own
 * spelling joins the aliases; quotes by the person take the stored name too. People the
 * store does not know keep the spelling their story chose.
 */
export async function withStoredNames(digest: Digest, people: Pick<PeopleStore, 'canonicalNames'>): Promise<Digest> {
  const forms = new Set<string>();
  for (const story of digest.stories) {
    for (const person of story.people) for (const form of [person.name, ...person.aliases]) if (isFullName(form)) forms.add(form);
    for (const quote of story.quotes) if (isFullName(quote.speaker)) forms.add(quote.speaker);
  }
  if (forms.size === 0) return digest;
  const stored = await people.canonicalNames([...forms]);
  if (stored.size === 0) return digest;
  const storedName = (person: StoryPerson) => stored.get(person.name) ?? person.aliases.filter(isFullName).map((alias) => stored.get(alias)).find((name) => name !== undefined);

  const stories = digest.stories.map((story) => {
    const renamed = new Map<string, string>();
    const byName = new Map<string, StoryPerson>();
    for (const person of story.people) {
      const name = storedName(person) ?? person.name;
      if (name !== person.name) renamed.set(person.name, name);
      const aliases = [person.name, ...person.aliases].filter((form) => form !== name);
      const same = byName.get(name);
      if (same) {
        // Two story entries the store knows as one person become one line.
        for (const alias of aliases) if (!same.aliases.includes(alias)) same.aliases.push(alias);
        continue;
      }
      byName.set(name, { ...person, name, aliases });
    }
    const quotes = story.quotes.map((quote) => {
      const speaker = renamed.get(quote.speaker) ?? (isFullName(quote.speaker) ? stored.get(quote.speaker) : undefined) ?? quote.speaker;
      return speaker === quote.speaker ? quote : { ...quote, speaker };
    });
    return { ...story, people: [...byName.values()], quotes };
  });
  return { ...digest, stories };
}
