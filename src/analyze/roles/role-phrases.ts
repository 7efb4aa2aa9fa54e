import { capitalisedFunctionWords, demonyms, isFirstName, lastNames, notPersonNouns, orgWords, placeWords, places, subordinatingWords, titleModifiers, titleNouns, verbForms } from '../lexicon.ts';
import { isCapitalised, isPossessive, tokenizeUncached, withoutPossessive, type Token } from '../tokens.ts';

const CHAIN_LINKS = new Set(['of', 'for', 'and', '&']);
const STOP_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'by', 'with', 'to', 'from', 'and', 'as', 'said', 'says', 'told', 'that', 'when', 'while', 'at', 'in', 'on']);

function isTitleWord(lower: string): boolean {
  if (titleNouns.has(lower) || titleNouns.has(lower.replace(/\.$/, ''))) return true;
  // "Attorney-General", "Director-General": the last part names the title.
  const dash = lower.lastIndexOf('-');
  return dash > 0 && titleNouns.has(lower.slice(dash + 1)) && titleNouns.has(lower.slice(0, dash).split('-')[0]!);
}

function isChainWord(token: Token): boolean {
  const lower = token.lower;
  if (!token.word) return false;
  if (isTitleWord(lower) || titleModifiers.has(lower)) return true;
  if (/^(pro|anti|ex|then|non)-/i.test(token.text)) return true;
  if (demonyms.has(lower) || /^(\p{Lu}\.)+$/u.test(token.text)) return true;
  if (isPossessive(token.text) && isCapitalised(token.text)) return true;
  // A capitalised given name or surname belongs to another person, not to this title.
  if (isFirstName(token.text) || lastNames.has(lower)) return false;
  return isCapitalised(token.text) && !STOP_BEFORE.has(lower);
}

/**
 * Returns the title printed right before a name ("Russian Foreign Minister" in
 * "Russian Foreign Minister Sergey Lavrov", "State Department spokesman" in "... said State
 * Department spokesman Tommy Pigott"), or undefined when the words there hold no title.
 * Political labels in front of the title ("pro-EU President") are left out.
 */
