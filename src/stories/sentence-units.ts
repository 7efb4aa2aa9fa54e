import type { Analysis } from '../analyze/types.ts';
import { nameMentions, textTerms } from './article-terms.ts';
import { latestEntryParagraphs, withoutEntryTime } from './live-blog.ts';
import { closeOpenSentence, hasMarkup, isParagraphEnd, namedPeople, sentenceEnding, standAlone } from './standalone.ts';
import { foldNameToken, foldText, isTitleWord, looksLikeBoilerplate, looksLikeCaption, quotedSpans, stem, timeExpressions, words } from './text.ts';
import { hasOnlyAsciiLetters } from '../core/plain-text.ts';
import { wordCount } from '../core/word-count.ts';

/** A title or sentence of one article in a story, prepared for comparison. */
export interface SentenceUnit {
  text: string;
  source: string;
  articleId: string;
  /** Index of the independent report (syndicated copies share one). */
  report: number;
  /** 0 for the first usable body sentence; -1 for the title. */
  position: number;
  isTitle: boolean;
  /** The title or one of the first two usable body sentences. */
  isLead: boolean;
  /** Mostly the words of a quotation: evidence, never a point or summary line of its own. */
  quoted: boolean;
  /** May stand as a point or a summary sentence. */
  pointable: boolean;
  /** Name terms ("@rubio"), places included. */
  names: Set<string>;
  /** The name terms that belong to places: context, not actors. */
  places: Set<string>;
  /** One key per person, organisation or place mentioned (see `nameMentions`). */
  mentions: Set<string>;
  /** Figures ("#5.7", "#120000"). */
  figures: Set<string>;
  stems: Set<string>;
  /**
   * What the sentence says happened: content stems that are not names, places, figures, dates
   * or titles ("meet", "recall"). Two sentences sharing only names do not state the same point.
   */
  predicates: Set<string>;
  /** Time expressions ("july", "wednesday", "last-week"): two points set at different times are different events. */
  times: Set<string>;
  /**
   * For the title and lead sentences: the report's main event, read from its title and first
   * sentence together (a headline names the actors, the lead adds the day).
   */
  event?: MainEvent;
  vector: Map<string, number>;
  /** Filled by the story builder: centrality, lead and name density. */
  importance: number;
  keyPointRank?: number;
}

export interface MainEvent {
  mentions: Set<string>;
  places: Set<string>;
  predicates: Set<string>;
  times: Set<string>;
}

const MIN_POINT_WORDS = 6;
const MAX_POINT_WORDS = 60;

/**
 * The usable units of one article: its title and body sentences, without captions,
 * boilerplate, removed lines, or a paragraph that only repeats the title. With `limit`, the
 * first `limit` of them: the later sentences are not read.
 */
export function sentenceUnits(
  analysis: Analysis,
  report: number,
  storyNames: ReadonlySet<string>,
  storyPlaces: ReadonlySet<string> = new Set(),
  limit = Infinity,
): SentenceUnit[] {
  const article = analysis.article;
  const removed = new Set(article.removed.map(normalise));
  const titleKey = normalise(article.title);
  const keyPoints = new Map(analysis.keyPoints.map((point, rank) => [normalise(point), rank]));
  const sentences =
    analysis.sentences.length > 0 ? analysis.sentences : article.paragraphs.map((text, paragraph) => ({ text, paragraph, start: 0 }));
  const spans = article.paragraphs.map(quotedSpans);
  // A live blog is told by its latest entries; the older ones stay for comparison only.
  const latest = latestEntryParagraphs(article.paragraphs);
  const units: SentenceUnit[] = [];
  if (article.title.trim().length > 0) {
    units.push(makeUnit(article.title, analysis, report, -1, true, false, storyNames, storyPlaces));
  }
  let position = 0;
  const seen = new Set<string>([titleKey]);
  const people = namedPeople(analysis);
  for (const [index, sentence] of sentences.entries()) {
    if (units.length >= limit) break;
    const printed = sentence.text.trim();
    const key = normalise(printed);
    if (key.length === 0 || seen.has(key) || removed.has(key)) continue;
    seen.add(key);
    if (looksLikeCaption(printed) || looksLikeBoilerplate(printed)) continue;
    const count = wordCount(printed);
    if (count < 3) continue;
    const quoted = quotedShareInParagraph(sentence, spans[sentence.paragraph]) >= 0.5;
    // What a briefing may show: whole, clean, and readable without the sentence before it.
    const told = latest === undefined || latest.has(sentence.paragraph);
    const entry = latest === undefined ? printed : withoutEntryTime(printed);
    const shown = quoted || !told ? undefined : showable(entry, sentences[index - 1]?.text, isParagraphEnd(sentences, index), people);
    const text = shown ?? printed;
    const pointable = shown !== undefined && count >= MIN_POINT_WORDS && count <= MAX_POINT_WORDS && !/[?:]$/.test(printed);
    const unit = makeUnit(text, analysis, report, position, false, pointable, storyNames, storyPlaces);
    unit.isLead = position < 2;
    unit.quoted = quoted;
    const rank = keyPoints.get(key);
    if (rank !== undefined) unit.keyPointRank = rank;
    units.push(unit);
    position += 1;
  }
  attachMainEvent(units);
  return units;
}

/**
 * The sentence as a briefing shows it, or undefined when it cannot be shown: markup or glued
 * sentences left in it, a quote cut open, text cut off, an opener pointing at nothing shown.
 * A paragraph's last sentence that only lost its stop gets one.
 */
