import { personKeyWords } from '../entities/aliases.ts';
import { demonyms, formalTitles, honorifics, isFirstName, isPostNominal, isTitle, orgWords, titleModifiers, titleNouns, verbForms } from '../lexicon.ts';
import { isCapitalised, nameCharsStart, withoutPossessive } from '../tokens.ts';
import type { Gender } from '../types.ts';
import { isSpeechVerb } from '../quotes/speech-verbs.ts';
import { creditRole, descriptionBefore, isRoleNoun, roleAfter, roleBefore, roleBeforeComma, roleInClause } from './role-phrases.ts';

/** Where a person is named, as far as roles need to know. */
export interface RoleMention {
  entityId: string;
  paragraph: number;
  /** Where the name ends in its paragraph. */
  end: number;
}

/** A person being gathered, as far as roles need to know: printed forms and gender. */
export interface RoleOwner {
  id: string;
  gender?: Gender;
  forms: ReadonlyMap<string, number>;
}

/** "ministers Jonathan Moyo and Saviour Kasukuwere": each of them is one minister. */
function singular(role: string): string {
  // "cabinet ministers Jonathan Moyo and ...": the lowercase head of a plain description; a
  // title's object stays as printed ("Chairman of the Joint Chiefs").
  const space = role.lastIndexOf(' ');
  const last = role.slice(space + 1);
  if (!last.endsWith('s') || last.endsWith('ss') || (space >= 0 && (!/^\p{Ll}/u.test(last) || /\s(?:of|for|to|and)\s/i.test(role)))) return role;
  const one = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.slice(0, -1);
  return titleNouns.has(one.toLowerCase()) ? role.slice(0, space + 1) + one : role;
}

/**
 * The title or description a role phrase holds, or '' when it is a clause and no title: a
 * phrase that opens with a verb ("made public statements supporting ...", "sentenced in
 * December ..."), holds a speech verb ("explains Dr."), has a name doing something in it
 * ("philosopher Luis de Miranda weaves ..."), or is a relation whose pronoun stayed unresolved
 * ("her brother": whose?). When unsure, no role.
 */
const CREDIT_ROLE = /^((additional\s+)?(reporting|writing|editing|research|translation|graphics|compiled|produced|edited|written)|contributed to this (report|story|article))$/i;

/** Verbs that say what somebody does for a living: their clause is the role ("advises the minister"). */
const ROLE_VERB_CLAUSE = /^(advises|covers|heads|leads|runs|chairs|manages|oversees|directs|represents|teaches|coaches|owns|edits|works)\b/i;

/** "nominee and wins the election": a second verb phrase joined to the title is no part of it. */
const TRAILING_CLAUSE = /\s+and\s+(?:wins|won|leads|led|says|said|has|had|is|was|will|would|lost|loses|runs|ran)\b.*$/i;

/** Participles that open a title rather than a clause. */
const TITLE_PARTICIPLES = new Set(['managing', 'acting', 'presiding', 'outgoing', 'incoming', 'ruling', 'leading', 'founding', 'visiting',
  'reigning', 'sitting', 'serving', 'governing', 'consulting', 'supervising', 'retiring', 'practising', 'practicing', 'polling', 'ranking',
  'commanding', 'contributing', 'reporting', 'editing', 'writing', 'striking', 'working', 'touring', 'winning', 'losing', 'running']);

/** Words a description cannot end in: "his chief of staff at the time and", "author of", "former". */
const DANGLING_END = /(?:\s+|^)(?:and|or|but|of|for|to|in|at|with|from|by|the|a|an|former|then|ex|who|which|that)$/i;

/** "leads in polls", "leads Trump by 7 points", "leads among men": a standing in a race, not a job. */
const RACE_STANDING = /\b(?:polls?|points?|delegates|race|field|margin|votes?|percent|primar(?:y|ies)|caucus(?:es)?|among)\b|%/i;