export function roleBefore(text: string, nameStart: number): string | undefined {
  // A title chain is short: the last 160 characters hold it.
  const from = Math.max(0, nameStart - 160);
  const tokens = tokenizeUncached(text.slice(from, nameStart)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
  if (from > 0) tokens.shift(); // possibly cut in the middle
  const chain: Token[] = [];
  for (let i = tokens.length - 1; i >= 0 && chain.length < 8; i--) {
    const token = tokens[i]!;
    if (CHAIN_LINKS.has(token.lower) && chain.length > 0) {
      const before = tokens[i - 1];
      const beforeLower = before?.lower ?? '';
      if (before && before.word && (isTitleWord(beforeLower) || titleModifiers.has(beforeLower) || (isCapitalised(before.text) && isChainWord(before) && token.lower !== 'and'))) {
        chain.unshift(token);
        continue;
      }
      break;
    }
    // "deputy chief of staff Jake Sullivan", "secretary of state John Kerry": a title's lowercase object.
    const object = chain.length === 0 && token.word && tokens[i - 1]?.lower === 'of' && isTitleWord(tokens[i - 2]?.lower ?? '');
    if (!isChainWord(token) && !object) break;
    // A possessive country ("Russia's") opens the title; nothing before it belongs to it.
    chain.unshift(token);
    if (isPossessive(token.text)) break;
  }
  // "spokesman for House Speaker Paul Ryan", "brother of Hollywood director Ron Harlow": the
  // title after "for" (or after "of" following a lowercase noun) is the name's, the words
  // before it describe somebody else. "Secretary of State Mike Pompeo" is one title.
  const forLink = findLastIndex(chain, (t, i) => t.lower === 'for' || (t.lower === 'of' && i > 0 && !isCapitalised(chain[i - 1]!.text)));
  if (forLink >= 0 && chain.slice(forLink + 1).some((t) => isTitleWord(t.lower))) chain.splice(0, forLink + 1);
  while (chain.length && (CHAIN_LINKS.has(chain[0]!.lower) || /^(pro|anti)-/i.test(chain[0]!.text))) chain.shift();
  // Forms of address are no titles ("Sir Keith", "Mr. Obama").
  while (chain.length && /^(sir|dame|lord|lady|mr\.?|mrs\.?|ms\.?|miss|dr\.?|mx\.?)$/i.test(chain[chain.length - 1]!.text)) chain.pop();
  // An agent noun right before the name is a title too ("Dockworker Tomas Ruiz", "analyst Maria Teodor").
  const lastWord = chain[chain.length - 1];
  const agent = lastWord !== undefined && isRoleNoun(lastWord.lower) && !isFirstName(lastWord.text);
  if (!chain.some((t) => isTitleWord(t.lower)) && !agent) return undefined;
  // The chain must end in a title word or modifier, not in another name ("Trump Sergey Lavrov").
  const last = chain[chain.length - 1]!.lower;
  if (!isTitleWord(last) && !titleModifiers.has(last) && !demonyms.has(last) && !agent) {
    const lastTitle = findLastIndex(chain, (t) => isTitleWord(t.lower));
    // "Chief of Staff", "Minister of Finance", "chief of staff": a title's "of" and its object stay.
    const object = chain.slice(lastTitle + 2);
    const office = chain[lastTitle + 1]?.lower === 'of' && object.length > 0 && (object.length === 1 || object.every((t) => isCapitalised(t.text)));
    if (!office) chain.splice(lastTitle + 1);
  }
  // Drop capitalised words before the title chain proper that are names or sentence openers.
  while (chain.length > 1 && !isTitleWord(chain[0]!.lower) && !titleModifiers.has(chain[0]!.lower)
    && !demonyms.has(chain[0]!.lower) && !isPossessive(chain[0]!.text) && !places.has(chain[0]!.lower)
    && !/^(\p{Lu}\.)+$/u.test(chain[0]!.text) && !isCapitalised(chain[1]!.text)) {
    chain.shift();
  }
  if (!chain.length) return undefined;
  return text.slice(chain[0]!.start, chain[chain.length - 1]!.end);
}

/** Words that end a description read backwards from a name: it starts right after them. */
const DESCRIPTION_BOUNDARY = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'by', 'with', 'to', 'from', 'and', 'or', 'but',
  'as', 'said', 'says', 'say', 'told', 'tells', 'added', 'according', 'that', 'when', 'while', 'at', 'in', 'on', 'for',
  'of', 'about', 'after', 'before', 'than', 'like', 'including', 'where', 'because', 'if',
]);

const COPULAS = new Set(['is', 'are', 'was', 'were']);

/** Subjects: what follows them is a verb, so they open no description ("He met defence secretary ..."). */
const PRONOUNS = new Set(['i', 'you', 'he', 'she', 'it', 'we', 'they']);

/** Lowercase words that never sit inside a description ("is", "also", "who"). */
const NOT_DESCRIPTIVE = /^(is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must|not|also|who|which|this|these|those|then|there|here|very|so|just|only|now|ago|years?|months?|weeks?|days?|hours?|minutes?|today|yesterday|tomorrow|tonight|later|earlier|last|next)$/;

function descriptiveWord(token: Token): boolean {
  if (!token.word) return token.text === '-';
  const lower = token.lower;
  // Political labels are no part of the title ("pro-EU President").
  if (/^(pro|anti)-/.test(lower)) return false;
  if (DESCRIPTION_BOUNDARY.has(lower) || NOT_DESCRIPTIVE.test(lower) || capitalisedFunctionWords.has(lower) || /^\d/.test(lower)) return false;
  if (isCapitalised(token.text)) return !isFirstName(token.text) || isTitleWord(lower) || places.has(lower);
  // Verbs and adverbs mean a clause ("met", "reportedly", "chose"); title words such as "managing" stay.
  if (/(ed|ing|ly)$/.test(lower) && !titleModifiers.has(lower) && !isTitleWord(lower)) return false;
  if (verbForms.has(lower) && !titleModifiers.has(lower) && !isTitleWord(lower)) return false;
  return true;
}

