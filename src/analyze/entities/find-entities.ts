import { personKeyWords, surnameKey, firstNamesAgree } from './aliases.ts';
import {
  ARABIC_ARTICLE,
  capitalisedFunctionWords,
  demonyms,
  formalTitles,
  genderOfFirstName,
  honorifics,
  isFirstName,
  isHonorificWithoutPeriod,
  isPartyStateTag,
  isTitle,
  lastNames,
  ledByNouns,
  notPersonNouns,
  organizations,
  orgWords,
  places,
  thingHeads,
  placeWords,
  titleModifiers,
  titleNouns,
  isPostNominal,
  verbForms,
} from '../lexicon.ts';
import { creditRole, isRoleNoun, roleAfter, roleBeforeComma } from '../roles/role-phrases.ts';
import { pickRole, rolesAround, withRelativeNamed } from '../roles/person-roles.ts';
import { SPEECH_ADVERBS, isSpeechVerb } from '../quotes/speech-verbs.ts';
import { isCapitalised, isPossessive, tokenize, withoutPossessive, type Token } from '../tokens.ts';
import type { Entity, EntityType, Gender } from '../types.ts';

/** Where an entity is named in the text. */
export interface Mention {
  entityId: string;
  paragraph: number;
  start: number;
  end: number;
}

/** A person known before this article (from other articles of the same story). */
export interface KnownPerson {
  name: string;
  aliases: string[];
  role?: string;
  gender?: Gender;
}

export interface EntityFindings {
  entities: Entity[];
  /** In reading order. */
  mentions: Mention[];
}

const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'dos', 'das', 'le', 'la', 'ter', 'ten', 'y', 'bint', 'abu', 'st.']);
const SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx', 'xxi', 'xxii', 'xxiii']);

/** A run of capitalised words as printed. */
interface Run {
  paragraph: number;
  tokens: Token[];
  /** The next word after the run, lowercased ("said"). */
  nextWords: string[];
  /** ", 61, said", ", a 61-year-old", ", the company's spokeswoman, told": what follows a person. */
  followedBySpeechOrAge: boolean;
  /** The word before the run, lowercased ("spokesman"). */
  prevWord: string;
  /** The word before `prevWord`, as printed ("Poverty" in "Poverty and Inequality"). */
  prevPrevWord: string;
  sentenceInitial: boolean;
  /** Right after a quote's closing mark and its comma ('"...," Yohannes said'): where attributions stand. */
  afterQuote: boolean;
  /** The paragraph's text, for reading what follows the run. */
  text: string;
}

interface Classified {
  kind: EntityType | 'single' | 'unknown';
  /** The name part (titles removed). */
  tokens: Token[];
  /** Title words in front of the name inside the run ("Foreign Minister", "Mr."). */
  title: Token[];
  gender?: Gender;
}

function lower(token: Token): string {
  return token.norm;
}


/** Speech verbs whose object is the one spoken to ("told Reuters"). */
const LISTENER_VERBS = new Set(['told', 'tells', 'tell', 'telling', 'asked', 'asks', 'informed', 'assured', 'reminded', 'urged', 'advised', 'called', 'emailed', 'texted', 'messaged']);

/** Words that introduce a name ("a boy called Arya Galih Gegana"). */
const NAMING_WORDS = new Set(['called', 'named', 'dubbed', 'nicknamed', 'identified']);

function isAcronym(word: string): boolean {
  // An ASCII first character other than A-Z is no uppercase letter: spare the Unicode pattern.
  const first = word.charCodeAt(0);
  if (!(first >= 65 && first <= 90) && first < 128) return false;
  return /^\p{Lu}{2,6}s?$/u.test(word) && word !== 'I';
}

/** "We're", "They’ll", "Don't": a contraction is no name. */
const CONTRACTION = /['’](re|ll|ve|d|m|t|s)$/i;

/**
 * Nouns that describe somebody by party or creed: a run ending in one is a description, not a
 * name ("Kent County Republican", "the Virginia Democrat", "a Texas Independent").
 */
export const DESCRIPTION_HEADS: ReadonlySet<string> = new Set([
  'democrat', 'democrats', 'republican', 'republicans', 'independent', 'independents', 'conservative', 'conservatives',
  'liberal', 'liberals', 'socialist', 'socialists', 'libertarian', 'libertarians', 'progressive', 'progressives',
  'tory', 'tories', 'democratic', 'gop', 'catholic', 'catholics', 'muslim', 'muslims', 'christian', 'christians',
  'jew', 'jews', 'evangelical', 'evangelicals', 'protestant', 'protestants', 'native', 'natives', 'resident', 'residents',
]);

/** A job printed before a given name ("Hydrologist", "Dockworker"); short words such as "Super" are too often other things. */
function isJobWord(word: string): boolean {
  return titleNouns.has(word) || (word.length >= 6 && isRoleNoun(word));
}

/** Last words no surname has: "Stewart Island" is a place though Stewart is a given name ("Doris Day" is a person). */
const GEOGRAPHIC_HEADS = new Set(['island', 'islands', 'river', 'county', 'peninsula', 'canyon', 'strait', 'gulf', 'mountains', 'airport', 'highway', 'boulevard']);

function nameLike(token: Token): boolean {
  const w = lower(token);
  if (CONTRACTION.test(token.text) && !/['’]s$/i.test(token.text)) return false;
  if (!isCapitalised(token.text) && !PARTICLES.has(w) && !ARABIC_ARTICLE.test(token.text)) return false;
  if (capitalisedFunctionWords.has(w) || demonyms.has(w) || (isTitle(w) && !isFirstName(token.text))) return false;
  if (places.has(w) && !isFirstName(w)) return false;
  if (isAcronym(withoutPossessive(token.text)) || /\d/.test(w)) return false;
  // "City-based", "ISIS-sympathetic", "Saudi-led": an adjective, though Korean given names
  // also carry a lowercase part ("Jae-myung").
  if (/-\p{Ll}+(?:ed|ing|ic|ical|ive|ful|ous|ly)$/u.test(token.text)) return false;
  return true;
}

/** "al-", "abu-": the hyphen of an Arabic article stands third or fourth, or `ARABIC_ARTICLE` cannot match. */
function mayHaveArabicArticle(word: string): boolean {
  return word.charCodeAt(2) === 45 || word.charCodeAt(3) === 45;
}

function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 160 && c !== 9) return false;
  }
  return true;
}