/** "you're a lawyer", "It's a reminder": a sentence of its own, not a description. */
const PRONOUN_OPENING = /^(?:i|you|we|they|it|he|she|there|this|that)(?:\s|['’])/i;

const NAME_PREPOSITIONS = new Set(['of', 'to', 'for', 'under', 'with', 'by', 'from', 'at', 'against', 'on', 'in', 'about', 'behind', 'beside']);

/**
 * True when a description names somebody else as its head ("Sen. Ted Cruz", "legendary Chicago
 * Bears coach Mike Ditka", "entrepreneur Maya Penn and ..."): a given name with a capitalised
 * word after it that no preposition governs ("adviser to President Bill Clinton" is fine).
 */
function namesAnotherPerson(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (!isFirstName(words[i]!) || !isCapitalised(words[i + 1]!) || /['’]s?$/.test(words[i + 1]!)) continue;
    let k = i - 1;
    while (k >= 0 && !NAME_PREPOSITIONS.has(words[k]!.toLowerCase())) k--;
    if (k < 0) return true;
  }
  return false;
}

export function headPhrase(role: string): string {
  // "a strong supporter of gay marriage as well as a giant in ...": the first description is enough.
  role = role.replace(TRAILING_CLAUSE, '').replace(/\s+as well as\s.*$/i, '');
  while (DANGLING_END.test(role)) role = role.replace(DANGLING_END, '');
  const words = role.split(/\s+/).filter(Boolean);
  if (!words.length) return '';
  if (PRONOUN_OPENING.test(role)) return '';
  // Credit lines are verbs by nature ("Writing by", "contributed to this report").
  if (CREDIT_ROLE.test(role)) return role;
  if (ROLE_VERB_CLAUSE.test(role)) return RACE_STANDING.test(role) ? '' : role;
  if (namesAnotherPerson(words)) return '';
  const first = words[0]!.toLowerCase();
  if (verbForms.has(first) && !titleModifiers.has(first) && !titleNouns.has(first)) return '';
  // "demanding President ... make a pledge": a participle opens a clause, unless it is one of the
  // words that make a title ("managing editor", "leading expert").
  if (/ing$/.test(first) && !titleModifiers.has(first) && !TITLE_PARTICIPLES.has(first) && !titleNouns.has(first)) return '';
  if (/^(his|her|their)$/.test(first) && words.length < 3) return '';
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.replace(/[.,;:]+$/, '');
    const lower = w.toLowerCase();
    if (isSpeechVerb(lower)) return '';
    // A capitalised word followed by a lowercase finite verb: a name doing something.
    const next = words[i + 1]?.toLowerCase().replace(/[.,;:]+$/, '');
    if (i > 0 && isCapitalised(w) && next && /^\p{Ll}/u.test(words[i + 1]!) && verbForms.has(next) && /(s|ed)$/.test(next) && !/(ss|ous)$/.test(next) && !titleNouns.has(next) && !isRoleNoun(next)) return '';
  }
  return singular(role);
}

/** A title that is only a form of address ("Mother", "Father", "Sister", "Captain"). */
function addressOnly(role: string): boolean {
  return /^(mother|father|sister|brother|captain|capt\.|reverend|rev\.|dr\.?|prof\.?|sir|dame|lord|lady|mr\.?|mrs\.?|ms\.?)$/i.test(role.trim());
}

function isFormalTitle(role: string): boolean {
  return role.split(/\s+/).some((w) => isCapitalised(w) && isTitle(withoutPossessive(w).toLowerCase()) && !honorifics.has(w.toLowerCase()));
}

/** Words of a role for telling whether one description already says what another does. */
function roleKey(role: string): string {
  return ` ${role.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/** Descriptions of one person kept side by side; more say little a reader can use. */
const MAX_ROLES = 3;

/**
 * The role to show for a person: every distinct description the article gives, joined by "; ",
 * a formal title first ("U.S. Secretary of State; top U.S. diplomat"), then the longer ones.
 * A description that another one contains is left out, and so is a mere form of address
 * ("Mother", "Captain") when anything else is known.
 */
export function pickRole(roles: readonly string[]): string | undefined {
  const distinct: string[] = [];
  for (const role of roles) {
    const trimmed = headPhrase(role.trim().replace(/[,;:]+$/, ''));
    if (!trimmed || distinct.some((r) => roleKey(r).includes(roleKey(trimmed)))) continue;
    for (let i = distinct.length - 1; i >= 0; i--) if (roleKey(trimmed).includes(roleKey(distinct[i]!))) distinct.splice(i, 1);
    distinct.push(trimmed);
  }
  const described = distinct.filter((r) => !addressOnly(r));
  const kept = described.length ? described : distinct;
  const ranked = kept
    .map((role, order) => ({ role, order, formal: isFormalTitle(role) }))
    .sort((a, b) => Number(b.formal) - Number(a.formal) || roleKey(b.role).length - roleKey(a.role).length || a.order - b.order);
  if (!ranked.length) return undefined;
  return ranked.slice(0, MAX_ROLES).map((r) => r.role).join('; ');
}

/** "chief of staff", "head of state": a title and its lowercase object right before a name. */
const TITLE_OF = /(\p{L}+)\s+of\s+\p{Ll}+\s+$/u;

/** A description ending in a form of address: "judicial analyst" and "Judge". */
const TRAILING_ADDRESS = /^(.*(?:^|\s)\p{Ll}[\p{L}-]*)\s+(\p{Lu}[\p{L}]*\.?)$/u;

/**
 * True when a position in a paragraph is inside a quotation: after an opening curly quote not
 * yet closed, or after an odd number of straight double quotes.
 */
export function insideQuotation(text: string, at: number): boolean {
  let open = false;
  let straight = 0;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) open = true;
    else if (c === 0x201d) open = false;
    else if (c === 0x22) straight++;
  }
  return open || straight % 2 === 1;
}

/** The word before a name: /([\p{L}.'’-]+)\s+$/u on the 40 characters before it, or ''. */
function previousWord(text: string, start: number): string {
  const from = Math.max(0, start - 40);
  let wordEnd = start;
  while (wordEnd > from && SPACE.test(text[wordEnd - 1]!)) wordEnd--;
  return wordEnd < start ? text.slice(nameCharsStart(text, from, wordEnd), wordEnd) : '';
}

const SPACE = /^\s$/u;

/**
 * The role the words around one mention give, checking cheaply first whether a title can be
 * there at all: most mentions follow "said", "and" or "by" and carry none.
 */
export function rolesAround(text: string, start: number, end: number): string[] {
  // "President [Donald] Trump": the editor's bracket is no boundary of the title.
  if (text.charCodeAt(start - 1) === 91) start -= 1;
  // "Stephen Calderwood, MD, president of ...": the degrees are no role and the role follows them.
  if (text.charCodeAt(end) === 44) end += degreesLength(text, end);
  // "Marvin Teske, 53, a security guard at a casino": the age is no role and the role follows it.
  if (text.charCodeAt(end) === 44) end += AGE_AFTER_COMMA.exec(text.slice(end, end + 16))?.[0].length ?? 0;
  const previous = previousWord(text, start);
  const titleBefore = previous !== '' && (isCapitalised(previous) || /['’]s$/.test(previous) || titleNouns.has(previous.toLowerCase())
    || titleModifiers.has(previous.toLowerCase()) || demonyms.has(previous.toLowerCase()) || /(er|or|ist|ian|ant|ent|man|woman|person)s?$/.test(previous)
    || titleNouns.has(TITLE_OF.exec(text.slice(Math.max(0, start - 40), start))?.[1]?.toLowerCase() ?? ''));
  // What a speaker says of somebody inside a quotation is an opinion ("Trump is God's man"), not a description.
  const quoted = insideQuotation(text, start);
  const commaFollows = /^\s*,/.test(text.slice(end, end + 3));
  const commaAfter = !quoted && commaFollows;
  const title = titleBefore ? roleBefore(text, start) : undefined;
  // The lowercase words and organisation in front of a title belong to it ("CNN meteorologist").
  const description = titleBefore && !/['’]s$/.test(previous) ? descriptionBefore(text, start) : undefined;
  let before = description && (!title || (description.length > title.length && description.endsWith(title))) ? description : title;
  // "identified the surfer as 50-year-old Kevin Swanson of Morro Bay": the age is how the article describes them.
  if (!before && previous === '-year-old') before = AGE_BEFORE.exec(text.slice(Math.max(0, start - 16), start))?.[1];
  // "Man Haron Monis", "Mother Superior Marie": one capitalised person noun inside a name is part
  // of it, not a title, unless it opens the sentence ("Dockworker Tomas Ruiz said").
  if (before && !/\s/.test(before) && isCapitalised(before) && !formalTitles.has(before.toLowerCase()) && !honorifics.has(before.toLowerCase())
    && !formalTitles.has(before.toLowerCase().split('-').pop() ?? '')) {
    const opening = /(^|[.!?:;"“”]\s*)$/.test(text.slice(0, start - before.length - 1).trimEnd() + ' ') || start - before.length - 1 <= 0;
    if (!opening) before = undefined;
  }
  const after = commaAfter ? roleAfter(text, end) : undefined;
  // "his wife Grace": the pronoun says whose relation it is.
  const beforeStart = before ? text.lastIndexOf(before, start) : start;
  const owner = before && RELATION_BY_PRONOUN.test(`his ${before}`) ? /\b(his|her)\s+$/i.exec(text.slice(Math.max(0, beforeStart - 5), beforeStart)) : null;
  if (owner) before = `${owner[1]!.toLowerCase()} ${before}`;
  // A description set off before the title too ("The council leader, Councillor Sarah Whitcombe").
  const titleStart = owner ? beforeStart - owner[0].length : beforeStart;
  const framed = !quoted && /,\s*$/.test(text.slice(Math.max(0, titleStart - 3), titleStart)) ? roleBeforeComma(text, titleStart, commaFollows) : undefined;
  const roles: string[] = [];
  // "Fox News judicial analyst Judge Andrew Napolitano", "Former CIA director Gen. David Petraeus":
  // a description and a form of address, two roles rather than one.
  const addressed = before ? TRAILING_ADDRESS.exec(before) : null;
  if (addressed && isRoleNoun(addressed[1]!.split(/\s+/).pop()!) && formalTitles.has(addressed[2]!.toLowerCase())) {
    roles.push(addressed[1]!);
    before = addressed[2]!;
  }
  let formal = before;
  // "Sen. Bill Cassidy (R-La.)": the party-and-state tag belongs to the title.
  const tag = PARTY_TAG.exec(text.slice(end, end + 24));
  if (formal && tag) formal = `${formal} (${tag[1]!})`;
  // "Patrol Chief James Hall with the New York Police Department", "Kent Powell of American Airlines".
  const affiliation = AFFILIATION.exec(text.slice(end, end + 120));
  // "Hillary with the State Department staffer": the organisation is part of another description.
  const described = affiliation ? /^\s+(\p{Ll}[\p{L}-]*)/u.exec(text.slice(end + affiliation[0].length, end + affiliation[0].length + 30)) : null;
  if (affiliation && !(described && isRoleNoun(described[1]!))) {
    // A sentence's stop is no part of the organisation ("of Hartwell University."); "Inc." keeps its own.
    // A stop after a word of three letters or more ends the sentence ("of Morro Bay. He was ...").
    const phrase = affiliation[1]!.replace(/(\p{L}\p{Ll}{2,})\.\s.*$/u, '$1').replace(/(\p{Ll}{4,})\.$/u, '$1');
    const named = phrase.split(/\s+/).some((w) => orgWords.has(w.toLowerCase()));
    if (formal) formal = `${formal} ${phrase}`;
    else if (!after && !framed && named && /^(of|with)\b/.test(phrase)) roles.push(phrase);
  } else if (!before && /['’]s?$/.test(previous)) {
    // "American Airlines' Kent Powell": an organisation's possessive before the name is whose they are.
    const owner = /((?:\p{Lu}[\p{L}\p{M}&.-]*\s+){0,3}\p{Lu}[\p{L}\p{M}&.-]*)['’]s?\s+$/u.exec(text.slice(Math.max(0, start - 60), start));
    const words = owner?.[1]!.split(/\s+/) ?? [];
    if (owner && orgWords.has(withoutPossessive(words[words.length - 1]!).toLowerCase())) roles.push(`of ${owner[1]!}`);
  }
  for (const role of [formal, after, framed]) if (role) roles.push(role);
  if (!roles.length && previous === 'and') {
    // "cabinet ministers Jonathan Moyo and Saviour Kasukuwere": the plural title is each one's.
    const from = Math.max(0, start - 100);
    const listed = TITLED_PAIR.exec(text.slice(from, start));
    // The whole description before the first name is each one's ("cabinet ministers").
    const plural = listed ? descriptionBefore(text, from + listed.index + listed[0].length - listed[2]!.length) ?? listed[1]! : undefined;
    const one = plural ? singular(plural) : undefined;
    if (one && one !== plural) roles.push(one);
  }
  if (!roles.length && (previous === 'named' || previous === 'called')) {
    // "From a colleague named Barry Saltzman", "his lawyer, a man called ...".
    const described = NAMED_AFTER_ROLE.exec(text.slice(Math.max(0, start - 80), start));
    if (described && isRoleNoun(described[2]!.split(/\s+/).pop()!)) roles.push(described[1] === 'his' || described[1] === 'her' ? `${described[1]} ${described[2]!}` : described[2]!);
  }
  if (roles.length) return roles;
  const other = creditRole(text, start, end) ?? (quoted ? undefined : roleInClause(text, end) ?? describedNext(text, end));
  return other ? [other] : [];
}

/** ", 53" or ", aged 53" after a name, when another comma follows: an age set off before a description. */
const AGE_AFTER_COMMA = /^\s*,\s*(?:aged\s+)?\d{1,3}(?=\s*,)/;

/** "50-year-old " right before a name: an age printed as a description. */
const AGE_BEFORE = /(?:^|\s)(\d{1,3}-year-old)\s+$/;

/** One degree or licence after a comma ("MD", "Ph.D."): `isPostNominal` says which words are. */
const AFTER_COMMA_WORD = /^\s*,\s*(\p{Lu}[\p{L}.]{1,7}(?:\s?D\.?)?)(?=[\s,;.)]|$)/u;

/** How many characters after a name its degrees take ("Stephen Calderwood, MD, PhD, president ..."). */
function degreesLength(text: string, end: number): number {
  let length = 0;
  for (let m = AFTER_COMMA_WORD.exec(text.slice(end, end + 24)); m && isPostNominal(m[1]!); m = AFTER_COMMA_WORD.exec(text.slice(end + length, end + length + 24))) {
    length += m[0].length;
  }
  return length;
}

/** A name that ends its sentence, and the next sentence says what they are ("... says Katie Allen. She's the director of ..."). */
const PRONOUN_DESCRIBES = /^\s*\.\s+(?:She|He)(?:['’]s|\s+is|\s+was)\s+(?=(?:a|an|the)\s)/;

function describedNext(text: string, end: number): string | undefined {
  // The stop may close the last degree ("Katie Allen, MD, PhD. She's ...").
  const stopped = text.charCodeAt(end - 1) === 46;
  if (text.charCodeAt(end) !== 46 && !(stopped && text.charCodeAt(end) === 32)) return undefined;
  const opening = PRONOUN_DESCRIBES.exec(stopped && text.charCodeAt(end) === 32 ? `.${text.slice(end, end + 20)}` : text.slice(end, end + 20));
  if (!opening) return undefined;
  const from = end + opening[0].length - (stopped && text.charCodeAt(end) === 32 ? 1 : 0);
  return roleInClause(` is ${text.slice(from, from + 300)}`, 0, 20);
}

/** A plural title before two names joined by "and" ("ministers Jonathan Moyo and ..."). */
const TITLED_PAIR = /(?:^|\s)(\p{Ll}[\p{Ll}-]*s)\s+(\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*){0,3}\s+and\s+)$/u;

/** "a colleague named", "his friend called": a description that names the person next. */
const NAMED_AFTER_ROLE = /\b(a|an|the|his|her)\s+((?:[\p{Ll}\d-]+\s+){0,2}[\p{Ll}-]+)\s+(?:named|called)\s+$/u;

/** Nouns for a woman or a man, who may own a relation in place of the last person named. */
const FEMALE_PERSON_NOUN = /\b(?:wife|mother|daughter|sister|woman|women|girl|girlfriend|widow|aunt|niece|grandmother|granddaughter|fiancée|lady|mom|mum)\b/i;
const MALE_PERSON_NOUN = /\b(?:husband|father|son|brother|man|men|boy|boyfriend|widower|uncle|nephew|grandfather|grandson|fiancé|dad)\b/i;

/** Kin and friends: without a sure owner ("his brother") they say nothing of the person. */
const FAMILY_RELATIONS = 'mother|father|wife|husband|son|daughter|brother|sister|boyfriend|girlfriend|fiancée?|partner|widow|widower|uncle|aunt|nephew|niece|cousin|grandfather|grandmother|grandson|granddaughter|stepson|stepdaughter|stepfather|stepmother|mum|mom|dad|parents?|children|child|friend|neighbou?r';
/** Relations that are also what a person does: shown without an owner when none is sure. */
const WORK_RELATIONS = 'colleague|co-worker|classmate|teammate|lawyer|attorney|spokes(?:man|woman|person)|aide|adviser|advisor|successor|predecessor|rival|ally';
/** "his mother", "her 22-year-old son": a relation named through a possessive pronoun. */
const RELATION_BY_PRONOUN = new RegExp(`^(his|her)\\s+((?:[\\p{L}\\d-]+\\s+){0,2}(?:${FAMILY_RELATIONS}|${WORK_RELATIONS}))$`, 'iu');
const PROFESSIONAL_RELATION = new RegExp(`(?:^|\\s)(?:${WORK_RELATIONS})$`, 'i');

/**
 * Names the person a relation's pronoun stands for ("her mother" -> "Eloise Parry's mother"):
 * the person named last before this mention, close by, when the pronoun's gender does not rule
 * them out. Otherwise the relation stays as printed.
 */
export function withRelativeNamed(
  role: string,
  person: RoleOwner,
  paragraph: number,
  mentions: readonly RoleMention[],
  people: readonly RoleOwner[],
  loneNameLike: (entityId: string) => boolean,
  /** The paragraph's text and where the person's name starts in it. */
  place?: { text: string; start: number },
): string {
  const relation = RELATION_BY_PRONOUN.exec(role);
  if (!relation) return role;
  // Unresolved, "his lawyer" still says what the person is; "his brother" says nothing.
  const unresolved = PROFESSIONAL_RELATION.test(relation[2]!) ? relation[2]! : role;
  const wanted: Gender = relation[1]!.toLowerCase() === 'his' ? 'male' : 'female';
  // "Yohannes and his wife were awaiting news of her brother, NAME": a noun of the pronoun's
  // gender between the last name and the relation is the nearer owner, and it is nobody named.
  const between = (from: number): boolean => {
    if (!place) return false;
    const window = place.text.slice(from, place.start);
    // The relation's own pronoun is the last one: only the words before it can hold another owner.
    const pronoun = Math.max(window.toLowerCase().lastIndexOf('his '), window.toLowerCase().lastIndexOf('her '));
    return (wanted === 'female' ? FEMALE_PERSON_NOUN : MALE_PERSON_NOUN).test(pronoun >= 0 ? window.slice(0, pronoun) : window);
  };
  // The person named last, in this paragraph or the one before; a lone capitalised word taken
  // for an organisation may be the owner ("The captain, Iriyanto, ..."), so it stops the search:
  // a wrong owner would be worse than the pronoun.
  for (let i = mentions.length - 1; i >= 0 && mentions[i]!.paragraph >= paragraph - 1; i--) {
    const other = people.find((p) => p.id === mentions[i]!.entityId);
    if (!other) {
      if (loneNameLike(mentions[i]!.entityId)) return unresolved;
      continue;
    }
    if (other.id === person.id || (other.gender && other.gender !== wanted)) return unresolved;
    if (between(mentions[i]!.paragraph === paragraph ? mentions[i]!.end : 0)) return unresolved;
    const name = [...other.forms.keys()].sort((a, b) => personKeyWords(b).length - personKeyWords(a).length)[0];
    return name ? `${name}'s ${relation[2]!}` : unresolved;
  }
  return unresolved;
}

/**
 * "with the New York Police Department", "from the West Mercia police": the organisation after a
 * titled name, capitalised words with a common noun for a body at the end.
 */
/** "(D-Ore.)", "(R-La.)", "(I-Vt.)": a lawmaker's party and state after the name. */
const PARTY_TAG = /^\s*\(([DRI]-[A-Z][A-Za-z.]{1,12})\)/;

const AFFILIATION = /^\s*(?:\([^)]{1,20}\)\s*)?,?\s*((?:of|with|at|from)\s+(?:the\s+)?\p{Lu}[\p{L}\p{M}&.'’-]*(?:\s+(?:of|and|for|on|&|\p{Lu}[\p{L}\p{M}&.'’-]*))*(?:\s+(?:police|department|agency|ministry|council|office|service|force|brokerage|bank|firm|group|company|university|hospital|court))?)/u;