function showable(text: string, previous: string | undefined, paragraphEnd: boolean, people: ReturnType<typeof namedPeople>): string | undefined {
  if (hasMarkup(text) || (hasOnlyAsciiLetters(text) ? ASCII_GLUED : GLUED).test(text)) return undefined;
  if ((text.match(/["“”]/g)?.length ?? 0) % 2 === 1) return undefined;
  const ending = sentenceEnding(text);
  if (ending === 'cut') return undefined;
  const closed = ending === 'finished' ? text : paragraphEnd ? closeOpenSentence(text) : undefined;
  if (closed === undefined) return undefined;
  return standAlone(closed, previous, people);
}

/** Two sentences with no space between them ("exciting.Nusaybah"). */
const GLUED = /\p{Ll}{2,}[.!?]\p{Lu}\p{Ll}/u;
const ASCII_GLUED = /[a-z]{2,}[.!?][A-Z][a-z]/;

function attachMainEvent(units: SentenceUnit[]): void {
  const title = units.find((u) => u.isTitle);
  const lead = units.find((u) => !u.isTitle && u.position === 0);
  const parts = [title, lead].filter((u): u is SentenceUnit => u !== undefined);
  if (parts.length === 0) return;
  const event: MainEvent = {
    mentions: new Set(parts.flatMap((u) => [...u.mentions])),
    places: new Set(parts.flatMap((u) => [...u.places])),
    predicates: new Set(parts.flatMap((u) => [...u.predicates])),
    times: new Set(parts.flatMap((u) => [...u.times])),
  };
  for (const unit of units) if (unit.isLead) unit.event = event;
  // A headline seldom says when; its lead does, and the headline tells of that same moment.
  if (title !== undefined && lead !== undefined && title.times.size === 0) title.times = new Set(lead.times);
}

function makeUnit(
  text: string,
  analysis: Analysis,
  report: number,
  position: number,
  isTitle: boolean,
  pointable: boolean,
  storyNames: ReadonlySet<string>,
  storyPlaces: ReadonlySet<string>,
): SentenceUnit {
  const names = new Set<string>();
  const places = new Set<string>();
  const figures = new Set<string>();
  const stems = new Set<string>();
  const tokens = words(text);
  for (const term of textTerms(text, storyNames, {}, tokens)) {
    if (term.startsWith('@')) {
      names.add(term);
      if (storyPlaces.has(term)) places.add(term);
    } else if (term.startsWith('#')) {
      figures.add(term);
      stems.add(term);
    } else stems.add(term);
  }
  // Titles ("secretary", "minister") describe the actors, not what they did.
  const titleStems = new Set(tokens.filter(isTitleWord).map(stem));
  const predicates = new Set([...stems].filter((term) => !term.startsWith('#') && !titleStems.has(term)));
  return {
    text,
    source: analysis.article.source,
    articleId: analysis.article.id,
    report,
    position,
    isTitle,
    isLead: isTitle,
    quoted: false,
    pointable,
    names,
    places,
    mentions: nameMentions(text, storyNames),
    figures,
    stems,
    predicates,
    times: timeExpressions(text, tokens),
    vector: new Map(),
    importance: 0,
  };
}

/** Weighs every unit's terms by inverse frequency among the story's units; unit length. */
export function weighUnits(units: SentenceUnit[]): void {
  const df = new Map<string, number>();
  for (const unit of units) {
    for (const term of unit.names) df.set(term, (df.get(term) ?? 0) + 1);
    for (const term of unit.stems) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const total = units.length + 1;
  for (const unit of units) {
    const vector = new Map<string, number>();
    let norm = 0;
    for (const term of [...unit.names, ...unit.stems]) {
      const weight = Math.log(total / (df.get(term) ?? 1)) + 0.5;
      vector.set(term, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [term, weight] of vector) vector.set(term, weight / norm);
    unit.vector = vector;
  }
}

/**
 * Share of a sentence inside quotation marks, read from its paragraph: a sentence in the middle
 * of a multi-sentence quote has no marks of its own.
 */
function quotedShareInParagraph(sentence: { text: string; start: number }, spans: Array<[number, number]> | undefined): number {
  const length = sentence.text.length;
  if (length === 0) return 0;
  if (spans === undefined) return quotedSpans(sentence.text).reduce((sum, [a, b]) => sum + (b - a), 0) / length;
  const end = sentence.start + length;
  let inside = 0;
  for (const [a, b] of spans) inside += Math.max(0, Math.min(b, end) - Math.max(a, sentence.start));
  return inside / length;
}

/**
 * Name terms ("@kyiv") of the places the analyses found, minus any word that is also part of
 * a person's or organisation's name, so "Washington" the capital does not hide a Mr Washington.
 */
export function placeTerms(analyses: Analysis[]): Set<string> {
  const places = new Set<string>();
  const others = new Set<string>();
  for (const analysis of analyses) {
    for (const entity of analysis.entities) {
      const target = entity.type === 'place' ? places : others;
      for (const form of [entity.name, ...entity.aliases]) for (const word of words(form)) target.add('@' + foldNameToken(word));
    }
  }
  for (const term of others) places.delete(term);
  return places;
}

function normalise(text: string): string {
  if (hasOnlyAsciiLetters(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  // Letters of every script: a Russian or Greek sentence is not empty.
  return foldText(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Number of elements two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let count = 0;
  for (const item of small) if (large.has(item)) count += 1;
  return count;
}