/**
 * "a bridge that connects Democratic presidential candidate ...", "Clinton ties N.J. Gov. ...": a
 * lowercase word in -s right before a capitalised word is a verb, for a description's lowercase
 * words before a capitalised one are modifiers ("former CIA director", "top Clinton aide").
 */
function verbBeforeName(token: Token, next: Token): boolean {
  // A plural person noun stays ("GOP nominees Sen. John McCain and ...").
  return token.word && /^\p{Ll}+s$/u.test(token.text) && !/(ss|us|is|news)$/.test(token.text) && next.word && isCapitalised(next.text)
    && !isRoleNoun(token.text) && !isRoleNoun(token.text.replace(/ies$/, 'y').replace(/s$/, ''));
}

/**
 * Returns the description printed right before a name when it ends in a role noun, with the
 * lowercase words and organisations or places before it that belong to it ("CNN meteorologist",
 * "Seoul resident", "air force rescue coordinator", "Indonesia search-and-rescue director"), or
 * undefined. The words are taken only when what comes before them ends the phrase (a sentence
 * start, a quotation mark, "said", "the"), so a verb never slips in ("met defence secretary").
 */
export function descriptionBefore(text: string, nameStart: number): string | undefined {
  const from = Math.max(0, nameStart - 120);
  const tokens = tokenizeUncached(text.slice(from, nameStart)).map((t) => ({ ...t, start: t.start + from, end: t.end + from }));
  if (from > 0) tokens.shift();
  const last = tokens[tokens.length - 1];
  if (!last?.word || !isRoleNoun(last.text) || isCapitalised(last.text) && !isTitleWord(last.lower)) return undefined;
  let first = tokens.length - 1;
  let words = 1;
  while (first > 0 && words < 6 && descriptiveWord(tokens[first - 1]!) && !verbBeforeName(tokens[first - 1]!, tokens[first]!)) {
    first--;
    if (tokens[first]!.word) words++;
  }
  // The description must begin where a phrase can: after a boundary word, punctuation or a number.
  const opensPhrase = (i: number): boolean => {
    const before = tokens[i - 1];
    if (!before) return true;
    if (!before.word) return before.text !== '-';
    const lower = before.lower;
    // "to" before a lowercase word opens an infinitive ("to re-nominate former Justice ...").
    if (lower === 'to' && !isCapitalised(tokens[i]!.text)) return false;
    if (verbBeforeName(before, tokens[i]!)) return true;
    // A copula opens the noun phrase it links ("The two figures are cabinet ministers ...").
    return DESCRIPTION_BOUNDARY.has(lower) || COPULAS.has(lower) || /^\d/.test(lower) || (isCapitalised(before.text) && capitalisedFunctionWords.has(lower) && !PRONOUNS.has(lower));
  };
  while (first < tokens.length - 1 && (!tokens[first]!.word || !opensPhrase(first))) first++;
  if (!opensPhrase(first)) return undefined;
  const phrase = text.slice(tokens[first]!.start, last.end);
  return phrase.includes(' ') ? phrase : undefined;
}

const NOT_AGENT_NOUNS = new Set([
  'number', 'order', 'water', 'center', 'centre', 'other', 'after', 'under', 'over', 'never', 'ever', 'together',
  'however', 'winter', 'summer', 'quarter', 'october', 'november', 'december', 'september', 'matter', 'letter',
  'paper', 'power', 'border', 'corner', 'daughter', 'dinner', 'disorder', 'error', 'factor', 'floor', 'door',
  'colour', 'color', 'honour', 'honor', 'favour', 'labour', 'flavour', 'percent', 'moment', 'government',
  'statement', 'agreement', 'department', 'parliament', 'movement', 'investment', 'event', 'comment', 'element',
  'content', 'extent', 'incident', 'accident', 'per', 'cent', 'plant', 'giant', 'elephant', 'restaurant',
  'talent', 'server', 'computer', 'printer', 'container', 'trailer', 'charger', 'shelter', 'barrier', 'frontier',
]);

