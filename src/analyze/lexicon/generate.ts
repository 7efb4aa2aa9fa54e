/**
 * Regenerates `words.json` from the word lists of the compromise package (MIT licence):
 * first names with their usual gender, places, demonyms, role nouns, organisation words, named
 * organisations and teams, and finite verb forms.
 * Run with `npx tsx src/analyze/lexicon/generate.ts`; the product reads only the JSON, so
 * compromise stays a development dependency.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import nlp from 'compromise';

// These two lists are source files inside the package, not part of its public API: read their strings.
const wordsOfSource = (file: string): string[] => {
  const source = readFileSync(new URL(`../../../node_modules/compromise/src/2-two/preTagger/model/${file}`, import.meta.url), 'utf8');
  return [...source.replace(/\/\/.*$/gm, '').matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '');
};
const orgWords = wordsOfSource('orgWords.js');
const placeWords = wordsOfSource('placeWords.js');

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const byTag = new Map<string, string[]>();
for (const [word, tags] of Object.entries(lexicon)) {
  for (const tag of Array.isArray(tags) ? tags : [tags]) {
    const list = byTag.get(tag) ?? [];
    list.push(word);
    byTag.set(tag, list);
  }
}
const pick = (...tags: string[]): string[] =>
  [...new Set(tags.flatMap((tag) => byTag.get(tag) ?? []))].sort();

const words = {
  maleNames: pick('MaleName'),
  femaleNames: pick('FemaleName'),
  firstNames: pick('FirstName'),
  lastNames: pick('LastName'),
  countries: pick('Country'),
  cities: pick('City'),
  regions: pick('Region'),
  demonyms: pick('Demonym'),
  roleNouns: pick('Actor'),
  orgWords: [...new Set(orgWords)].sort(),
  // Named bodies and teams ("Wells Fargo", "Carolina Panthers"): never a person.
  organizations: pick('Organization', 'SportsTeam'),
  // Finite verb forms and gerunds: a role phrase opening with one is a clause ("made public statements").
  verbForms: pick('PastTense', 'PresentTense', 'Gerund'),
  placeWords: [...new Set(placeWords)].sort(),
  // Known words that are no person noun, whatever their ending ("three", "better", "wherever"),
  // and known verbs with their third-person forms ("consider", "considers").
  notPersonNouns: notPersonNouns(),
};
function notPersonNouns(): string[] {
  // Verbs that also name what somebody does ("engineer", "volunteer") stay person nouns.
  const agentVerbs = new Set(['engineer', 'monitor', 'tailor', 'volunteer']);
  const thirdPerson = (verb: string): string =>
    /(s|x|z|ch|sh|o)$/.test(verb) ? `${verb}es` : /[^aeiou]y$/.test(verb) ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const verbs = pick('Infinitive').filter((verb) => /^[a-z]+$/.test(verb) && !agentVerbs.has(verb));
  const functionWords = pick('Comparative', 'Superlative', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'QuestionWord',
    'Cardinal', 'TextValue', 'Ordinal');
  const persons = new Set(pick('Actor', 'Person', 'FirstName', 'MaleName', 'FemaleName', 'LastName'));
  return [...new Set([...functionWords, ...verbs, ...verbs.map(thirdPerson)])].filter((w) => /^[a-z][a-z'-]*$/.test(w) && !persons.has(w)).sort();
}

writeFileSync(new URL('./words.json', import.meta.url), JSON.stringify(words) + '\n');
console.log(Object.fromEntries(Object.entries(words).map(([k, v]) => [k, v.length])));
