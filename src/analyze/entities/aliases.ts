import type { Entity, Gender } from '../types.ts';
import { BoundedMap } from '../../core/bounded-map.ts';

/** One person seen in several articles: every printed spelling kept. */
export interface MergedPerson {
  /** The canonical spelling (see `canonicalSpelling`), counted over these articles. */
  name: string;
  /** Every other printed form, spelling variants included ("Zelenskyy", "Zelensky", "Mr Zelensky"). */
  aliases: string[];
  /** The first role any article gave, in that article's words. */
  role?: string;
  /** Every distinct role seen, first one first. */
  roles: string[];
  gender?: Gender;
  mentions: number;
  /** Entity ids that went into this person, as `[list index, entity id]`. */
  sources: Array<[number, string]>;
}

const HONORIFIC = /^(mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sen|rep|gov|gen|president|pm|mx)\.?$/;
const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/;

const folded = new BoundedMap<string, string>(50_001);

/** Folds one word of a name so that common romanisation variants meet (memoised: names repeat). */
function foldWord(word: string): string {
  let key = folded.get(word);
  if (key === undefined) {
    key = foldWordUncached(word);
    folded.set(word, key);
  }
  return key;
}

function foldWordUncached(word: string): string {
  let w = word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’`ʼ.-]/g, '');
  if (!w) return w;
  w = w
    .replace(/(?<=\p{L})(ue|oe|ae)/gu, (m) => m[0]!) // Mueller / Müller, Schroeder / Schröder
    .replace(/ks/g, 'x') // Aleksei / Alexei, Aleksandr / Alexandr
    .replace(/kh/g, 'h') // Mikhail / Mihail, Kharkiv / Harkiv
    .replace(/ph/g, 'f')
    .replace(/^ye/, 'e') // Yevgeny / Evgeny
    .replace(/(?<=[^aeiouy])ya/g, 'ia') // Natalya / Natalia
    .replace(/(?<=[^aeiouy])yu/g, 'iu')
    .replace(/(iy|yy|yi|ii|ij)$/, 'y') // Zelenskiy / Zelenskyy / Zelenskyi, Dmitriy / Dmitrii
    .replace(/([aeo])i$/, '$1y') // Sergei / Sergey, Alexei / Alexey, Nikolai / Nikolay
    .replace(/(.)\1+/g, '$1'); // Zelenskyy -> Zelensky, Mohammed / Mohamed
  return w;
}

/**
 * Returns a key that is equal for the usual romanisation variants of a name
 * ("Zelenskyy", "Zelenskiy", "Zelensky" -> "zelensky"; "Sergei Lavrov" = "Sergey Lavrov";
 * "Aleksei" = "Alexei"; "Dmitriy" = "Dmitry"). Accents, case, apostrophes and hyphens are
 * ignored; titles and a possessive 's are not removed here (see `personKey`).
 */
export function nameKey(name: string): string {
  return name
    .split(/\s+/)
    .map(foldWord)
    .filter(Boolean)
    .join(' ');
}

const keyWordsByName = new BoundedMap<string, readonly string[]>(50_001);

/** The name's words without titles, a possessive 's or Jr/Sr/II suffixes, each folded. */
export function personKeyWords(name: string): string[] {
  // Memoised: the same names are keyed again and again (every mention, every sort comparison).
  let words = keyWordsByName.get(name);
  if (words === undefined) {
    words = personKeyWordsUncached(name);
    keyWordsByName.set(name, words);
  }
  // A copy: callers keep and may change their array.
  return words.slice();
}

function personKeyWordsUncached(name: string): string[] {
  const words = name
    .replace(/['’]s\b/g, '')
    .split(/\s+/)
    .filter((w) => w && !HONORIFIC.test(w.toLowerCase()));
  while (words.length > 1 && SUFFIX.test(words[words.length - 1]!.toLowerCase())) words.pop();
  return words.map(foldWord).filter(Boolean);
}

/** The folded surname: the last word of the name after titles and suffixes are removed. */
export function surnameKey(name: string): string {
  const words = personKeyWords(name);
  return words[words.length - 1] ?? '';
}

/** A given name and a surname ("Volodymyr Zelensky"), not a bare surname: specific enough to name one person. */
export function isFullName(form: string): boolean {
  return personKeyWords(form).length > 1;
}

/** How often one printed spelling of a person was used: by how many articles, how many times in all. */
export interface SpellingVotes {
  spelling: string;
  articles: number;
  mentions: number;
}

/**
 * The one spelling a person goes by everywhere (briefings, `/who`, `/quotes`, autocomplete):
 * a full name (given name and surname) before a bare surname, then the spelling the most
 * articles print, then the most mentioned, then the longer, then the first in code-point
 * order, so that every reader of the same counts picks the same spelling whatever order the
 * articles arrived in. Undefined when there are no votes.
 */
export function canonicalSpelling(votes: readonly SpellingVotes[]): string | undefined {
  const full = (spelling: string) => (isFullName(spelling) ? 1 : 0);
  let best: SpellingVotes | undefined;
  for (const vote of votes) {
    if (
      best === undefined ||
      (full(vote.spelling) - full(best.spelling) ||
        vote.articles - best.articles ||
        vote.mentions - best.mentions ||
        vote.spelling.length - best.spelling.length ||
        (vote.spelling < best.spelling ? 1 : vote.spelling > best.spelling ? -1 : 0)) > 0
    ) {
      best = vote;
    }
  }
  return best?.spelling;
}

/** True when two given names can be the same person ("J." and "John", "Sergey" and "Sergei"). */
export function firstNamesAgree(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  return false;
}

/** Content words of a role, for telling two people with one surname apart. */
function roleWords(role: string | undefined): Set<string> {
  const stop = new Set(['the', 'of', 'for', 'and', 'a', 'an', 'former', 'us', 'u.s.', 's']);
  return new Set(
    (role ?? '')
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .split(/[^\p{L}]+/u)
      .filter((w) => w.length > 1 && !stop.has(w)),
  );
}

function rolesConflict(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const wa = roleWords(a);
  const wb = roleWords(b);
  if (wa.size === 0 || wb.size === 0) return false;
  for (const w of wa) if (wb.has(w)) return false;
  return true;
}

/**
 * Merges the person entities of several articles into one entry per person and returns them
 * most mentioned first. Spelling variants meet through `nameKey`; every printed form is kept
 * (name or aliases). Two people with one surname stay apart when their first names disagree,
 * or, when either is known by surname only, when their roles share no word.
 */
export function mergePeople(lists: readonly Entity[][]): MergedPerson[] {
  interface Group {
    forms: Map<string, number>;
    /** The articles (list indices) that printed each form as the person's name, and how often. */
    votes: Map<string, { lists: Set<number>; mentions: number }>;
    firstKey?: string;
    surname: string;
    roles: string[];
    gender?: Gender;
    mentions: number;
    sources: Array<[number, string]>;
  }
  const groups: Group[] = [];
  const entries: Array<{ list: number; entity: Entity }> = [];
  lists.forEach((entities, list) => {
    for (const entity of entities) if (entity.type === 'person') entries.push({ list, entity });
  });
  // Full names first, so that a bare surname joins the right full name.
  entries.sort((x, y) => personKeyWords(y.entity.name).length - personKeyWords(x.entity.name).length);

  for (const { list, entity } of entries) {
    const words = personKeyWords(entity.name);
    const surname = words[words.length - 1] ?? nameKey(entity.name);
    const firstKey = words.length > 1 ? words[0] : undefined;
    const candidates = groups.filter(
      (g) =>
        g.surname === surname &&
        firstNamesAgree(g.firstKey, firstKey) &&
        !(entity.gender && g.gender && entity.gender !== g.gender) &&
        !((!firstKey || !g.firstKey) && rolesConflict(g.roles[0], entity.role)),
    );
    // A bare surname shared by two different full names is ambiguous: join the most mentioned.
    const group = candidates.sort((a, b) => b.mentions - a.mentions)[0];
    const target: Group = group ?? { forms: new Map(), votes: new Map(), surname, roles: [], mentions: 0, sources: [] };
    if (!group) groups.push(target);
    if (!target.firstKey && firstKey) target.firstKey = firstKey;
    for (const form of [entity.name, ...entity.aliases]) {
      target.forms.set(form, (target.forms.get(form) ?? 0) + (form === entity.name ? entity.mentions : 0));
    }
    const vote = target.votes.get(entity.name) ?? { lists: new Set<number>(), mentions: 0 };
    vote.lists.add(list);
    vote.mentions += entity.mentions;
    target.votes.set(entity.name, vote);
    if (entity.role && !target.roles.includes(entity.role)) target.roles.push(entity.role);
    target.gender ??= entity.gender;
    target.mentions += entity.mentions;
    target.sources.push([list, entity.id]);
  }

  return groups
    .map((g): MergedPerson => {
      const forms = [...g.forms.entries()];
      forms.sort((a, b) => personKeyWords(b[0]).length - personKeyWords(a[0]).length || b[1] - a[1] || b[0].length - a[0].length);
      const name = canonicalSpelling([...g.votes].map(([spelling, vote]) => ({ spelling, articles: vote.lists.size, mentions: vote.mentions }))) ?? forms[0]?.[0] ?? '';
      const merged: MergedPerson = {
        name,
        aliases: forms.map(([form]) => form).filter((form) => form !== name),
        roles: g.roles,
        mentions: g.mentions,
        sources: g.sources,
      };
      if (g.roles[0]) merged.role = g.roles[0];
      if (g.gender) merged.gender = g.gender;
      return merged;
    })
    .sort((a, b) => b.mentions - a.mentions);
}