/** True for a word that names what somebody is: a title ("minister") or an agent noun ("oceanographer"). */
export function isRoleNoun(word: string): boolean {
  const w = withoutPossessive(word).toLowerCase();
  if (isTitleWord(w)) return true;
  if (w.length < 5 || NOT_AGENT_NOUNS.has(w) || NOT_AGENT_NOUNS.has(w.replace(/s$/, '')) || isCapitalised(word)) return false;
  // Only words the lexicon does not know are guessed by their ending; "-ment" names a thing
  // ("endorsement"), "-gree" a verb ("disagrees"), and a body is no person ("committee").
  if (notPersonNouns.has(w) || notPersonNouns.has(w.replace(/s$/, '')) || verbForms.has(w) || orgWords.has(w) || titleModifiers.has(w) || /(ment|gree)s?$/.test(w)) return false;
  return /(er|or|ist|ian|ant|ent|man|woman|person|ee|ive)s?$/.test(w);
}

const ABBREVIATION_END = /(\b\p{Lu}|\b(Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|Gov|Sen|Rep|Gen|Lt|Col|Prof|No)|\p{Lu}\.\p{Lu})$/u;

/** The phrase after a name's comma, up to the next comma, bracket, quote or sentence end. */
function appositivePhrase(rest: string): string | undefined {
  const opening = /^\s*,\s*/.exec(rest);
  if (!opening) return undefined;
  let i = opening[0].length;
  const from = i;
  for (; i < rest.length; i++) {
    const ch = rest[i]!;
    if (',;()"“”[]'.includes(ch)) break;
    if ((ch === '—' || ch === '–') && rest[i - 1] === ' ') break;
    if (ch === '.' && (i + 1 >= rest.length || /\s/.test(rest[i + 1]!)) && !ABBREVIATION_END.test(rest.slice(from, i))) break;
  }
  return rest.slice(from, i).trim();
}

/** Words in -ly that are no adverb opening a clause ("the only candidate", "an elderly resident"). */
const TITLE_ADVERBS = new Set(['only', 'early', 'elderly', 'family', 'daily', 'weekly', 'monthly', 'quarterly', 'likely', 'lonely', 'holy', 'friendly']);

/**
 * Words that head a description only after a name's comma: members of a party ("Mark Warner, a
 * Virginia Democrat") and fellows ("a fellow at the Urban Institute"; before a name "fellow" is
 * an adjective: "fellow Ennahda members").
 */
const APPOSITIVE_HEADS = new Set(['democrat', 'republican', 'tory', 'conservative', 'socialist', 'libertarian', 'liberal', 'fellow']);

/**
 * Returns the appositive title after a name ("Russia's foreign minister" in "Lavrov, Russia's
 * foreign minister, said"; "a physical oceanographer at the University of New South Wales"),
 * without its article, or undefined when the words after the comma are no title (a relative
 * clause, a verb, a place).
 */
