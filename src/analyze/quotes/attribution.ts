import { DESCRIPTION_HEADS, type EntityFindings, type KnownPerson, type Mention } from '../entities/find-entities.ts';
import { capitalisedFunctionWords, isPartyStateTag, ledByNouns, orgWords, places, subordinatingWords, titleNouns } from '../lexicon.ts';
import type { QuoteSpan } from './spans.ts';
import { wordCount } from '../../core/word-count.ts';
import { isRoleNoun } from '../roles/role-phrases.ts';
import { chooseSpeaker, type Candidate, type Speaker } from './speaker-choice.ts';
import { SPEECH_ADVERBS, isSpeechVerb } from './speech-verbs.ts';
import { isCapitalised, tokenize, type Token } from '../tokens.ts';
import type { Entity, Gender, Quote, Sentence } from '../types.ts';

/** A speech verb outside quotation marks with the speaker it names. */
interface Cue {
  paragraph: number;
  /** Where the cue's words begin and end (subject and verb together). */
  start: number;
  end: number;
  verbStart: number;
  text: string;
  speaker: Speaker | null;
  /** A finite verb ("said"), not a participle ("saying") whose subject was inferred. */
  finite: boolean;
}

const PRONOUNS: ReadonlyMap<string, Gender | undefined> = new Map([
  ['he', 'male'], ['she', 'female'], ['him', 'male'], ['her', 'female'],
]);

/** Nouns that describe an organisation or a document speaking ("the airline said", "the report says"). */
const ORG_NOUNS = new Set([
  'government', 'ministry', 'department', 'agency', 'company', 'firm', 'airline', 'carrier', 'police', 'army',
  'military', 'council', 'committee', 'commission', 'office', 'embassy', 'administration', 'party', 'union',
  'group', 'organisation', 'organization', 'bank', 'court', 'report', 'statement', 'study', 'survey', 'document',
  'letter', 'memo', 'note', 'briefing', 'unit', 'club', 'team', 'board', 'authority', 'authorities', 'service',
  'campaign', 'spokesperson', 'website', 'newspaper', 'network', 'outlet', 'kremlin', 'white', 'house',
  'foundation', 'charity', 'institute', 'university', 'hospital', 'school', 'church', 'vatican', 'congregation',
]);

/** Determiners that open a description used as a speaker. */
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'another', 'his', 'her', 'their', 'its']);

interface Context {
  paragraphs: readonly string[];
  entities: ReadonlyMap<string, Entity>;
  mentions: readonly Mention[];
  sentences: readonly Sentence[];
  spans: readonly QuoteSpan[];
  spansByParagraph: ReadonlyMap<number, QuoteSpan[]>;
  /** Index of each paragraph's first sentence. */
  firstSentenceOf: number[];
  mentionsByParagraph: ReadonlyMap<number, Mention[]>;
  /** Cues found so far, in reading order: earlier speakers help resolve later pronouns. */
  cuesSoFar: Cue[];
  known: readonly KnownPerson[];
  /** Each paragraph's tokens, kept from the search for cues. */
  tokens: Token[][];
}

function insideQuote(ctx: Context, paragraph: number, at: number): boolean {
  const spans = ctx.spansByParagraph.get(paragraph);
  return spans !== undefined && spans.some((s) => at >= s.start && at < s.end);
}

/** Index of the sentence holding an offset of a paragraph, or of the last sentence before that paragraph. */
function sentenceAt(ctx: Context, paragraph: number, at: number): number {
  const first = ctx.firstSentenceOf[paragraph] ?? ctx.sentences.length;
  let found = first - 1;
  for (let i = first; i < ctx.sentences.length && ctx.sentences[i]!.paragraph === paragraph; i++) {
    if (ctx.sentences[i]!.start <= at) found = i;
  }
  return found;
}

/**
 * The one person named in the sentence right before a quote in its paragraph, when that sentence
 * is no speech of its own (no speech verb) and names nobody else; otherwise null.
 */
function soleLeadingPerson(ctx: Context, paragraph: number, quoteStart: number): Speaker | null {
  // The sentence that holds the quote starts at its opening mark: the one before it leads in.
  let index = sentenceAt(ctx, paragraph, quoteStart - 1);
  if (ctx.sentences[index] && ctx.paragraphs[paragraph]!.slice(ctx.sentences[index]!.start, quoteStart).trim().length <= 1) index--;
  const sentence = ctx.sentences[index];
  if (!sentence || sentence.paragraph !== paragraph || sentence.start >= quoteStart) return null;
  const paragraphText = ctx.paragraphs[paragraph]!;
  if (tokenize(paragraphText.slice(sentence.start, quoteStart)).some((t) => t.word && isSpeechVerb(t.lower))) return null;
  const mentions = (ctx.mentionsByParagraph.get(paragraph) ?? []).filter(
    (m) => m.start >= sentence.start && m.end <= quoteStart && ctx.entities.get(m.entityId)?.type === 'person' && !namesWhatTheyLead(ctx, m),
  );
  const people = new Set(mentions.map((m) => m.entityId));
  if (people.size !== 1) return null;
  // "Kinnock was criticised for ignoring "..."": the subject of a passive says nothing.
  if (mentions.some((m) => passiveSubject(paragraphText, m.end))) return null;
  const entity = ctx.entities.get([...people][0]!)!;
  return { name: entity.name, entityId: entity.id };
}

/**
 * Where the main clause of a sentence starts: after the comma that closes an opening phrase
 * when `opens` says its first word opens one ("When Trump suggested a deal, Rubio ..."), else at
 * `from`; null when no comma closes that phrase before `until`.
 */
function afterOpeningPhrase(text: string, from: number, until: number, opens: (word: string, commaNext: boolean) => boolean): number | null {
  const opener = /^\W*([\p{L}]+)/u.exec(text.slice(from, until));
  if (!opener || !opens(opener[1]!, text[from + opener[0].length] === ',')) return from;
  const comma = text.indexOf(',', from);
  return comma < 0 || comma >= until ? null : comma + 1;
}