function collectRuns(paragraphs: readonly string[]): Run[] {
  const runs: Run[] = [];
  paragraphs.forEach((text, paragraph) => {
    const tokens = tokenize(text);
    let current: Token[] = [];
    let startIndex = 0;
    const close = (endIndex: number): void => {
      while (current.length && PARTICLES.has(current[current.length - 1]!.lower)) current.pop();
      if (current.length) {
        const before = tokens[startIndex - 1];
        const nextWords: string[] = [];
        for (let k = endIndex; k < tokens.length && nextWords.length < 3; k++) {
          if (tokens[k]!.word) nextWords.push(tokens[k]!.lower);
          else if (tokens[k]!.text !== ',') break;
        }
        runs.push({
          paragraph,
          tokens: current,
          nextWords,
          prevWord: before?.word ? before.lower : '',
          prevPrevWord: before?.word && tokens[startIndex - 2]?.word ? tokens[startIndex - 2]!.text : '',
          text,
          afterQuote: before !== undefined && /^[”"]$/.test(before.text) && /^[,?!]$/.test(tokens[startIndex - 2]?.text ?? ''),
          followedBySpeechOrAge: followedBySpeechOrAge(text, current[current.length - 1]!.end),
          sentenceInitial: !before || /^[.!?:;"“”‘'([—–-]$/u.test(before.text),
        });
      }
      // Most tokens close nothing: keep the empty array rather than allocate one per token.
      if (current.length) current = [];
    };
    let skipTo = -1;
    let bridged = false;
    tokens.forEach((token, i) => {
      if (i < skipTo) return;
      const next = tokens[i + 1];
      // A nickname in quotation marks inside a name: Joko “Jokowi” Widodo.
      if (current.length > 0 && /^[“"]$/.test(token.text) && next?.word && isCapitalised(next.text) && /^[”"]$/.test(tokens[i + 2]?.text ?? '')
        && tokens[i + 3]?.word && isCapitalised(tokens[i + 3]!.text) && onlySpaces(text, current[current.length - 1]!.end, token.start)) {
        skipTo = i + 3;
        bridged = true;
        return;
      }
      // An editor's insertion inside a name: President [Donald] Trump.
      if (current.length > 0 && token.text === '[' && next?.word && isCapitalised(next.text) && tokens[i + 2]?.text === ']'
        && tokens[i + 3]?.word && isCapitalised(tokens[i + 3]!.text)) {
        current.push(next);
        skipTo = i + 3;
        bridged = true;
        return;
      }
      const capital = token.word && (isCapitalised(token.text) || mayHaveArabicArticle(token.text) && ARABIC_ARTICLE.test(token.text)) && !/^\d/.test(token.text);
      const particle = token.word && current.length > 0 && PARTICLES.has(token.lower) && next !== undefined && next.word && isCapitalised(next.text);
      const suffix = current.length > 0 && SUFFIXES.has(token.lower);
      const adjacent = current.length === 0 || bridged || onlySpaces(text, current[current.length - 1]!.end, token.start);
      bridged = false;
      if ((capital || particle || suffix) && adjacent) {
        if (current.length === 0) startIndex = i;
        current.push(token);
        if (isPossessive(token.text)) close(i + 1);
      } else {
        close(i);
        if (capital) {
          startIndex = i;
          current.push(token);
          if (isPossessive(token.text)) close(i + 1);
        }
      }
    });
    close(tokens.length);
  });
  return runs;
}

const AGE = /^\s*,\s*(\d{1,3}|aged \d{1,3}|an? \d{1,3}-year-old)\b/;
const CLAUSE_THEN_VERB = /^\s*,[^,"“”.;]{1,80},\s+(?:(?:also|later|then|has|had|again)\s+)?(\p{Ll}+)/u;

function followedBySpeechOrAge(text: string, from: number): boolean {
  // Both patterns open with spaces and a comma: any other ASCII character rules them out unsliced.
  const next = text.charCodeAt(from);
  if (next !== 44 && next < 128 && next !== 32 && !(next >= 9 && next <= 13)) return false;
  const rest = text.slice(from);
  if (AGE.test(rest)) return true;
  const clause = CLAUSE_THEN_VERB.exec(rest);
  return clause !== null && isSpeechVerb(clause[1]!);
}

const PERSONAL_PRONOUN = /\b(he|she|his|her|him|himself|herself)\b/i;
/** "Uber said its drivers ...": a body's pronoun right after its verb. */
const BODY_PRONOUN = /^\s*(?:\S+\s+){1,3}?(its|itself)\b/i;

/**
 * Whether a lone word that speaks ("Uber said", "Trump said", "Experts say") names a person:
 * the first pronoun after it decides ("he", "her" vs "its"); without one, a known given name or
 * surname does, and a capitalised word opening the sentence ("Experts", "Searchers") does not.
 */
function loneSpeakerIsPerson(run: Run, word: string): boolean {
  const end = run.tokens[run.tokens.length - 1]!.end;
  const after = run.text.slice(end, end + 220).replace(/[“"][^”"]*[”"]?/g, ' ');
  if (BODY_PRONOUN.test(after)) return false;
  if (PERSONAL_PRONOUN.test(after)) return true;
  if (isFirstName(word) || lastNames.has(word)) return true;
  // "Searchers says", "Pollsters agree": a plural of a noun for people who do something.
  if (word.endsWith('s') && isRoleNoun(word)) return false;
  // Plurals of common nouns ("Experts", "Republicans") and sentence openers are no names.
  // '"...," Yohannes said': the inverted attribution after a quote names who said it.
  if (run.afterQuote) return true;
  if (run.sentenceInitial || /[^s]s$/.test(word) && run.nextWords[0] !== undefined && /^(say|have|are|were|argue|warn|claim|believe|think)$/.test(run.nextWords[0])) return false;
  return true;
}

const INDEFINITE = /^(a|an)$/i;
const WHICH_AFTER = /^,\s+which\b/;
/** Plural nouns for the people of a firm or body ("Con Edison officials", "Goldman Sachs bankers"). */
const STAFF_NOUNS = new Set(['officials', 'executives', 'employees', 'staff', 'staffers', 'workers', 'spokesmen', 'representatives',
  'engineers', 'analysts', 'bankers', 'lawyers', 'managers', 'shareholders', 'customers', 'investors', 'researchers', 'scientists']);
const ARTICLE = /^(a|an|the)$/;
/** Words after a name that go on with the sentence, not a noun the name modifies. */
const CLAUSE_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should',
  'who', 'whom', 'whose', 'which', 'that', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'from', 'by', 'as', 'also', 'himself', 'herself']);

/** True when a lowercase noun follows the run at once ("the D.A. Davidson brokerage"), not a verb or a clause. */
function modifiesNoun(run: Run): boolean {
  const end = run.tokens[run.tokens.length - 1]!.end;
  const next = run.nextWords[0];
  if (!next || run.text.charCodeAt(end) !== 32 || !/^\p{Ll}/u.test(run.text.slice(end + 1, end + 2))) return false;
  return !CLAUSE_WORDS.has(next) && !isSpeechVerb(next) && !/(ed|ing)$/.test(next) && !(/s$/.test(next) && verbForms.has(next));
}

/** A title proper or an honorific ("President", "Sen.", "Vice-President"), not any person noun. */
function isFormalTitle(word: string): boolean {
  if (formalTitles.has(word) || honorifics.has(word) || isHonorificWithoutPeriod(word)) return true;
  const dash = word.lastIndexOf('-');
  return dash > 0 && formalTitles.has(word.slice(dash + 1)) && !ARABIC_ARTICLE.test(word);
}

/** "Chief of Staff Katie Walsh", "Minister of Defence Ana Lima": the word after "of" ends the title, not opens the name. */
function endsTitle(run: Run, token: Token): boolean {
  return token === run.tokens[0] && run.prevWord === 'of' && isTitle(run.prevPrevWord.toLowerCase());
}

/** Auxiliaries that open a question or a condition ("Is Obama profiling?", "Should Rubio win ..."): never part of a name. */
const QUESTION_OPENERS = new Set(['is', 'are', 'was', 'were', 'do', 'does', 'did', 'has', 'have', 'had', 'can', 'could', 'should', 'would', 'shall', 'must']);

/** Words of status that open a title ("Former", "Then", "Outgoing"): never the first word of a name. */
const STATUS_WORDS = new Set(['former', 'ex', 'then', 'outgoing', 'incoming', 'retired', 'acting', 'interim']);

function classify(run: Run): Classified {
  let tokens = run.tokens;
  while (tokens.length > 1 && QUESTION_OPENERS.has(lower(tokens[0]!))) tokens = tokens.slice(1);
  if (tokens.length > 2 && endsTitle(run, tokens[0]!) && isFirstName(tokens[1]!.text)) tokens = tokens.slice(1);
  while (tokens.length && capitalisedFunctionWords.has(lower(tokens[0]!)) && !(tokens.length > 1 && isFirstName(tokens[0]!.text) && !run.sentenceInitial)) {
    tokens = tokens.slice(1);
  }
  // "Former Obama speechwriter Jon Favreau": a word of status before a name belongs to the title after it, not to the name.
  while (tokens.length > 1 && STATUS_WORDS.has(lower(tokens[0]!)) && !isFirstName(tokens[0]!.text)) tokens = tokens.slice(1);
  // "Electing Obama was a turning point": a verb in -ing opening the sentence is no given name.
  if (tokens.length > 1 && tokens[0] === run.tokens[0] && run.sentenceInitial && /ing$/.test(lower(tokens[0]!)) && verbForms.has(lower(tokens[0]!)) && !isFirstName(tokens[0]!.text)) tokens = tokens.slice(1);
  if (!tokens.length) return { kind: 'unknown', tokens, title: [] };
  // "Stephen Calderwood, MD, PhD": degrees after a name name nobody.
  if (tokens.length === 1 && isPostNominal(tokens[0]!.text) && /,\s*$/.test(run.text.slice(Math.max(0, tokens[0]!.start - 3), tokens[0]!.start))) {
    return { kind: 'unknown', tokens: [], title: [] };
  }
  const words = tokens.map(lower);
  const whole = words.join(' ');
  const placeByWord = words.length > 1 && placeWords.has(words[words.length - 1]!) && !orgWords.has(words[words.length - 1]!)
    && !words.some((w, i) => isTitle(w) && i < words.length - 1) && (!isFirstName(tokens[0]!.text) || GEOGRAPHIC_HEADS.has(words[words.length - 1]!));
  // "Wells Fargo", "Carolina Panthers", "the Clean Air Act", "Labor Day": a body, a team, a law or an event.
  const bare = whole.replace(/^the\s+/, '').replace(/['’]s$/, '');
  if (organizations.has(bare)) return { kind: 'org', tokens, title: [] };
  if (places.has(whole) || placeByWord) {
    return { kind: 'place', tokens, title: [] };
  }
  // Split "Russian Foreign Minister Sergey Lavrov" after its last title word.
  let lastTitle = -1;
  words.forEach((w, i) => {
    // "Dean Yates", "Major Smith"? A given name opening a two-word run is a name, not a title.
    const givenName = i === 0 && words.length === 2 && isFirstName(tokens[0]!.text) && !honorifics.has(w) && !isHonorificWithoutPeriod(w);
    if (isTitle(w) && i < words.length - 1 && !givenName) lastTitle = i;
  });
  const title = tokens.slice(0, lastTitle + 1);
  let name = tokens.slice(lastTitle + 1);
  const nameWords = name.map(lower);
  if (nameWords.some((w) => orgWords.has(w)) || words.some((w) => orgWords.has(w) && !isTitle(w)) && lastTitle < 0) {
    return { kind: 'org', tokens, title: [] };
  }
  if (name.length === 1 && isAcronym(withoutPossessive(name[0]!.text)) && !places.has(nameWords[0]!)) {
    return { kind: 'org', tokens: name, title: [] };
  }
  // Leading words that cannot be part of a personal name ("Russia Sergey Lavrov").
  // "Hydrologist Nadia Ferreira said": a job opening the sentence goes before a given name, not in the name.
  // "Imagine Brad Thor going ...", "Rival Hillary Clinton": opening a sentence, a known word of the
  // language before a given name and a surname is the sentence's, not the name's (mid-sentence,
  // "Frank Marshall Davis" keeps a given name the lists lack).
  while (name.length && (!nameLike(name[0]!) || (name.length > 2 && titleModifiers.has(lower(name[0]!)))
    || (name.length > 2 && !isFirstName(name[0]!.text) && isFirstName(name[1]!.text)
      && (isJobWord(lower(name[0]!)) || (run.sentenceInitial && name[0] === run.tokens[0] && notPersonNouns.has(lower(name[0]!))))))) name = name.slice(1);
  // "Republican Roy Blunt", "Year Barack Obama": a party or a common noun in front is no part of the name.
  while (name.length > 2 && (DESCRIPTION_HEADS.has(lower(name[0]!)) || thingHeads.has(lower(name[0]!))) && !isFirstName(name[0]!.text)) name = name.slice(1);
  const bad = name.findIndex((t) => !nameLike(t) && !SUFFIXES.has(t.lower));
  if (bad >= 0) name = name.slice(bad + 1);
  if (!name.length) return { kind: 'unknown', tokens: [], title };
  // A law, an event or a building ("Clean Air Act", "Labor Day"), unless a title or a given name
  // makes it a person's ("Patrol Chief James Hall", "Doris Day").
  if (name.length > 1 && !title.length && thingHeads.has(withoutPossessive(name[name.length - 1]!.text).toLowerCase()) && !isFirstName(name[0]!.text)) {
    return { kind: 'unknown', tokens: [], title: [] };
  }
  // "Kent County Republican", "Virginia Democrat": a description, whoever it stands for.
  if (DESCRIPTION_HEADS.has(lower(name[name.length - 1]!)) || demonyms.has(lower(name[name.length - 1]!))) return { kind: 'unknown', tokens: [], title };
  const names = name.map(lower).join(' ');
  if (places.has(names)) return { kind: 'place', tokens: name, title: [] };
  let gender: Gender | undefined;
  for (const t of title) {
    const g = honorifics.get(t.lower) ?? honorifics.get(t.lower + '.');
    if (g) gender = g;
  }
  gender ??= name.length > 1 ? genderOfFirstName(name[0]!.text) : undefined;
  // A title in lowercase right before the name counts too ("spokesman Yohannes").
  // "an optometrist Apple had on-site": after "a"/"an" and a noun, the name opens a clause.
  const personTitle = title.some((t) => isFormalTitle(lower(t)))
    || (titleNouns.has(run.prevWord) && !title.length && tokens === run.tokens && !INDEFINITE.test(run.prevPrevWord));
  // "a Con Edison worker", "the D.A. Davidson brokerage", "a Margaret Hamilton Lego minifigure": a
  // name between an article and a common noun modifies the noun; it is a firm or a brand there.
  // A given name keeps it a person's ("the Bernie Sanders campaign"), whose brand may close the run.
  const afterArticle = ARTICLE.test(run.prevWord) || (tokens !== run.tokens && ARTICLE.test(lower(run.tokens[0]!)));
  // "Con Edison officials say": a firm's people, when no given name makes the run somebody's.
  if (name.length > 1 && !personTitle && STAFF_NOUNS.has(run.nextWords[0] ?? '') && modifiesNoun(run) && !isFirstName(name[0]!.text)) {
    return { kind: 'unknown', tokens: [], title: [] };
  }
  if (name.length > 1 && !personTitle && afterArticle && modifiesNoun(run)) {
    if (!isFirstName(name[0]!.text)) return { kind: 'unknown', tokens: [], title: [] };
    while (name.length > 2 && !lastNames.has(lower(name[name.length - 1]!))) name = name.slice(0, -1);
  }
  // "Con Edison, which maintains ...": "which" after a sentence's subject speaks of a body, never
  // of a person (after "a speech by Bill Clinton, which" it may be the speech).
  if (!personTitle && run.sentenceInitial && WHICH_AFTER.test(run.text.slice(run.tokens[run.tokens.length - 1]!.end, run.tokens[run.tokens.length - 1]!.end + 8))) {
    return { kind: 'org', tokens: name, title: [] };
  }
  // "X" (the network), a lone letter, is no one's name; nor is a party-and-state tag ("R-Utah").
  if (name.length === 1 && (name[0]!.text.length === 1 || isPartyStateTag(name[0]!.text))) return { kind: 'unknown', tokens: [], title: [] };
  // "St. Anselm's College", "St. Louis": a saint's name names a place or a body in the news.
  if (title.length === 1 && /^(st\.?|saint)$/.test(lower(title[0]!))) return { kind: 'unknown', tokens: [], title: [] };
  const speaks = run.nextWords.some((w, i) => isSpeechVerb(w) && run.nextWords.slice(0, i).every((x) => SPEECH_ADVERBS.has(x)));
  // "The Hill reported", "according to the Daily Caller", "The Laura Ingraham Show": English puts
  // no article before a person's bare name, so without a title the run names an outlet, a show or
  // a body (a noun after it, "the Bernie Sanders campaign", was dealt with above).
  const afterThe = run.prevWord === 'the' || (tokens[0] !== run.tokens[0] && lower(run.tokens[0]!) === 'the');
  if (afterThe && !personTitle && !title.length && !modifiesNoun(run)) return { kind: 'org', tokens: name, title: [] };
  // "Business Insider", "Western Journalism": a publication's name, whatever it does.
  const outletHead = OUTLET_HEADS.has(lower(name[name.length - 1]!)) && !isFirstName(name[0]!.text);
  if (outletHead && !personTitle) return { kind: 'org', tokens: name, title: [] };
  if (name.length === 1) {
    // A lone name that speaks ("Soelistyo said", "said Yohannes") is a person unless it names a
    // body ("the Kremlin said", "NATO said").
    const word = lower(name[0]!);
    // An outlet named by its web address ("News.Az reports", "Axios.com said") is no person.
    const webAddress = /^[\p{L}\d-]{2,}\.[\p{L}]{2,}$/u.test(withoutPossessive(name[0]!.text));
    const bodyLike = orgWords.has(word) || organizations.has(word) || places.has(word) || isAcronym(name[0]!.text) || capitalisedFunctionWords.has(word) || webAddress;
    const afterPreposition = /^(in|at|from|of|for|near|to|on|by|with)$/.test(run.prevWord);
    // The last word of a longer name ("Center on Poverty and Inequality", "Human Rights").
    const insideName = (run.prevWord === 'and' || run.prevWord === '&') && isCapitalised(run.prevPrevWord) && !isFirstName(word) && !lastNames.has(word);
    // "told TMZ Sports": the one told is a listener, and "Sports" is only the end of its name.
    const spoke = speaks || (isSpeechVerb(run.prevWord) && !LISTENER_VERBS.has(run.prevWord) && tokens === run.tokens && !run.nextWords.length);
    // "via Executive Order", "radical Islamic terrorism": a document, or a word modifying the noun after it.
    if (thingHeads.has(word) && !isFirstName(name[0]!.text) && !lastNames.has(word)) return { kind: 'unknown', tokens: [], title: [] };
    if (!title.length && personTitle && modifiesNoun(run)) return { kind: 'unknown', tokens: [], title: [] };
    // "Politico reported", "Breitbart reports": a lone word is the usual subject of "reported" only as
    // a publication; a person who reports is known by a given name or surname (a full name that
    // reports, "Harbour Airlines' Kent Varga reported", stays a person).
    const outlet = reportsNext(run) && !isFirstName(name[0]!.text) && !lastNames.has(word);
    // "the Obama administration", "Biden administration officials": a government named after the one who leads it.
    const leads = !bodyLike && !title.length && ledByNouns.has(run.nextWords[0] ?? '');
    // "his first wife, Sally, was dying", "The captain, Iriyanto, an Indonesian": one name set off after a noun for a person.
    const start = name[0]!.start;
    const end = name[0]!.end;
    const apposed = !bodyLike && !title.length && run.text.charCodeAt(start - 2) === 44 && /^\s*[,.]/.test(run.text.slice(end, end + 2))
      && isRoleNoun(/(\p{L}+),\s$/u.exec(run.text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase() ?? '');
    const person = personTitle || leads || apposed || (!bodyLike && !afterPreposition && !insideName && !title.length && spoke && !outlet && loneSpeakerIsPerson(run, word));
    return { kind: person ? 'person' : 'single', tokens: name, title, ...(gender ? { gender } : {}) };
  }
  // "told The Daily Beast", "asked the New York Times": the listener after the verb is no speaker,
  // and "The ..." opens the name of a body, not of a person.
  // "said Air Force 1st Lt. Tyler Livingston": the name after the verb runs on to the person.
  const runsOn = FOLLOWED_BY_MORE.test(run.text.slice(run.tokens[run.tokens.length - 1]!.end, run.tokens[run.tokens.length - 1]!.end + 3));
  const namedAfterVerb = isSpeechVerb(run.prevWord) && name.length <= 4 && !LISTENER_VERBS.has(run.prevWord) && tokens === run.tokens && !runsOn;
  // "Michael Green, a professor at the University of Nevada-Las Vegas, said", "at a firm called
  // Gavekal Dragonomics, argues": the body closing a description speaks for nobody; the person
  // before the description does.
  const closesDescription = !personTitle && (APPOSITIVE_OPENERS.has(run.prevWord) || orgWords.has(run.prevWord)
    || (NAMING_WORDS.has(run.prevWord) && (orgWords.has(run.prevPrevWord.toLowerCase()) || FIRM_NOUNS.has(run.prevPrevWord.toLowerCase()))) || /['’]s$/.test(run.prevWord))
    && run.text.charCodeAt(run.tokens[run.tokens.length - 1]!.end) === 44;
  const evidence =
    personTitle ||
    namedAfterVerb ||
    isFirstName(name[0]!.text) ||
    (!closesDescription && (
      NAMING_WORDS.has(run.prevWord) ||
      lastNames.has(lower(name[name.length - 1]!)) ||
      speaks ||
      run.followedBySpeechOrAge));
  return { kind: evidence ? 'person' : 'unknown', tokens: name, title, ...(gender ? { gender } : {}) };
}

/** Verbs whose usual subject is a publication ("Politico reported", "The Blaze reports"). */
const REPORT_VERBS = new Set(['reported', 'reports', 'published', 'publishes']);

/** The next verb after a run, past adverbs ("also reported"), is one a publication does. */
function reportsNext(run: Run): boolean {
  const verb = run.nextWords.find((w) => !SPEECH_ADVERBS.has(w));
  return verb !== undefined && REPORT_VERBS.has(verb);
}

/**
 * Last words of a publication's name that are no surname ("Business Insider", "Daily Caller",
 * "Western Journalism", "Daily Beast"); "News", "Times", "Post" are organisation words already.
 */
const OUTLET_HEADS = new Set(['insider', 'caller', 'journalism', 'beast', 'examiner', 'inquirer', 'dispatch', 'courier', 'bulletin', 'newspaper', 'newsletter']);

/** A number or another capitalised word right after a run: the name goes on ("Air Force 1st Lt."). */
const FOLLOWED_BY_MORE = /^\s+[\d\p{Lu}]/u;

/** Common nouns for a business that names follow ("a consulting firm called ..."). */
const FIRM_NOUNS = new Set(['firm', 'company', 'consultancy', 'startup', 'start-up', 'outfit', 'group', 'charity', 'tank', 'business', 'brand', 'label', 'band']);

/** Words after which a run of capitalised words names a body or place at the end of a description. */
const APPOSITIVE_OPENERS = new Set(['at', 'of', 'for', 'from', 'with', 'in', 'on', 'by']);

/** "Sir", "Dame", "Lord" and "Lady" go with a given name ("Sir Keith"), not a surname. */
function firstNameTitle(title: readonly Token[]): boolean {
  const last = title[title.length - 1]?.lower;
  return last === 'sir' || last === 'dame' || last === 'lord' || last === 'lady';
}

function printed(text: string, tokens: readonly Token[]): string {
  if (!tokens.length) return '';
  return withoutPossessive(text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end))
    .replace(/\u00ad/g, '')
    .replace(/[[\]]/g, '')
    .replace(/\s*[“"][^”"]{1,30}[”"]\s*/g, ' ');
}

interface PersonDraft {
  id: string;
  full: string[]; // folded key words of the fullest name
  forms: Map<string, number>;
  gender?: Gender;
  /** Roles in reading order, body first; photo captions only add to them. */
  roles: string[];
  captionRoles: string[];
  mentions: number;
  captionMentions: number;
  firstMention: number;
}

/**
 * Finds the people, organisations and places of an article and every place each is named.
 * A capitalised run is a person when a title or honorific precedes it, its first word is a
 * known given name, its last word a known surname, a speech verb follows, or its surname is
 * used alone elsewhere; a bare surname joins the person last named with it.
 */
export function findEntities(paragraphs: readonly string[], known: readonly KnownPerson[] = [], captions: readonly string[] = []): EntityFindings {
  const bodyCount = paragraphs.length;
  paragraphs = [...paragraphs, ...captions];
  const runs = collectRuns(paragraphs);
  const classified = runs.map((run) => ({ run, c: classify(run) }));

  // Surnames printed alone count as evidence that a longer run with that surname is a person.
  const aloneSurnames = new Set<string>();
  // Family names used alone as a person's ("President Yoon", "Lee said") can open a full name.
  const aloneFamilyNames = new Set<string>();
  for (const { c } of classified) {
    if (c.tokens.length !== 1 || (c.kind !== 'single' && c.kind !== 'person')) continue;
    const key = surnameKey(c.tokens[0]!.text);
    // Only a lone word known to be somebody ("Mr. Soelistyo", "Fauzi said he") vouches for a
    // longer run: "Java", "Pacific" or "Science" alone say nothing of "East Java".
    if (c.kind === 'person') {
      aloneSurnames.add(key);
      aloneFamilyNames.add(key);
    }
  }
  classified.forEach((item, k) => {
    // "ministers Jonathan Moyo and Saviour Kasukuwere": a name joined by "and" to a person's.
    const previous = classified[k - 1];
    if (item.c.kind === 'unknown' && item.c.tokens.length >= 2 && item.c.tokens.length <= 4 && item.run.prevWord === 'and'
      && previous?.c.kind === 'person' && previous.run.paragraph === item.run.paragraph && previous.c.tokens.length >= 2
      && onlySpaces(paragraphs[item.run.paragraph]!, previous.run.tokens[previous.run.tokens.length - 1]!.end, item.run.tokens[0]!.start - 4)) {
      item.c.kind = 'person';
    }
  });
  for (const item of classified) {
    if (item.c.kind === 'unknown' && item.c.tokens.length >= 2 && item.c.tokens.length <= 4) {
      const sn = surnameKey(item.c.tokens[item.c.tokens.length - 1]!.text);
      const familyFirst = surnameKey(item.c.tokens[0]!.text);
      const text = paragraphs[item.run.paragraph]!;
      const appositive = roleAfter(text, item.c.tokens[item.c.tokens.length - 1]!.end) ?? roleBeforeComma(text, item.c.tokens[0]!.start);
      const credited = creditRole(text, item.c.tokens[0]!.start, item.c.tokens[item.c.tokens.length - 1]!.end);
      if (aloneSurnames.has(sn) || (aloneFamilyNames.has(familyFirst) && !isFirstName(item.c.tokens[0]!.text)) || appositive || credited) item.c.kind = 'person';
    }
  }

  const people: PersonDraft[] = [];
  const others = new Map<string, { id: string; name: string; type: EntityType; mentions: number; first: number }>();
  const mentions: Mention[] = [];
  const loneNameLike = (entityId: string): boolean => {
    for (const o of others.values()) if (o.id === entityId) return o.type === 'org' && !o.name.includes(' ') && !isAcronym(o.name);
    return false;
  };
  let nextId = 1;
  const newId = (): string => `e${nextId++}`;

  const knownPeople = known.map((k) => ({ k, keys: [k.name, ...k.aliases].map(surnameKey) }));

  const findPerson = (words: string[], at: number): PersonDraft | undefined => {
    const surname = words[words.length - 1]!;
    const first = words.length > 1 ? words[0] : undefined;
    const candidates = people.filter((p) => p.full[p.full.length - 1] === surname && firstNamesAgree(p.full.length > 1 ? p.full[0] : undefined, first));
    if (!candidates.length) return undefined;
    // The most recently introduced one wins when two people share a surname.
    return candidates.sort((a, b) => Math.abs(at - a.firstMention) - Math.abs(at - b.firstMention))[0];
  };

  /**
   * The person a one-word mention names: the one with that surname, else one whose name starts
   * with it when it is no given name (family name first: "Yoon" for "Yoon Suk Yeol") or when a
   * first-name honorific stands before it ("Sir Keith" for "Keith Joseph").
   */
  const findBySingle = (word: string, at: number, firstNameHonorific: boolean): PersonDraft | undefined => {
    const near = (list: PersonDraft[]): PersonDraft | undefined =>
      list.sort((a, b) => Math.abs(at - a.firstMention) - Math.abs(at - b.firstMention))[0];
    const bySurname = near(people.filter((p) => p.full[p.full.length - 1] === word));
    if (bySurname) return bySurname;
    const byFirst = people.filter((p) => p.full.length > 1 && p.full[0] === word);
    // Family name first ("Yoon"), "Sir Keith", or the one person of the story with that given name ("Fiona").
    if (firstNameHonorific || !isFirstName(word) || byFirst.length === 1) return near(byFirst);
    return undefined;
  };

  /** "Te Kaurinui" for "Te Kaurinui Robert Parata": the given names of a longer name already seen. */
  const findByGivenNames = (words: string[]): PersonDraft | undefined =>
    people.find((p) => p.full.length > words.length && words.every((w, i) => p.full[i] === w));

  // Pass 1: full names (two or more words), then titled single names ("Mr. Obama", "Sir Keith").
  for (const single of [false, true]) {
    classified.forEach(({ run, c }, index) => {
      if (c.kind !== 'person' || (c.tokens.length === 1) !== single) return;
      const text = paragraphs[run.paragraph]!;
      const words = personKeyWords(printed(text, c.tokens));
      if (!words.length) return;
      let person = single ? findBySingle(words[0]!, index, firstNameTitle(c.title)) : findPerson(words, index) ?? findByGivenNames(words);
      if (!person) {
        person = { id: newId(), full: words, forms: new Map(), roles: [], captionRoles: [], mentions: 0, captionMentions: 0, firstMention: index };
        people.push(person);
      } else if (words.length > person.full.length) {
        person.full = words;
      }
      if (c.gender) person.gender ??= c.gender;
    });
  }
  // A known person from a sibling article is recognised by surname alone.
  for (const { k } of knownPeople) {
    const words = personKeyWords(k.name);
    if (!words.length || people.some((p) => p.full[p.full.length - 1] === words[words.length - 1])) continue;
    const sn = words[words.length - 1]!;
    if (classified.some(({ c }) => c.kind === 'single' && surnameKey(c.tokens[0]!.text) === sn)) {
      people.push({ id: newId(), full: [sn], forms: new Map(), roles: [], captionRoles: [], mentions: 0, captionMentions: 0, firstMention: Number.MAX_SAFE_INTEGER, ...(k.gender ? { gender: k.gender } : {}) });
    }
  }

  // Pass 2: every run becomes a mention of its entity.
  classified.forEach(({ run, c }, index) => {
    const text = paragraphs[run.paragraph]!;
    if (!c.tokens.length) return;
    const start = c.tokens[0]!.start;
    const end = c.tokens[c.tokens.length - 1]!.end;
    const form = printed(text, c.tokens);
    const inCaption = run.paragraph >= bodyCount;
    if (c.kind === 'person' || c.kind === 'single') {
      const words = personKeyWords(form);
      if (!words.length) return;
      const person = words.length > 1 ? findPerson(words, index) ?? findByGivenNames(words) : findBySingle(words[0]!, index, firstNameTitle(c.title));
      if (person) {
        person.forms.set(form, (person.forms.get(form) ?? 0) + 1);
        const honorific = c.title.length === 1 && honorifics.has(c.title[0]!.lower) ? c.title[0]!.text : undefined;
        if (honorific) person.forms.set(`${honorific} ${form}`, person.forms.get(`${honorific} ${form}`) ?? 0);
        person.firstMention = Math.min(person.firstMention, index);
        if (c.gender) person.gender ??= c.gender;
        const roles = rolesAround(text, start, end).map((role) => inCaption ? role : withRelativeNamed(role, person, run.paragraph, mentions, people, loneNameLike, { text, start }));
        (inCaption ? person.captionRoles : person.roles).push(...roles);
        if (inCaption) {
          person.captionMentions++;
          return;
        }
        person.mentions++;
        mentions.push({ entityId: person.id, paragraph: run.paragraph, start, end });
        return;
      }
      if (c.kind === 'person' || inCaption) return;
      const word = words[0]!;
      if (places.has(form.toLowerCase())) c.kind = 'place';
      else if (isAcronym(form)) c.kind = 'org';
      else if (!run.sentenceInitial && !isFirstName(word) && !demonyms.has(word) && !capitalisedFunctionWords.has(word)) c.kind = 'org';
      else if (isSpeechVerb(run.nextWords[0] ?? '') && !lastNames.has(word) && !isFirstName(word)) c.kind = 'org';
      else return;
    }
    if (inCaption) return;
    if (c.kind === 'unknown') {
      const words = c.tokens.length > 1 ? personKeyWords(form) : [];
      const person = words.length > 1 ? findPerson(words, index) ?? findByGivenNames(words) : undefined;
      if (person) {
        person.forms.set(form, (person.forms.get(form) ?? 0) + 1);
        person.mentions++;
        mentions.push({ entityId: person.id, paragraph: run.paragraph, start, end });
        return;
      }
      // Several capitalised words that name no person nor place are an organisation or a brand ("Whole Foods").
      if (c.tokens.length < 2 || c.tokens.length > 5 || run.sentenceInitial || c.tokens.some((t) => capitalisedFunctionWords.has(t.norm))) return;
      c.kind = 'org';
    }
    const key = `${c.kind}:${form.toLowerCase().replace(/^the\s+/, '')}`;
    let other = others.get(key);
    if (!other) {
      other = { id: newId(), name: form.replace(/^the\s+/i, ''), type: c.kind, mentions: 0, first: index };
      others.set(key, other);
    }
    other.mentions++;
    mentions.push({ entityId: other.id, paragraph: run.paragraph, start, end });
  });

  const entities: Entity[] = [];
  for (const p of people) {
    if (!p.mentions && !p.captionMentions) continue;
    const forms = [...p.forms.keys()];
    forms.sort((a, b) => personKeyWords(b).length - personKeyWords(a).length || (p.forms.get(b) ?? 0) - (p.forms.get(a) ?? 0));
    const name = forms.find((f) => !honorifics.has(f.split(' ')[0]!.toLowerCase())) ?? forms[0]!;
    const entity: Entity = {
      id: p.id,
      name,
      type: 'person',
      aliases: forms.filter((f) => f !== name),
      mentions: p.mentions + p.captionMentions,
    };
    const knownMatch = knownPeople.find(({ keys }) => keys.includes(p.full[p.full.length - 1]!));
    const role = pickRole([...p.roles, ...p.captionRoles].filter((r) => !namesItself(r, p.full)));
    if (role) entity.role = role;
    const gender = p.gender ?? knownMatch?.k.gender;
    if (gender) entity.gender = gender;
    entities.push(entity);
  }
  for (const o of others.values()) entities.push({ id: o.id, name: o.name, type: o.type, aliases: [], mentions: o.mentions });
  mentions.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  return { entities, mentions };
}

/**
 * A description holding the person's own full name is somebody else's: "the brother of
 * Hollywood legend Ron Howard" describes Clint Howard, not Ron.
 */
function namesItself(role: string, full: readonly string[]): boolean {
  if (full.length < 2) return false;
  const words = personKeyWords(role);
  if (words.some((_, i) => full.every((w, k) => words[i + k] === w))) return true;
  // "Kenneth Baker, now Lord Baker of Dorking": the name with a form of address, not a role.
  const surname = full[full.length - 1]!;
  const printedWords = role.split(/\s+/);
  return printedWords.some((w, i) => i > 0 && honorifics.has(printedWords[i - 1]!.toLowerCase()) && personKeyWords(w)[0] === surname);
}