export function roleAfter(text: string, nameEnd: number): string | undefined {
  let phrase = appositivePhrase(text.slice(nameEnd));
  if (!phrase || phrase.length < 2) return undefined;
  // "Yoon, Defense Minister Kim and Interior Minister Lee": a list of other titled people.
  const listed = /\s(?:and|or)\s+(.*)$/.exec(phrase)?.[1] ?? '';
  const lastListed = listed.split(/\s+/).pop()?.toLowerCase() ?? '';
  if (!orgWords.has(lastListed) && !placeWords.has(lastListed)) {
    for (const m of listed.matchAll(/(\p{Lu}[\p{L}.-]*)\s+(?=\p{Lu})/gu)) if (isTitleWord(m[1]!.toLowerCase())) return undefined;
  }
  // "Mugabe, his wife Grace and ..." names somebody else ("Angela, his daughter," does not).
  if (/^(his|her|their|its)\s+\P{Lu}*\p{Lu}/u.test(phrase)) return undefined;
  if (/^(who|which|whose|whom|that|said|says|told|added|according|and|but|or|in|on|at|with|for|to|from|by|as|after|before|while|when|where|of|about|if|because|is|was|has|had|will|would|can|could|not|also|then|including|like|such|few|many|most|some|several|both|all|none|no|\p{Lu}\p{Ll}+day)\b/iu.test(phrase)) return undefined;
  // A figure is a result, not a title ("Sanders, 48 percent to 45 percent among voters").
  if (/^\d[\d.,]*\s*(?:%|percent|per cent|points?|votes?|delegates?|to\s+\d)/i.test(phrase)) return undefined;
  // "Dempsey, General Ham and the Joint Staff": another titled person.
  const words = phrase.split(/\s+/);
  let titleAt = words.findIndex((w) => isTitleWord(w.toLowerCase()));
  while (titleAt >= 0 && words[titleAt + 1] && (isTitleWord(words[titleAt + 1]!.toLowerCase()) || titleModifiers.has(words[titleAt + 1]!.toLowerCase()))) titleAt++;
  const named = words[titleAt + 1];
  if (titleAt >= 0 && named && isCapitalised(named) && !/['’]s?$/.test(named) && words.slice(0, titleAt).every((w) => isCapitalised(w))) {
    const lower = named.toLowerCase();
    if (!isTitleWord(lower) && !orgWords.has(lower) && !places.has(lower) && !demonyms.has(lower)) return undefined;
  }
  // A clause that follows the title is not part of it ("... in Sydney told Reuters").
  phrase = phrase.replace(/\s+(said|says|told|tells|added|adds|wrote|writes|who|which|that|is|are|was|were|has|had|have|will|would)\b.*$/i, '');
  phrase = phrase.replace(/^(the|a|an)\s+/i, '').trim();
  const tokens = tokenizeUncached(phrase).filter((t) => t.word);
  if (!tokens.length || tokens.length > 22) return undefined;
  // "Dai Shuqin, a 61-year-old who had five relations on the plane": with no role noun, the age is the description.
  const nounAt = tokens.findIndex((t) => isRoleNoun(t.text) || APPOSITIVE_HEADS.has(t.lower));
  const headIndex = nounAt < 0 && /^\d{1,3}-year-old$/.test(tokens[0]!.text) ? 0 : nounAt;
  if (headIndex < 0 || headIndex > 6) return undefined;
  // Verbs before the head mean a clause, not a title ("Lavrov, meeting Rubio on Wednesday").
  // A passive clause is no title ("AirAsia, run by and owned by the parent company").
  if (tokens.some((t, i) => i < headIndex && t.lower === 'by')) return undefined;
  if (tokens.some((t, i) => i < headIndex && /(ing|ed|ly)$/.test(t.text) && !isCapitalised(t.text) && !titleModifiers.has(t.lower) && !TITLE_ADVERBS.has(t.lower))) return undefined;
  // A verb after the head makes the phrase a sentence ("our next president needs to speak", "officials don't matter").
  const afterHead = tokens[headIndex + 1];
  if (afterHead && !isCapitalised(afterHead.text) && ((verbForms.has(afterHead.lower) && !/(ing|ed)$/.test(afterHead.lower)) || /n['’]t$/.test(afterHead.lower)) && !isTitleWord(afterHead.lower)) return undefined;
  return phrase || undefined;
}

/**
 * Returns the title of a description set before a name between commas (`setOff`: a comma
 * follows the name too) ("The mayor of
 * Surabaya, Tri Rismaharini, said" -> "mayor of Surabaya"; "Sudan's president, Omar al-Bashir,"),
 * or undefined.
 */
export function roleBeforeComma(text: string, nameStart: number, setOff = false): string | undefined {
  const before = text.slice(0, nameStart);
  if (!/,\s*$/.test(before)) return undefined;
  const window = before.slice(-120).replace(/,\s*$/, '');
  // The clause right before the comma; the description starts at one of its determiners or at
  // a possessive, the first one whose head is a role noun ("quoted the head of the search
  // and rescue agency", "charges against Sudan's president").
  const clause = window.slice(Math.max(window.lastIndexOf(',') + 1, afterLastStop(window)));
  // "If she wants to be the next president, Hillary Clinton should ...": the comma closes a
  // subordinate clause and the name opens the main one, so what stands before it describes
  // nobody. Set off by a second comma, the name is an appositive there too ("although media
  // quoted the head of the agency, Fransiskus Soelistyo, as saying").
  if (!setOff && clause.split(/\s+/).some((w) => CLAUSE_OPENERS.has(w.toLowerCase()))) return undefined;
  // "In a takedown of the Democratic front-runner, Donald Trump said ...": a sentence's opening
  // prepositional phrase closed by the comma is about somebody else, unless a second comma sets
  // the name off as its appositive.
  const sentenceStart = afterLastStop(window);
  if (!setOff && (sentenceStart > 0 || window.length < 120) && clause === window.slice(sentenceStart) && OPENING_PREPOSITIONS.has(clause.trim().split(/\s+/, 1)[0]!.toLowerCase())) return undefined;
  const starts = [...clause.matchAll(/(?:^|\s)((?:the|a|an|another|its|their|his|her)\s|\p{Lu}[\p{L}.-]*['’]s\s)/giu)].map((m) => m.index + m[0].length - m[1]!.length);
  for (const start of starts) {
    const phrase = clause.slice(start).trim().replace(/^(the|a|an)\s+/i, '');
    if (!/^[^,;"“”()]{2,80}$/.test(phrase)) continue;
    const words = phrase.split(/\s+/);
    if (words.some((w) => /^(said|says|told|is|was|were|are|has|had|but)$/i.test(w))) continue;
    // A verb means the phrase began too early ("The roadshow featured the minister's adviser").
    if (words.some((w) => /^\p{Ll}+ed$/u.test(w) && !titleModifiers.has(w))) continue;
    // The role noun heads the phrase: "the court against Sudan's president" is about a court,
  // "the most recent attack" about an attack.
    const complement = words.findIndex((w) => /^(of|for|at|with|in|on|from|to|against|about|by|over|under|and|as|around|near|into|like|than|after|before|during|between)$/i.test(w));
    const head = complement < 0 ? words : words.slice(0, complement);
    // A second determiner starts another phrase ("the sexual assaults her husband"): try from there.
    if (head.slice(1).some((w) => DETERMINERS.has(w.toLowerCase()))) continue;
    if (!isRoleNoun(head[head.length - 1] ?? '')) continue;
    return phrase;
  }
  return undefined;
}

/** Prepositions that open a sentence's adverbial phrase ("In a speech on Monday, ..."). */
const OPENING_PREPOSITIONS = new Set(['in', 'at', 'on', 'during', 'with', 'for', 'from', 'by', 'under', 'over', 'despite', 'amid', 'among', 'following', 'like', 'unlike', 'to', 'of', 'about', 'against', 'without', 'through', 'throughout', 'as']);

/** Words that open a clause a comma closes before the main one. */
const CLAUSE_OPENERS = new Set([...subordinatingWords, 'where', 'whether', 'whenever', 'wherever']);

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that']);

/**
 * Where the text's last run free of . ; : ! ? begins: window.search(/[^.;:!?]*$/) without
 * trying the pattern from every start.
 */
function afterLastStop(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text[i];
    if (c === '.' || c === ';' || c === ':' || c === '!' || c === '?') return i + 1;
  }
  return 0;
}

/** Verbs that say what somebody does for a living ("who advises the minister", "covers the White House"). */
const ROLE_VERBS = /^(advises|covers|heads|leads|runs|chairs|manages|oversees|directs|represents|teaches|coaches|owns|edits|works (?:for|at|with|in))\b/i;

/** Cuts a phrase before a clause that follows it ("... who", "... said"). */
function beforeNextClause(phrase: string): string {
  return phrase
    .replace(/\s+(said|says|told|tells|added|adds|wrote|writes|who|which|that|is|was|were|has|had|have|will|would|when|where|while|because|if|after|before|since|until|unless|although)\b.*$/i, '')
    // An adverb opens a clause about the role ("the person overwhelmingly selected by readers").
    .replace(/\s+\p{Ll}+ly\b.*$/u, (rest) => (TITLE_ADVERBS.has(rest.trim().split(/\s/, 1)[0]!) ? rest : ''))
    .trim();
}

/** Heads that say nothing of what somebody is ("the person", "a man"). */
const EMPTY_HEADS = /^(?:person|man|woman|people|one|guy|individual|figure|kind|someone|somebody)$/i;

/**
 * Returns what a clause about the person says they are or do: ", who is the chief executive of
 * X" -> "chief executive of X"; ", who follows Amazon as a managing director at X" -> "managing
 * director at X"; ", who advises the minister on security" -> that verb phrase; "NAME is a Metro
 * reporter"; "NAME covers the White House"; "NAME can be reached at ..." -> "author".
 */
export function roleInClause(text: string, nameEnd: number, maxWords = 14): string | undefined {
  const rest = text.slice(nameEnd, nameEnd + 300);
  if (/^\s+(?:may|can) be reached at\b/i.test(rest)) return 'author';
  const who = /^\s*,\s*who\s+/i.exec(rest);
  const subject = who ? undefined : /^\s+/.exec(rest);
  const clause = who ? rest.slice(who[0].length) : subject ? rest.slice(subject[0].length) : undefined;
  if (clause === undefined) return undefined;
  const phrase = appositivePhrase(`, ${clause}`);
  if (!phrase) return undefined;
  const described = /^(?:is|was|has been|had been|serves as|served as|works as|worked as)\s+((?:a|an|the)\s+)?(.+)$/i.exec(phrase)
    ?? (who ? /^\S+(?:\s+\S+){0,4}?\s+as\s+((?:a|an|the)\s+)(.+)$/i.exec(phrase) : null);
  if (described) {
    const article = described[1];
    const predicate = described[2]!;
    // "is increasingly relying on the former president", "was charged with": a verb phrase, no role.
    const first = predicate.split(/\s/, 1)[0]!.toLowerCase();
    // "NAME is a Metro reporter", "NAME is acting director": said of a name that opens a clause,
    // a description has its article or opens with a title ("Gowdy is correct in ...", "Clinton
    // is better at ..." are no descriptions).
    if (!who && !article && !isTitleWord(first) && !titleModifiers.has(first)) return undefined;
    if (/^\p{Ll}+(?:ly|ing|ed)$/u.test(first) && !titleModifiers.has(first)) return undefined;
    if (first === 'to' || first === 'not') return undefined;
    const role = beforeNextClause(predicate);
    if (EMPTY_HEADS.test(role)) return undefined;
    const words = role.split(/\s+/);
    const head = words.findIndex((w) => isRoleNoun(w));
    return head >= 0 && head <= 4 && words.length <= maxWords ? role : undefined;
  }
  if (ROLE_VERBS.test(phrase)) {
    const role = phrase.replace(/\s+(and|but)\s+(said|says|told|has|had|is|was)\b.*$/i, '').trim();
    return role.split(/\s+/).length <= 14 ? role : undefined;
  }
  return undefined;
}

const CREDIT = /(?:^|[(;|.]\s*)((?:additional\s+)?(?:reporting|writing|editing|research|translation|graphics|compiled|produced|edited|written))(?:\s+\w+){0,2}\s+by\s+[^;]*$/i;

/**
 * Returns a contributor's credit for a name in a credit line ("Additional reporting by ...",
 * "Writing by ...", "... contributed to this report"), or undefined.
 */
export function creditRole(text: string, nameStart: number, nameEnd: number): string | undefined {
  const prefix = text.slice(Math.max(0, nameStart - 400), nameStart);
  const before = /\bby\b/i.test(prefix) ? CREDIT.exec(prefix) : null;
  if (before) return before[1]!;
  const after = /^[^.;]*?\bcontributed\s+(?:reporting\s+)?to\s+this\s+(report|story|article)/i.exec(text.slice(nameEnd));
  if (after && !/[.!?]\s/.test(after[0])) return `contributed to this ${after[1]!.toLowerCase()}`;
  return undefined;
}

function findLastIndex<T>(items: readonly T[], test: (item: T, index: number) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!, i)) return i;
  return -1;
}