/** A colon, then the quote's opening mark: '... fired back: "', "Pollster Daron Shaw: ''". */
const COLON_BEFORE_QUOTE = /:\s*(?:''|["“])$/;

/** Words that open a subordinate clause, whose names are not the sentence's subject. */
const SUBORDINATE_WORDS = [...subordinatingWords, 'asked', 'pressed', 'despite'].join('|');
const SUBORDINATORS = new RegExp(`^(${SUBORDINATE_WORDS})$`, 'i');

/** Words that open a lead-in clause whose names are not its subject ("When Trump suggested ..., Rubio"): those and a few prepositions. */
const LEAD_CLAUSE_OPENER = new RegExp(`^(${SUBORDINATE_WORDS}|in|at|on|for|with|to|during|speaking|responding|referring|writing)$`, 'i');

/**
 * Who leads into a quote with a colon when no speech verb does ("Republican pollster Daron Shaw:
 * "...", "When Trump suggested a deal, Rubio fired back forcefully: "...""): the person named
 * right before the colon, else the first person of the main clause; null when none.
 */
function colonLeadPerson(ctx: Context, paragraph: number, quoteStart: number): Speaker | null {
  const text = ctx.paragraphs[paragraph]!;
  const before = text.slice(Math.max(0, quoteStart - 4), quoteStart);
  if (!COLON_BEFORE_QUOTE.test(before)) return null;
  const colon = text.lastIndexOf(':', quoteStart - 1);
  const sentence = ctx.sentences[sentenceAt(ctx, paragraph, colon)];
  if (!sentence || sentence.paragraph !== paragraph) return null;
  const from = afterOpeningPhrase(text, sentence.start, colon, (word) => LEAD_CLAUSE_OPENER.test(word));
  if (from === null) return null;
  const people = (ctx.mentionsByParagraph.get(paragraph) ?? []).filter(
    (m) => m.start >= from && m.end <= colon && ctx.entities.get(m.entityId)?.type === 'person' && !insideQuote(ctx, paragraph, m.start),
  );
  if (!people.length) return null;
  // The name closing the lead speaks when it stands alone or after its title ("- Carl Bialik:",
  // "Republican pollster Daron Shaw:"), not as an object ("delivered a message to Trump:").
  const last = people[people.length - 1]!;
  const word = /(\p{L}[\p{L}.'’-]*)\s*$/u.exec(text.slice(from, last.start))?.[1];
  const titled = !word || isCapitalised(word) || isRoleNoun(word.toLowerCase()) || titleNouns.has(word.toLowerCase());
  const chosen = titled && /^[\s)]*$/.test(text.slice(last.end, colon)) ? last : people[0]!;
  const entity = ctx.entities.get(chosen.entityId)!;
  return { name: entity.name, entityId: entity.id };
}

/**
 * The speaker of a cue in the sentence right before a quote of the same paragraph ("Dianne Bystrom
 * agreed. "..."", "digital consultant Phil Musser says. "...""), or null.
 */
function previousSentenceSpeaker(ctx: Context, paragraphCues: readonly Cue[], paragraph: number, quoteStart: number): Speaker | null {
  const quoteSentence = sentenceAt(ctx, paragraph, quoteStart);
  // Only a quote that opens its sentence: in 'X has positioned her agenda around "..."' X leads.
  const opening = ctx.sentences[quoteSentence];
  if (!opening || opening.paragraph !== paragraph || quoteStart - opening.start > 2) return null;
  const cue = [...paragraphCues].reverse().find((c) => c.end <= quoteStart);
  if (!cue?.speaker || !cue.finite || insideQuote(ctx, paragraph, cue.verbStart)) return null;
  const cueSentence = sentenceAt(ctx, paragraph, cue.verbStart);
  const previous = quoteSentence - 1;
  return cueSentence === previous || (cueSentence === quoteSentence && COLON_BEFORE_QUOTE.test(ctx.paragraphs[paragraph]!.slice(cue.end, quoteStart))) ? cue.speaker : null;
}

const LEAD_AGE = /^(\d{1,3}-year-old\s+)?$/;
const LEAD_VERB = /^\s+(?!(?:is|was|are|were|has|had|will|would)\b)\p{Ll}/u;

/**
 * The person a short lead-in paragraph opens with, when it has no quote and no speech cue and a
 * quote paragraph follows ("Valastro praised Christie's leadership after Hurricane Sandy. / "We
 * need someone ...""): the subject of the lead-in speaks. Null otherwise.
 */
function leadParagraphSubject(ctx: Context, paragraph: number, cues: readonly Cue[]): Speaker | null {
  const lead = paragraph - 1;
  if (lead < 0 || ctx.spansByParagraph.has(lead) || cues.some((c) => c.paragraph === lead)) return null;
  const text = ctx.paragraphs[lead]!;
  if (text.length > 300) return null;
  const first = (ctx.mentionsByParagraph.get(lead) ?? [])[0];
  const entity = first && ctx.entities.get(first.entityId);
  if (!entity || entity.type !== 'person') return null;
  // The name opens the paragraph (after at most an age: "17-year-old Jared Potts") and its verb
  // follows at once: the name is the subject ("Polls show Clinton up" is about somebody else).
  // A description ("Angela Corey is the attorney who charged him") says nothing of who speaks next.
  if (!LEAD_AGE.test(text.slice(0, first.start)) || !LEAD_VERB.test(text.slice(first.end, first.end + 12))) return null;
  return { name: entity.name, entityId: entity.id };
}

/** The person mentioned first (the subject) in each sentence, walking back from a point. */
function resolveBackwards(ctx: Context, paragraph: number, at: number, accept: (entity: Entity) => boolean): Speaker | null {
  const current = sentenceAt(ctx, paragraph, at);
  for (let si = current; si >= 0; si--) {
    const sentence = ctx.sentences[si]!;
    const end = si === current ? at : sentence.start + sentence.text.length;
    // Whoever spoke in that sentence is its subject ("'...,' he said, adding he doesn't agree
    // with Trump's assessment" is about the speaker, not about Trump); in the pronoun's own
    // sentence, whoever spoke before it ("With Trump ruled out, Cross said he ... whom he called").
    const spoke = ctx.cuesSoFar.filter(
      (c) => c.paragraph === sentence.paragraph && c.verbStart >= sentence.start && c.verbStart < end && c.finite && c.speaker?.entityId,
    );
    for (const cue of spoke.reverse()) {
      const entity = ctx.entities.get(cue.speaker!.entityId!);
      if (entity && accept(entity)) return { name: entity.name, entityId: entity.id };
    }
    const candidates = (ctx.mentionsByParagraph.get(sentence.paragraph) ?? []).filter(
      (m) => m.start >= sentence.start && m.end <= end && !insideQuote(ctx, m.paragraph, m.start) && !namesWhatTheyLead(ctx, m),
    );
    for (const m of candidates) {
      const entity = ctx.entities.get(m.entityId);
      if (entity && accept(entity)) return { name: entity.name, entityId: entity.id };
    }
    if (current - si > 12) break;
  }
  return null;
}

/** "the Obama administration": a name that stands for what its bearer leads, no one a pronoun can point back to. */
function namesWhatTheyLead(ctx: Context, mention: Mention): boolean {
  const next = /^\s+(\p{L}+)/u.exec(ctx.paragraphs[mention.paragraph]!.slice(mention.end, mention.end + 16))?.[1];
  return next !== undefined && ledByNouns.has(next);
}

function resolvePronoun(ctx: Context, paragraph: number, at: number, gender: Gender | undefined): Speaker | null {
  return resolveBackwards(ctx, paragraph, at, (e) => e.type === 'person' && !(gender && e.gender && e.gender !== gender));
}

/** The organisation most mentioned in the article among those named in the last few sentences. */
function resolveOrganisation(ctx: Context, paragraph: number, at: number): Speaker | null {
  const current = sentenceAt(ctx, paragraph, at);
  const first = ctx.sentences[Math.max(0, current - 6)];
  const recent = ctx.mentions.filter((m) => {
    const e = ctx.entities.get(m.entityId);
    if (!e || e.type !== 'org' || !first) return false;
    const afterFirst = m.paragraph > first.paragraph || (m.paragraph === first.paragraph && m.start >= first.start);
    const beforeAt = m.paragraph < paragraph || (m.paragraph === paragraph && m.end <= at);
    return afterFirst && beforeAt;
  });
  // Named organisations ("Food Standards Agency") before bare acronyms and brands ("DNP").
  const weight = (e: Entity): number => e.mentions + (e.name.split(/\s+/).some((w) => orgWords.has(w.toLowerCase())) ? 100 : 0);
  let best: Entity | undefined;
  for (const m of recent) {
    const e = ctx.entities.get(m.entityId)!;
    if (!best || weight(e) >= weight(best)) best = e;
  }
  return best ? { name: best.name, entityId: best.id } : null;
}

function roleMatches(role: string | undefined, words: readonly string[]): boolean {
  if (!role) return false;
  const roleWords = new Set(role.toLowerCase().split(/[^\p{L}.]+/u));
  return words.some((w) => roleWords.has(w));
}

/** Papers and notices that speak in news ("a statement said", "a sign read"). */
const DOCUMENT_NOUNS = new Set(['statement', 'report', 'letter', 'memo', 'note', 'release', 'filing', 'document', 'sign', 'notice',
  'poll', 'survey', 'study', 'ad', 'advert', 'advertisement', 'tweet', 'post', 'message', 'email', 'e-mail', 'complaint', 'lawsuit', 'ruling', 'order']);

/**
 * Whether an unnamed description can stand as a speaker: somebody ("a senior official", "a
 * Nevada Democrat"), a body
 * ("a local council") or a paper ("a statement from the ministry"), never a clause ("a piece
 * that", "a novel for libertarians").
 */
function describesSpeaker(description: string): boolean {
  const words = description.toLowerCase().split(/\s+/);
  if (words.some((w) => /^(that|which|who|whom|whose|where|when)$/.test(w))) return false;
  const complement = words.findIndex((w, i) => i > 0 && /^(of|for|from|in|at|with|on|by|to|about|over|under)$/.test(w));
  const head = (complement < 0 ? words[words.length - 1] : words[complement - 1]) ?? '';
  return isRoleNoun(head) || ORG_NOUNS.has(head) || DOCUMENT_NOUNS.has(head) || DESCRIPTION_HEADS.has(head);
}

/** Resolves "the president", "the Ukrainian leader", "the Scottish government" to a speaker. */
function resolveDescription(ctx: Context, paragraph: number, at: number, description: string): Speaker | null {
  const words = description.toLowerCase().split(/\s+/).filter((w) => w && !DETERMINERS.has(w));
  const head = words[words.length - 1] ?? '';
  const indefinite = /^(a|an|one|another)\s/i.test(description);
  if (indefinite) return describesSpeaker(description) ? { name: description } : null;
  if (ORG_NOUNS.has(head)) {
    const capitalised = description.split(/\s+/).filter((w) => isCapitalised(w) && !DETERMINERS.has(w.toLowerCase()));
    if (capitalised.length) return { name: description.replace(/^(the|a|an)\s+/i, '') };
    const org = resolveOrganisation(ctx, paragraph, at);
    if (org) return org;
  }
  // A title seen on a person of this article or of a sibling article.
  const byRole = resolveBackwards(ctx, paragraph, at, (e) => e.type === 'person' && roleMatches(e.role, [head]));
  if (byRole) return byRole;
  const knownRole = ctx.known.find((k) => roleMatches(k.role, [head]));
  if (knownRole) {
    const surname = knownRole.name.split(/\s+/).pop()?.toLowerCase() ?? '';
    const local = [...ctx.entities.values()].find((e) => e.type === 'person' && [e.name, ...e.aliases].some((n) => n.toLowerCase().endsWith(surname)));
    if (local) return { name: local.name, entityId: local.id };
  }
  if (titleNouns.has(head) || /(man|woman|person|er|or|ist|ant|ent)$/.test(head)) {
    return resolveBackwards(ctx, paragraph, at, (e) => e.type === 'person');
  }
  return null;
}


/** "Powell's", "Sanders'": a possessive name. */
const POSSESSIVE = /(['’]s|s['’])$/;

const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/** The words between a comma and the name after it: at most a title ("father, Dr.", ", spokesman"). */
const APPOSED_NAME = /,\s*((?:[\p{L}.'’-]+\s+){0,3})$/u;

/** True when a name follows its comma with nothing but title words in between (", Dr.", ", spokesman"). */
function apposedName(before: string): boolean {
  const m = APPOSED_NAME.exec(before);
  if (!m) return false;
  return m[1]!.split(/\s+/).every((w) => !w || isCapitalised(w) || isRoleNoun(w) || titleNouns.has(w.toLowerCase()));
}

/** The subject printed before a speech verb: a name, a pronoun or a description, skipping adverbs and one ", who ...," clause. */
function subjectBefore(ctx: Context, paragraph: number, tokens: readonly Token[], verbIndex: number): { start: number; speaker: Speaker | null } | null {
  const text = ctx.paragraphs[paragraph]!;
  let i = skipBack(tokens, verbIndex - 1);
  if (i >= 1 && tokens[i]!.text === ',') {
    // "Ms Khairunisa's father, Haidar Fauzi, has said": the name closing the clause speaks.
    const named = (ctx.mentionsByParagraph.get(paragraph) ?? []).find((m) => m.end === tokens[i - 1]!.end);
    // Only a name set off by commas of its own: in "Jason Kander, who is running against Roy
    // Blunt, said" the name closing a relative clause is its object, not the speaker.
    if (named && ctx.entities.get(named.entityId)?.type === 'person' && apposedName(text.slice(Math.max(0, named.start - 40), named.start))) {
      const entity = ctx.entities.get(named.entityId)!;
      return { start: named.start, speaker: { name: entity.name, entityId: entity.id } };
    }
  }
  const dash = i >= 1 && isDash(tokens[i]!.text) && tokens[i - 1]!.end <= tokens[i]!.start - 1 || (i >= 2 && tokens[i]!.text === '-' && tokens[i - 1]!.text === '-');
  if (i >= 0 && (tokens[i]!.text === ',' || dash)) {
    // A clause between commas ("The wartime leader, who has a packed itinerary ..., stressed",
    // "Sen. Dawn Addiego, for example, said") or dashes ("John McCain, who lost to Obama --
    // said"): jump to the comma or dash that opens it.
    let j = i - 1;
    if (dash && tokens[j]?.text === '-') j--;
    // A hyphen joined to both neighbours ("the D.C.-based institute") is inside a word, no dash.
    while (j >= 0 && tokens[j]!.text !== ',' && (!isDash(tokens[j]!.text) || joinedHyphen(tokens, j)) && !/^[.!?"“”;:]$/.test(tokens[j]!.text)) j--;
    if (j < 0 || !(tokens[j]!.text === ',' || isDash(tokens[j]!.text)) || i - j > 25) return null;
    if (tokens[j]!.text === '-' && tokens[j - 1]?.text === '-') j--;
    i = skipBack(tokens, j - 1);
    if (tokens[j]!.text === ',' && !personEndsAt(ctx, paragraph, tokens[i])) i = personBeforeListCommas(ctx, paragraph, tokens, j) ?? i;
  }
  if (i < 0) return null;
  const token = tokens[i];
  if (!token || !token.word) return null;
  const pronoun = token.lower;
  // "She was warned that ...", "it was said": a passive's subject is who heard it, not who said
  // it; "X is quoted as saying" is the exception, X said it.
  const verb = tokens[verbIndex]!.lower;
  if (PASSIVE_AUXILIARIES.has(pronoun) && !verb.endsWith('ing')) return verb === 'quoted' ? subjectBefore(ctx, paragraph, tokens, i) : { start: token.start, speaker: null };
  if (PRONOUNS.has(pronoun) && (pronoun === 'he' || pronoun === 'she')) {
    return { start: token.start, speaker: resolvePronoun(ctx, paragraph, token.start, PRONOUNS.get(pronoun)) };
  }
  if (pronoun === 'it') return { start: token.start, speaker: resolveOrganisation(ctx, paragraph, token.start) };
  if (pronoun === 'and' || pronoun === 'but') {
    // "Trump said ... and suggested": the subject of the first verb; whoever spoke earlier in the
    // sentence first ("With Mercer out of the race, Brandt said ... and urged").
    return finiteCueBefore(ctx, paragraph, tokens[verbIndex]!.start) ?? sentenceSubject(ctx, paragraph, tokens, i);
  }
  if (pronoun === 'they' || pronoun === 'i' || pronoun === 'we' || pronoun === 'who') {
    if (pronoun === 'who') {
      // "Trump, who said ...", "Gerda Vos, the company's spokeswoman, who called it ...": the person before the clause.
      const m = findLast(ctx.mentions, (x) => {
        if (x.paragraph !== paragraph || x.end > token.start || ctx.entities.get(x.entityId)?.type !== 'person') return false;
        const between = text.slice(x.end, token.start);
        return /^\s*,(\s*[^,"“”.;]{1,80},)?\s*$/.test(between);
      });
      const e = m && ctx.entities.get(m.entityId);
      return e && m ? { start: m.start, speaker: { name: e.name, entityId: e.id } } : null;
    }
    return { start: token.start, speaker: null };
  }
  const mention = [...(ctx.mentionsByParagraph.get(paragraph) ?? [])].reverse().find((m) => m.end <= token.end && m.end >= token.start);
  if (mention) {
    const entity = ctx.entities.get(mention.entityId)!;
    if (entity.type !== 'person') {
      const person = personBeforePhrase(ctx, paragraph, mention.start);
      if (person) return { start: mention.start, speaker: person };
    }
    if (entity.type === 'place') return null;
    return { start: mention.start, speaker: { name: entity.name, entityId: entity.id } };
  }
  // "Powell's office said", "Clinton's campaign said": a body named by whose it is speaks as itself.
  const possessor = tokens[i - 1];
  if (possessor?.word && ORG_NOUNS.has(token.norm) && POSSESSIVE.test(possessor.text) && isCapitalised(possessor.text)) {
    return { start: possessor.start, speaker: { name: text.slice(possessor.start, token.end) } };
  }
  // A description: walk back to its determiner ("the State Department spokesman").
  let k = i;
  while (k >= 0 && k > i - 6 && tokens[k]!.word && !DETERMINERS.has(tokens[k]!.lower)) k--;
  if (k >= 0 && tokens[k]!.word && DETERMINERS.has(tokens[k]!.lower) && k < i) {
    const description = text.slice(tokens[k]!.start, token.end);
    // "one briefing note she was ...": a pronoun inside means a clause, not somebody described.
    if (tokens.slice(k + 1, i + 1).some((t) => PRONOUNS.has(t.lower))) return { start: tokens[k]!.start, speaker: null };
    return { start: tokens[k]!.start, speaker: resolveDescription(ctx, paragraph, tokens[k]!.start, description) };
  }
  // A capitalised name the entity pass did not keep ("Likud said").
  if (isCapitalised(token.text)) {
    let s = i;
    while (s > 0 && tokens[s - 1]!.word && isCapitalised(tokens[s - 1]!.text)) s--;
    const name = text.slice(tokens[s]!.start, token.end).replace(/['’]s$/, '');
    const person = personBeforePhrase(ctx, paragraph, tokens[s]!.start);
    if (person) return { start: tokens[s]!.start, speaker: person };
    if (plainName(name)) return { start: tokens[s]!.start, speaker: { name } };
  }
  return null;
}

/** The person whose name starts at a token, with where the name ends; undefined for anyone else. */
function personAt(ctx: Context, paragraph: number, token: Token | undefined): { end: number; speaker: Speaker } | undefined {
  const mention = token && (ctx.mentionsByParagraph.get(paragraph) ?? []).find((m) => m.start === token.start);
  const entity = mention && ctx.entities.get(mention.entityId);
  return mention && entity?.type === 'person' ? { end: mention.end, speaker: { name: entity.name, entityId: entity.id } } : undefined;
}

function personEndsAt(ctx: Context, paragraph: number, token: Token | undefined): boolean {
  return token !== undefined && (ctx.mentionsByParagraph.get(paragraph) ?? []).some((m) => m.end === token.end && ctx.entities.get(m.entityId)?.type === 'person');
}

/**
 * The index of a person's name before an appositive that holds commas of its own ("Anne
 * Richards, assistant secretary for population, refugees, and migration, said", "Mr. Daniloff,
 * now retired in Cambridge, Mass., said"): up to three commas further back; undefined if none.
 */
function personBeforeListCommas(ctx: Context, paragraph: number, tokens: readonly Token[], comma: number): number | undefined {
  let k = comma;
  for (let commas = 0; commas < 3; commas++) {
    k--;
    while (k >= 0 && tokens[k]!.text !== ',' && !/^[.!?"“”;:]$/.test(tokens[k]!.text)) k--;
    if (k < 1 || tokens[k]!.text !== ',' || comma - k > 40) return undefined;
    const before = skipBack(tokens, k - 1);
    if (personEndsAt(ctx, paragraph, tokens[before])) return before;
  }
  return undefined;
}

/**
 * Heading words ("Watch:", "Analysis") that also close the names of bodies: "Human Rights Watch",
 * "Judicial Watch" speak; a bare "Watch" opens a heading.
 */
const NAME_CLOSING_HEADINGS = new Set(['watch', 'analysis', 'support', 'opinion', 'update']);

/** True for a capitalised phrase that can name a speaker: no sentence openers, days or places. */
function plainName(name: string): boolean {
  const words = name.toLowerCase().split(/\s+/);
  const last = words.length - 1;
  const functionWord = (w: string, i: number): boolean => capitalisedFunctionWords.has(w) && !(i === last && i > 0 && NAME_CLOSING_HEADINGS.has(w));
  return !words.some(functionWord) && !places.has(name.toLowerCase()) && !words.some((w) => places.has(w));
}

/**
 * The subject of the sentence a participle hangs on ("Yoon apologised ..., saying"): its first
 * name or pronoun before the participle.
 */
function sentenceSubject(ctx: Context, paragraph: number, tokens: readonly Token[], verbIndex: number): { start: number; speaker: Speaker | null } | null {
  const verb = tokens[verbIndex]!;
  const sentence = ctx.sentences[sentenceAt(ctx, paragraph, verb.start)];
  const from = sentence && sentence.paragraph === paragraph ? sentence.start : 0;
  let firstOrg: { start: number; speaker: Speaker | null } | null = null;
  // "When asked whom she supported, Ms. Sherry smiled and said": the opening clause holds no subject.
  let clauseEnd = -1;
  const opener = tokens.findIndex((t) => t.start >= from && t.word);
  if (opener >= 0 && opener < verbIndex && SUBORDINATORS.test(tokens[opener]!.text)) {
    clauseEnd = tokens.findIndex((t, k) => k > opener && k < verbIndex && t.text === ',');
  }
  for (let i = Math.max(0, clauseEnd + 1); i < verbIndex; i++) {
    const token = tokens[i]!;
    if (token.start < from || !token.word || insideQuote(ctx, paragraph, token.start)) continue;
    const lower = token.lower;
    if (lower === 'he' || lower === 'she') return { start: token.start, speaker: resolvePronoun(ctx, paragraph, token.start, PRONOUNS.get(lower)) };
    const mention = (ctx.mentionsByParagraph.get(paragraph) ?? []).find((m) => m.start === token.start);
    const entity = mention && ctx.entities.get(mention.entityId);
    if (entity?.type === 'person') return { start: token.start, speaker: { name: entity.name, entityId: entity.id } };
    if (entity?.type === 'org') firstOrg ??= { start: token.start, speaker: { name: entity.name, entityId: entity.id } };
  }
  return firstOrg;
}

/** A passive verb right after a name ("were intended", "was criticized"). */
const PASSIVE_AFTER = /^\s+(?:is|was|are|were|has been|have been|had been)\s+(?:\p{L}+ly\s+)?\p{L}+(?:ed|en)\b/u;

/**
 * True when the name ending at `end` is the subject of a passive ("GCSEs were intended to ensure
 * a focus on "..."", "Kinnock was criticised for ..."), who says nothing, unless made to speak
 * ("Mr. Trump was prompted to say, "..."").
 */
function passiveSubject(text: string, end: number): boolean {
  const passive = PASSIVE_AFTER.exec(text.slice(end, end + 60));
  if (!passive) return false;
  const next = /^\s+(?:to|as)\s+(\p{L}+)/u.exec(text.slice(end + passive[0].length))?.[1];
  return !(next && isSpeechVerb(next.toLowerCase()));
}

/** Words after which a name is an object or a complement, not the one who acts ("a testimonial to John Kerry"). */
const OBJECT_MARKERS = /^(to|with|for|like|of|against|than|at|by|from|on|about|over|under|between|toward|towards|into|including|among|behind|unlike|and|or|as)$/i;

/**
 * Who leads into a quote inside its own sentence when no speech verb ties them ("Huckabee, for
 * his part, is labeling Obama's actions "..."", "Like Corker, Menendez rejected the notion that
 * there is "..."): the subject of the writer's words before the quote, that is the first person
 * named in the main clause who is no object and no owner ("Clinton's campaign"); null when the
 * quote opens its sentence or no such person leads into it.
 */
function leadInSubject(ctx: Context, paragraph: number, quoteStart: number): Speaker | null {
  const sentence = ctx.sentences[sentenceAt(ctx, paragraph, quoteStart)];
  if (!sentence || sentence.paragraph !== paragraph || quoteStart - sentence.start <= 2) return null;
  const text = ctx.paragraphs[paragraph]!;
  // An opening phrase ("In his 2004 convention speech,", "Filling in for Sanders,", "Moreover,") names no subject.
  const from = afterOpeningPhrase(text, sentence.start, quoteStart, (word, commaNext) => LEAD_CLAUSE_OPENER.test(word) || OBJECT_MARKERS.test(word) || /ing$/i.test(word) || commaNext);
  if (from === null) return null;
  const tokens = ctx.tokens[paragraph]!;
  let firstOrg: Speaker | null = null;
  for (let i = 0; i < tokens.length && tokens[i]!.start < quoteStart; i++) {
    const token = tokens[i]!;
    if (token.start < from || !token.word || insideQuote(ctx, paragraph, token.start)) continue;
    if (token.lower === 'he' || token.lower === 'she') return resolvePronoun(ctx, paragraph, token.start, PRONOUNS.get(token.lower));
    const mention = (ctx.mentionsByParagraph.get(paragraph) ?? []).find((m) => m.start === token.start);
    const entity = mention && ctx.entities.get(mention.entityId);
    if (!mention || !entity || (entity.type !== 'person' && entity.type !== 'org') || namesWhatTheyLead(ctx, mention)) continue;
    const previous = tokens[i - 1];
    if (previous && previous.start >= from && previous.word && OBJECT_MARKERS.test(previous.text)) continue;
    if (/^['’]s?\b/.test(text.slice(mention.end, mention.end + 3)) || POSSESSIVE.test(text.slice(mention.start, mention.end))) continue;
    if (passiveSubject(text, mention.end)) continue;
    if (entity.type === 'org') {
      // A body speaks only as the clause's subject ("The Democratic National Committee released a statement, offering "..."").
      if (/^\W*((the|a|an)\s+)?$/i.test(text.slice(from, mention.start))) firstOrg ??= { name: entity.name, entityId: entity.id };
      continue;
    }
    return { name: entity.name, entityId: entity.id };
  }
  return firstOrg;
}

/** Steps back over adverbs ("also", "later") and a bracket ("(R-Warren)") before a verb. */
function skipBack(tokens: readonly Token[], from: number): number {
  let i = from;
  for (;;) {
    while (i >= 0 && tokens[i]!.word && (SPEECH_ADVERBS.has(tokens[i]!.lower) || WEEKDAY.test(tokens[i]!.text))) i--;
    // "Priebus on Thursday told": a day between the speaker and the verb.
    if (i >= 0 && tokens[i]!.lower === 'on' && WEEKDAY.test(tokens[i + 1]?.text ?? '')) {
      i--;
      continue;
    }
    // "Mitch McConnell, R-Ky., said": a party-and-state tag set off by commas.
    if (i >= 5 && tokens[i]!.text === ',' && partyTagBefore(tokens, i)) {
      i = partyTagBefore(tokens, i);
      continue;
    }
    if (i >= 0 && tokens[i]!.text === ')') {
      let j = i - 1;
      while (j >= 0 && tokens[j]!.text !== '(' && i - j < 12) j--;
      if (j < 0 || tokens[j]!.text !== '(') return i;
      i = j - 1;
      continue;
    }
    return i;
  }
}

/** A dash that sets off a clause ("—", "–", or one of the two hyphens of "--"). */
function isDash(text: string): boolean {
  return text === '—' || text === '–' || text === '-';
}

/** A hyphen with no space on either side, joining two words into one ("D.C.-based", "U.K.-born"). */
function joinedHyphen(tokens: readonly Token[], index: number): boolean {
  const hyphen = tokens[index]!;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return hyphen.text === '-' && before !== undefined && after !== undefined && before.end === hyphen.start && after.start === hyphen.end && after.word;
}

const WEEKDAY = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * For a comma closing ", R-Ky.," (the tokens "," "R-Ky" "." ","), the index of the word
 * before the tag's opening comma; 0 when no party tag ends there.
 */
function partyTagBefore(tokens: readonly Token[], comma: number): number {
  let k = comma - 1;
  if (tokens[k]?.text === '.') k--;
  if (!tokens[k]?.word || !isPartyStateTag(tokens[k]!.text) || tokens[k - 1]?.text !== ',') return 0;
  return k - 2;
}

/** True when the words before the verb allow the speaker to follow it: `"...," said X`, `— said X`. */
function inversionAllowed(tokens: readonly Token[], verbIndex: number): boolean {
  const j = skipBack(tokens, verbIndex - 1);
  if (j < 0) return true;
  const t = tokens[j]!.text;
  if (/^["”“'’»]$/.test(t) || t === '—' || t === '–') return true;
  // "Said Dorothy Poynter, who grew up with Ali: "..."": a sentence that opens with its verb.
  if (/^[.!?]$/.test(t) && isCapitalised(tokens[verbIndex]!.text)) return true;
  if (t !== ',' || j < 1) return false;
  if (/^["”»]$/.test(tokens[j - 1]!.text)) return true;
  // '"It seems extremely unlikely" that Sanders can catch Clinton, said Steve Elmendorf': a quote
  // finished by the writer's words still takes the speaker after the verb.
  for (let k = j - 1; k >= 0 && k > j - 30; k--) {
    const text = tokens[k]!.text;
    if (/^[.!?;:]$/.test(text)) return false;
    if (text === '”' || (text === '"' && k > 0 && tokens[k - 1]!.end === tokens[k]!.start)) return true;
  }
  return false;
}

/**
 * When the name before a verb is an organisation or place inside a prepositional phrase
 * ("James Hall with the New York Police Department said", "Erik van Sebille, an oceanographer
 * at the University of New South Wales in Sydney told"), the person before it is the speaker.
 */
function personBeforePhrase(ctx: Context, paragraph: number, subjectStart: number): Speaker | null {
  const text = ctx.paragraphs[paragraph]!;
  const person = findLast(ctx.mentions, (m) => m.paragraph === paragraph && m.end <= subjectStart && ctx.entities.get(m.entityId)?.type === 'person');
  if (!person) return null;
  const between = text.slice(person.end, subjectStart);
  if (between.length > 160 || !/^(\s*,[^"“”!?]*|\s+)\b(with|of|at|from|for|in|on)\s[^"“”!?]*$/.test(between)) return null;
  if (/[.;]\s/.test(between)) return null;
  const entity = ctx.entities.get(person.entityId)!;
  return { name: entity.name, entityId: entity.id };
}

/** The subject printed after the verb: "said State Department spokesman Tommy Pigott", "said the ministry". */
function subjectAfter(ctx: Context, paragraph: number, tokens: readonly Token[], verbIndex: number): { end: number; speaker: Speaker | null } | null {
  const text = ctx.paragraphs[paragraph]!;
  let i = verbIndex + 1;
  if (tokens[verbIndex]!.lower === 'according') {
    if (tokens[i]?.lower !== 'to') return null;
    i++;
  }
  const first = tokens[i];
  if (!first || !first.word) return null;
  const lowerFirst = first.lower;
  if (lowerFirst === 'he' || lowerFirst === 'she') {
    return { end: first.end, speaker: resolvePronoun(ctx, paragraph, first.start, PRONOUNS.get(lowerFirst)) };
  }
  // The first person within a short title chain after the verb ("said State Department
  // spokesman Tommy Pigott"), else the first organisation there.
  let j = i;
  let firstOrg: { end: number; speaker: Speaker } | null = null;
  // "said Huckabee campaign spokesman Hogan Gidley", "said Clinton's top aide Jake Sullivan": a
  // name before a title says whose aide it is; the person named after the title speaks.
  let firstPerson: { end: number; speaker: Speaker } | null = null;
  let titleAfterPerson = false;
  while (j < tokens.length && j < i + 10 && tokens[j]!.word) {
    const m = (ctx.mentionsByParagraph.get(paragraph) ?? []).find((x) => x.start === tokens[j]!.start);
    const entity = m && ctx.entities.get(m.entityId);
    if (m && entity?.type === 'person') {
      const found = { end: m.end, speaker: { name: entity.name, entityId: entity.id } };
      if (!firstPerson) {
        firstPerson = found;
        while (j + 1 < tokens.length && tokens[j + 1]!.start < m.end) j++;
        j++;
        continue;
      }
      return titleAfterPerson ? found : firstPerson;
    }
    if (m && entity?.type === 'org') firstOrg ??= { end: m.end, speaker: { name: entity.name, entityId: entity.id } };
    const w = tokens[j]!.text;
    if (firstPerson) {
      const lower = w.toLowerCase();
      if (titleNouns.has(lower) || isRoleNoun(lower)) titleAfterPerson = true;
      else if (!titleAfterPerson && !isCapitalised(w) && !PREMODIFIER.test(lower)) break;
    }
    if (!isCapitalised(w) && !titleNouns.has(w.toLowerCase()) && !DETERMINERS.has(w.toLowerCase()) && !/^[\p{L}-]+$/u.test(w) && !ORDINAL.test(w)) break;
    if (!isCapitalised(w) && !titleNouns.has(w.toLowerCase()) && !DETERMINERS.has(w.toLowerCase()) && j > i + 3) break;
    j++;
  }
  // "said Rubio's deputy campaign manager, Rich Beeson", "said another leading Supreme Court
  // advocate, Andrew J. Pincus": a description set off by a comma names its speaker after it,
  // where the name before was only an owner or a body.
  const appositive = tokens[j]?.text === ',' ? personAt(ctx, paragraph, tokens[j + 1]) : undefined;
  if (appositive && (!firstPerson || POSSESSIVE.test(text.slice(tokens[i]!.start, firstPerson.end + 2).trimEnd()) || titleAfterPerson)) {
    return { end: appositive.end, speaker: appositive.speaker };
  }
  if (firstPerson) return firstPerson;
  if (firstOrg) return firstOrg;
  if (DETERMINERS.has(lowerFirst)) {
    let k = i + 1;
    while (k < tokens.length && k < i + 7 && tokens[k]!.word && !/^(on|in|at|to|that|who|which|during|after|before|when|as|of)$/.test(tokens[k]!.text)) k++;
    if (k > i + 1) {
      const description = text.slice(first.start, tokens[k - 1]!.end);
      return { end: tokens[k - 1]!.end, speaker: resolveDescription(ctx, paragraph, first.start, description) };
    }
  }
  // "said Likud" — a capitalised word the entity pass did not keep.
  if (isCapitalised(first.text) && lowerFirst !== 'on' && !/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(lowerFirst)) {
    let k = i;
    while (k + 1 < tokens.length && tokens[k + 1]!.word && isCapitalised(tokens[k + 1]!.text)) k++;
    return { end: tokens[k]!.end, speaker: { name: text.slice(first.start, tokens[k]!.end) } };
  }
  return null;
}

/** "Spicer said, adding, "..."": a participle continues the finite speech verb before it in its sentence. */
function finiteCueBefore(ctx: Context, paragraph: number, at: number): { start: number; speaker: Speaker | null } | null {
  const last = ctx.cuesSoFar[ctx.cuesSoFar.length - 1];
  if (!last || last.paragraph !== paragraph || !last.finite || !last.speaker || last.verbStart >= at) return null;
  if (sentenceAt(ctx, paragraph, last.verbStart) !== sentenceAt(ctx, paragraph, at)) return null;
  return { start: last.start, speaker: last.speaker };
}

/** Lowercase words that may stand between a name and a title ("Clinton's top foreign policy aide"). */
const PREMODIFIER = /^(top|senior|chief|deputy|former|longtime|campaign|policy|foreign|press|national|state|communications|digital|political|legal|economic|then|vice|assistant|executive|general|managing)$/;

/** "1st", "22nd": part of a rank ("Air Force 1st Lt. Tyler Livingston"). */
const ORDINAL = /^\d{1,3}(?:st|nd|rd|th)$/;

/** Speech verbs that, with the particle after them, mean something else ("ruled out", "called off"). */
const NOT_SPEECH_PARTICLES: ReadonlyMap<string, string> = new Map([
  ['ruled', 'out'],
  ['rules', 'out'],
  ['called', 'off'],
  ['calls', 'off'],
]);

/** Verbs that speak with the particle after them ("Trump shot back", "he went on"). */
const SPEECH_WITH_PARTICLE: ReadonlyMap<string, string> = new Map([
  ['shot', 'back'],
  ['fired', 'back'],
  ['hit', 'back'],
  ['pushed', 'back'],
  ['went', 'on'],
]);

/** Every speech cue of the article outside quotation marks, in reading order. */
function findCues(ctx: Context): Cue[] {
  const cues = ctx.cuesSoFar;
  ctx.paragraphs.forEach((text, paragraph) => {
    const tokens = tokenize(text);
    ctx.tokens[paragraph] = tokens;
    tokens.forEach((token, index) => {
      if (!token.word) return;
      const word = token.lower;
      const according = word === 'according' && tokens[index + 1]?.lower === 'to';
      // "As John Cornyn put it: "..."", '"...," Trump shot back': idioms that speak like a verb of saying.
      const particle = tokens[index + 1]?.lower;
      const putIt = ((word === 'put' || word === 'puts') && particle === 'it') || ((particle === 'back' || particle === 'on') && SPEECH_WITH_PARTICLE.get(word) === particle);
      // The cheap word test first: few tokens are speech verbs, and only those need the quote spans.
      if (!according && !putIt && !isSpeechVerb(word)) return;
      // "With Trump ruled out, Cross said", "talks were called off": the verb with its particle says nothing.
      if (NOT_SPEECH_PARTICLES.get(word) === particle) return;
      // "SWING STATES LEAN RED - Name: "..."": a word of a headline in capitals is no verb.
      if (inCapitalsRun(tokens, index)) return;
      if (insideQuote(ctx, paragraph, token.start)) return;
      // "called" and "described" only cue a quote with an object: "what he called "...""
      const participle = !according && word.endsWith('ing');
      const before = according ? null : participle ? finiteCueBefore(ctx, paragraph, token.start) ?? sentenceSubject(ctx, paragraph, tokens, index) : subjectBefore(ctx, paragraph, tokens, index);
      const after = before?.speaker || participle || putIt || !(according || inversionAllowed(tokens, index)) ? null : subjectAfter(ctx, paragraph, tokens, index);
      const chosen = before?.speaker ? before : after?.speaker ? after : before ?? after;
      if (!chosen) return;
      const start = before && chosen === before ? before.start : token.start;
      const end = after && chosen === after ? after.end : token.end;
      cues.push({ paragraph, start, end, verbStart: token.start, text: text.slice(start, end), speaker: chosen.speaker, finite: !participle });
    });
  });
  return cues;
}

/** True for a word in capitals beside another word in capitals: part of a headline, not of a sentence. */
function inCapitalsRun(tokens: readonly Token[], index: number): boolean {
  const capitals = (token: Token | undefined): boolean => token !== undefined && token.word && /^\p{Lu}{2,}$/u.test(token.text);
  return capitals(tokens[index]) && (capitals(tokens[index - 1]) || capitals(tokens[index + 1]));
}

function gapIsAttribution(text: string, inverted: boolean): boolean {
  const rest = attributionGap(text);
  // '"kind of riding the fence" until Haley said ...': a new clause, somebody else's speech; but
  // a verb before its subject attributes what came before ('"..." since ..., said Lee Epstein').
  if (!inverted && SUBORDINATORS.test(rest.split(/\s/, 1)[0]!)) return false;
  return !/[.!?"“”]/.test(rest) && rest.length < 140;
}

/** True when only a few title words stand between a quote and its cue ('," State Department spokesman'), no clause. */
function isNearGap(text: string): boolean {
  const gap = attributionGap(text);
  return gap.length <= 40 && !gap.includes(',');
}

/** The words between a quote's end and its cue, without the closing mark and abbreviation periods. */
function attributionGap(text: string): string {
  return text
    .replace(/^[”"’'\s,.!?—–-]*/, '')
    .replace(/\b(Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Jr|Sr|Adm|Maj|Det|Supt|Insp)\./g, '$1')
    .replace(/\b(\p{Lu})\./gu, '$1');
}

/** The candidates that cues of a span's own sentence give: after the quote, then before it. */
function ownCueCandidates(ctx: Context, here: readonly QuoteSpan[], i: number, paragraphCues: readonly Cue[]): Candidate[] {
  const span = here[i]!;
  const paragraph = span.paragraph;
  const text = ctx.paragraphs[paragraph]!;
  const nextStart = here[i + 1]?.start ?? text.length;
  const sentence = sentenceAt(ctx, paragraph, span.start);
  // A cue after the quote must stay in its sentence ('"...," he said') or follow at once;
  // after '..." Instead, ..., he said' a new sentence has begun.
  const endSentence = sentenceAt(ctx, paragraph, Math.max(span.start, span.end - 1));
  const after = paragraphCues.find((c) => {
    if (c.verbStart < span.end || c.verbStart >= nextStart) return false;
    const gap = text.slice(span.end, Math.min(c.start, c.verbStart));
    if (!gapIsAttribution(gap, c.start === c.verbStart && c.end > c.verbStart + 8)) return false;
    return sentenceAt(ctx, paragraph, c.verbStart) === endSentence || isNearGap(gap);
  });
  const prevEnd = here[i - 1]?.end ?? 0;
  const beforeCues = [...paragraphCues]
    .reverse()
    .filter((c) => c.end <= span.start + 1 && c.start >= prevEnd && sentenceAt(ctx, paragraph, c.verbStart) === sentence);
  const before = beforeCues.find((c) => c.speaker) ?? beforeCues[0];
  const candidates: Candidate[] = [];
  if (after) {
    // A cue right after the quote outweighs one before it ("...," the president wrote); one further
    // on in the sentence weighs less than the speaker of indirect speech before it ("X said that
    // the "..." as ..., Yahoo Finance reported").
    const near = isNearGap(text.slice(span.end, Math.min(after.start, after.verbStart)));
    candidates.push({ evidence: near ? 'cue-after' : 'cue-after-far', speaker: after.speaker, cue: after.text });
  }
  if (before) candidates.push({ evidence: 'cue-before', speaker: before.speaker, cue: before.text });
  return candidates;
}

/**
 * Who the writer's words leading into a quote are about: the one person of the sentence before a
 * paragraph's first quote, and the subject of the quote's own sentence.
 */
function leadInCandidates(ctx: Context, paragraph: number, quoteStart: number, firstOfParagraph: boolean): Candidate[] {
  const candidates: Candidate[] = [];
  const leadPerson = firstOfParagraph ? soleLeadingPerson(ctx, paragraph, quoteStart) : null;
  if (leadPerson) candidates.push({ evidence: 'lead-person', speaker: leadPerson });
  const leadIn = leadInSubject(ctx, paragraph, quoteStart);
  if (leadIn) candidates.push({ evidence: 'lead-in-subject', speaker: leadIn });
  return candidates;
}

/**
 * For each paragraph of quotes that has no cue of its own, the person a sign-off line after it
 * names (vox-pop and testimonial layouts: "'...' / — Pamela Padilla, 34, Phoenix"), with that line.
 * A sign-off speaks for up to three quote paragraphs before it, back to one with a cue of its own.
 */
function signOffsByParagraph(ctx: Context, cued: ReadonlySet<number>): Map<number, Candidate> {
  const signed = new Map<number, Candidate>();
  for (let p = 1; p < ctx.paragraphs.length; p++) {
    if (!ctx.spansByParagraph.has(p - 1)) continue;
    const speaker = signOffSpeaker(ctx, p);
    if (!speaker) continue;
    const candidate: Candidate = { evidence: 'sign-off', speaker, cue: ctx.paragraphs[p]!.trim() };
    for (let q = p - 1, taken = 0; q >= 0 && taken < 3 && ctx.spansByParagraph.has(q) && !cued.has(q); q--, taken++) signed.set(q, candidate);
  }
  return signed;
}

/**
 * Attributes every quoted span to a speaker and returns the quotes in reading order. Each quote
 * gathers candidates from every kind of evidence that applies to it (cues in its own sentence,
 * the other segments of its paragraph, the layout around it, the speaker before it) and takes
 * the best-scored one (see `speaker-choice.ts`). A quote left open at a paragraph's end passes
 * its speaker to the paragraph that continues it.
 */
export function attributeQuotes(
  paragraphs: readonly string[],
  spans: readonly QuoteSpan[],
  sentences: readonly Sentence[],
  findings: EntityFindings,
  known: readonly KnownPerson[] = [],
): Quote[] {
  const spansByParagraph = new Map<number, QuoteSpan[]>();
  for (const span of spans) pushTo(spansByParagraph, span.paragraph, span);
  const mentionsByParagraph = new Map<number, Mention[]>();
  for (const m of findings.mentions) pushTo(mentionsByParagraph, m.paragraph, m);
  const firstSentenceOf: number[] = [];
  sentences.forEach((s, i) => {
    firstSentenceOf[s.paragraph] ??= i;
  });
  // Paragraphs without sentences point at the next one with sentences.
  for (let p = paragraphs.length - 1, next = sentences.length; p >= 0; p--) {
    if (firstSentenceOf[p] === undefined) firstSentenceOf[p] = next;
    else next = firstSentenceOf[p]!;
  }
  const ctx: Context = {
    paragraphs,
    entities: new Map(findings.entities.map((e) => [e.id, e])),
    mentions: findings.mentions,
    sentences,
    spans,
    spansByParagraph,
    firstSentenceOf,
    mentionsByParagraph,
    cuesSoFar: [],
    known,
    tokens: [],
  };
  const cues = findCues(ctx);
  const cuesByParagraph = new Map<number, Cue[]>();
  for (const cue of cues) pushTo(cuesByParagraph, cue.paragraph, cue);
  // Candidates from each span's own sentence first: they decide which paragraphs have a cue of
  // their own, and so which paragraphs a sign-off line after them can speak for.
  const ownCues = new Map<number, Candidate[][]>();
  for (const [paragraph, here] of spansByParagraph) {
    ownCues.set(paragraph, here.map((_, i) => ownCueCandidates(ctx, here, i, cuesByParagraph.get(paragraph) ?? [])));
  }
  const cued = new Set([...ownCues].filter(([, own]) => own.some((c) => c.length > 0)).map(([p]) => p));
  const signOffs = signOffsByParagraph(ctx, cued);

  const quotes: Quote[] = [];
  let lastSpeaker: Speaker | null = null;
  let lastCue: string | undefined;
  let carried: Speaker | null = null; // from a quote left open at the previous paragraph's end

  paragraphs.forEach((text, paragraph) => {
    const here = spansByParagraph.get(paragraph) ?? [];
    const paragraphCues = cuesByParagraph.get(paragraph) ?? [];
    const own = ownCues.get(paragraph) ?? [];
    const ownChoice = own.map((candidates) => chooseSpeaker(candidates));
    const chosen: Array<Candidate | undefined> = [];
    here.forEach((span, i) => {
      const candidates = [...own[i]!];
      // Split quotes: a span with no cue of its own takes the nearest segment's that has one; a
      // segment sentences away is weaker evidence ('Billy Joel sings, "..." ... "...?" he said').
      const before = findLastIndex(ownChoice.slice(0, i), Boolean);
      const after = before < 0 ? ownChoice.findIndex((c, k) => k > i && c !== undefined) : -1;
      const neighbour = before >= 0 ? before : after;
      if (!candidates.length && neighbour >= 0) {
        const apart = Math.abs(sentenceAt(ctx, paragraph, here[neighbour]!.start) - sentenceAt(ctx, paragraph, span.start));
        candidates.push({ ...ownChoice[neighbour]!, evidence: apart > 1 ? 'split-quote-far' : 'split-quote' });
        if (apart > 1) candidates.push(...leadInCandidates(ctx, paragraph, span.start, i === 0));
      }
      if (!cued.has(paragraph)) {
        const signOff = signOffs.get(paragraph);
        if (signOff) candidates.push(signOff);
        if (i === 0) {
          // "But for Parata and his family the deaths are personal. "It's very emotional."": the
          // one person the sentence leading into the quote is about speaks, not the last speaker.
          const leadCue = previousSentenceSpeaker(ctx, paragraphCues, paragraph, span.start);
          if (leadCue) candidates.push({ evidence: 'lead-cue', speaker: leadCue });
          const colonLead = colonLeadPerson(ctx, paragraph, span.start);
          if (colonLead) candidates.push({ evidence: 'colon-lead', speaker: colonLead });
          const subject = span.start <= 2 && !carried ? leadParagraphSubject(ctx, paragraph, cues) : null;
          if (subject) candidates.push({ evidence: 'lead-paragraph', speaker: subject });
        }
        candidates.push(...leadInCandidates(ctx, paragraph, span.start, i === 0));
        const previous = chosen[i - 1];
        if (previous?.speaker) candidates.push({ evidence: 'same-paragraph', speaker: previous.speaker, ...(previous.cue ? { cue: previous.cue } : {}) });
        if (carried) candidates.push({ evidence: 'open-quote', speaker: carried, ...(lastCue ? { cue: lastCue } : {}) });
        if (lastSpeaker) candidates.push({ evidence: 'previous-speaker', speaker: lastSpeaker, ...(lastCue ? { cue: lastCue } : {}) });
      }
      const best = chooseSpeaker(candidates);
      chosen.push(best);
      const quote: Quote = { text: span.text, speaker: best?.speaker?.name ?? null, paragraph, partial: wordCount(span.text) < 4 || isTitleOfWork(text, span) };
      if (best?.speaker?.entityId) quote.speakerId = best.speaker.entityId;
      if (best?.cue) quote.cue = best.cue;
      quotes.push(quote);
    });
    // The quote left open continues into the next paragraph with the same speaker.
    const last = here[here.length - 1];
    carried = last?.unclosed ? chosen[chosen.length - 1]?.speaker ?? null : null;
    // What the next paragraph inherits: the last speaker named here, in a quote or indirect speech.
    const lastNamed = [...paragraphCues].reverse().find((c) => c.speaker && !insideQuote(ctx, paragraph, c.verbStart));
    const lastQuoted = findLast(chosen, (c) => Boolean(c?.speaker));
    if (lastQuoted && (!lastNamed || here[here.length - 1]!.start > lastNamed.verbStart)) {
      lastSpeaker = lastQuoted.speaker;
      lastCue = lastQuoted.cue;
    } else if (lastNamed) {
      lastSpeaker = lastNamed.speaker;
      lastCue = lastNamed.text;
    }
  });
  attributeFromLaterEvidence(quotes, spans, cues, cued);
  return quotes;
}

/**
 * Quotes still without a speaker take what comes after them: a quote opened in one paragraph
 * and attributed only at the end of the next ("... / ..., " he said.) takes that closing cue; an
 * opening quote with nobody before it ('"We will not back down." / That was the message from X
 * ...') takes the first speaker named in the next paragraph. A quote whose own cue names nobody
 * ("she was warned that "..."", "they said") keeps nobody.
 */
function attributeFromLaterEvidence(quotes: Quote[], spans: readonly QuoteSpan[], cues: readonly Cue[], cued: ReadonlySet<number>): void {
  for (let i = quotes.length - 1; i >= 0; i--) {
    const quote = quotes[i]!;
    if (quote.speaker) continue;
    const candidates: Candidate[] = [];
    const next = quotes[i + 1];
    if (spans[i]!.unclosed && next?.speaker && next.paragraph === quote.paragraph + 1) {
      candidates.push({ evidence: 'closing-cue', speaker: { name: next.speaker, ...(next.speakerId ? { entityId: next.speakerId } : {}) }, ...(next.cue ? { cue: next.cue } : {}) });
    }
    if (!quote.partial && !cued.has(quote.paragraph)) {
      const cue = cues.find((c) => c.paragraph === quote.paragraph + 1 && c.speaker?.entityId);
      if (cue) candidates.push({ evidence: 'next-paragraph', speaker: cue.speaker, cue: cue.text });
    }
    const best = chooseSpeaker(candidates);
    if (!best?.speaker) continue;
    quote.speaker = best.speaker.name;
    if (best.speaker.entityId) quote.speakerId = best.speaker.entityId;
    if (best.cue) quote.cue = best.cue;
  }
}

/** "— Pamela Padilla, 34, Phoenix": a short line naming who said the paragraph before it. */
const SIGN_OFF = /^\s*(?:[—–]|--?)\s*/;
const SIGN_OFF_MAX = 120;

/**
 * The person a sign-off paragraph names at its start (vox-pop and testimonial layouts: the quote
 * paragraph first, then "— Name, 34, Phoenix" or "Name, 34, of Phoenix"), or undefined.
 */
function signOffSpeaker(ctx: Context, paragraph: number): Speaker | undefined {
  const text = ctx.paragraphs[paragraph]!;
  if (text.length > SIGN_OFF_MAX || /["“”]/.test(text)) return undefined;
  const dash = SIGN_OFF.exec(text);
  const from = dash && dash[0].length > 0 && /[—–-]/.test(dash[0]) ? dash[0].length : 0;
  const first = (ctx.mentionsByParagraph.get(paragraph) ?? [])[0];
  if (!first || first.start !== from) return undefined;
  const entity = ctx.entities.get(first.entityId);
  if (!entity || entity.type !== 'person') return undefined;
  // Without a dash, the name must be followed by an age or a place, not by a sentence.
  if (!from && !/^,\s*(\d{1,3}\b|[\p{Lu}])/u.test(text.slice(first.end))) return undefined;
  return { name: entity.name, entityId: entity.id };
}

const WORK_NOUN = /\b(book|books|film|movie|song|album|show|series|play|novel|documentary|titled|entitled|headlined|memoir|column|essay|article|poem|podcast|programme|program|exhibition|painting|single|opera|musical)\s*[,:]?\s*$/i;

/** True for the title of a work in quotation marks ("his memoir "A Promised Land Revisited""): no one's words. */
function isTitleOfWork(text: string, span: QuoteSpan): boolean {
  // The noun before the quote first: it is short to test and rarely there.
  if (!WORK_NOUN.test(text.slice(Math.max(0, span.start - 40), Math.max(0, span.start - 1)))) return false;
  const words = span.text.replace(/[.,!?]+$/, '').split(/\s+/);
  const titleCase = words.every((w) => isCapitalised(w) || /^(a|an|the|of|and|or|in|on|at|to|for|with|from|by)$/.test(w) || !/\p{L}/u.test(w));
  return titleCase;
}

function pushTo<T>(lists: Map<number, T[]>, key: number, item: T): void {
  const list = lists.get(key);
  if (list === undefined) lists.set(key, [item]);
  else list.push(item);
}

/** The index of the last item that passes the test, or -1. */
function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}

/** The last item that passes the test, without copying and reversing the list (`findLast` needs ES2023). */
function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}
