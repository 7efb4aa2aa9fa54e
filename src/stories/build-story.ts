import type { Analysis } from '../analyze/types.ts';
import { nameKeys } from './article-terms.ts';
import { comparePoints } from './compare/agreed-only-in.ts';
import { newPoints } from './compare/new-points.ts';
import { placeTerms, sentenceUnits, weighUnits, type SentenceUnit } from './sentence-units.ts';
import { articleTime, cosine, storyIdFor } from './cluster/story-clusters.ts';
import { mergeStoryPeople, surnameKey, type MergedStoryPerson } from './people.ts';
import { rankUnits, selectSummary } from './summary.ts';
import { independentReports } from './cluster/syndication.ts';
import { wordCount } from '../core/word-count.ts';
import type { Story, StoryArticleRef, StoryQuote } from './types.ts';
import { NewsbotError } from '../core/errors.ts';

export interface BuildStoryOptions {
  /** Points of the previous briefing of the same schedule; `new` lists what they do not say. */
  previousPoints?: string[];
  /** When the previous briefing was posted (ISO): articles published later are its news. */
  previousAt?: string;
  maxAgreed?: number;
  maxOnlyInPerSource?: number;
  maxPeople?: number;
  maxQuotes?: number;
}

/** What buildStory adds beyond the printed contract: how many independent reports the story has. */
export interface BuiltStory extends Story {
  independentSources: number;
  /** Outlets that carried another outlet's report (wire copy, syndication): copy -> original. */
  syndicated: Record<string, string>;
}

/** A story that cannot be built from what was given; `code` says which input was wrong. */
export class StoryError extends NewsbotError<'E_EMPTY_CLUSTER'> {}

const DEFAULT_MAX_PEOPLE = 8;
const DEFAULT_MAX_QUOTES = 3;
/** A summary candidate this close in wording to a point shown below would say it twice. */
const SUMMARY_NEAR_COPY = 0.9;
/** Comparison is quadratic in sentences: a big story compares its leading reports, lead-first. */
const MAX_COMPARED_ARTICLES = 12;
const MAX_UNITS_PER_ARTICLE = 30;

/**
 * Builds one story from a cluster of analyses: headline, summary, points every independent
 * report states (`agreed`), points only one report states (`onlyIn`, keyed by its outlet),
 * what the previous briefing did not say (`new`), merged people and notable quotes.
 * Wire copies count as one report: a point they share is not "agreed".
 */
export function buildStory(cluster: Analysis[], options: BuildStoryOptions = {}): BuiltStory {
  const analyses = [...cluster].sort(
    (a, b) => articleTime(a, Infinity) - articleTime(b, Infinity) || (a.article.id < b.article.id ? -1 : 1),
  );
  const first = analyses[0];
  if (first === undefined) throw new StoryError('E_EMPTY_CLUSTER', 'buildStory needs at least one article: pass a non-empty cluster.');
  const reports = independentReports(analyses);
  const storyNames = nameKeys(analyses);
  const places = placeTerms(analyses);
  const compared = comparedArticles(analyses, reports);
  const units = compared.flatMap((i) => {
    const analysis = analyses[i];
    return analysis === undefined ? [] : sentenceUnits(analysis, reports[i] ?? i, storyNames, places, MAX_UNITS_PER_ARTICLE);
  });
  weighUnits(units);
  const ranked = rankUnits(units);

  const reportCount = new Set(reports).size;
  const reportSources = sourcesByReport(analyses, reports);
  // Each section owns its sentences, so none is shown twice: "new" (what the last briefing of a
  // story it told did not say) first, then the comparison (agreed, only in), then the summary
  // from the central sentences left, never a close copy of one shown below it.
  const fresh = newPoints(
    ranked.map((u) => u.text),
    units,
    analyses,
    options.previousPoints,
    storyNames,
    places,
    options.previousAt,
  );
  const freshTexts = new Set(fresh);
  const comparable = ranked.filter((u) => !freshTexts.has(u.text));
  // Agreed points first: they name who did what, as all reports tell it.
  const { agreed, shown: agreedUnits } = comparePoints(units, comparable, reportCount, reportSources, { ...options, maxOnlyInPerSource: 0 });
  const agreedShown = agreedUnits.filter((u) => agreed.some((a) => a.point === u.text));
  const summaryPool = comparable.filter(
    (u) => !agreedShown.some((s) => s.text === u.text || cosine(s.vector, u.vector) >= SUMMARY_NEAR_COPY),
  );
  const summaryUnits = selectSummary(summaryPool, analyses.length > 1 || ranked.length > 4 ? 3 : 2);
  const summaryTexts = new Set(summaryUnits.map((u) => u.text));
  const { onlyIn } = comparePoints(units, comparable, reportCount, reportSources, { ...options, shownElsewhere: summaryTexts });
  const summary = summaryUnits.map((u) => u.text);
  const people = mergeStoryPeople(analyses);

  const story: BuiltStory = {
    id: storyIdFor(first.article.id),
    headline: chooseHeadline(analyses, units),
    articles: analyses.map(articleRef),
    summary,
    agreed,
    onlyIn,
    new: fresh,
    people: people.slice(0, options.maxPeople ?? DEFAULT_MAX_PEOPLE).map(({ name, role, aliases }) =>
      role === undefined ? { name, aliases } : { name, role, aliases },
    ),
    quotes: notableQuotes(analyses, people, options.maxQuotes ?? DEFAULT_MAX_QUOTES),
    independentSources: reportCount,
    syndicated: syndicatedCopies(analyses, reports),
  };
  const latest = analyses.map((a) => articleTime(a, Number.NaN)).filter(Number.isFinite);
  if (latest.length > 0) story.updatedAt = new Date(Math.max(...latest)).toISOString();
  return story;
}

/** Indices of the articles to compare: the first article of each report, then the rest, capped. */
function comparedArticles(analyses: Analysis[], reports: number[]): number[] {
  const firsts: number[] = [];
  const rest: number[] = [];
  const seen = new Set<number>();
  analyses.forEach((_, i) => {
    const report = reports[i] ?? i;
    if (seen.has(report)) rest.push(i);
    else {
      seen.add(report);
      firsts.push(i);
    }
  });
  return [...firsts, ...rest].slice(0, MAX_COMPARED_ARTICLES).sort((a, b) => a - b);
}

function articleRef(analysis: Analysis): StoryArticleRef {
  const { id, title, source, url, publishedAt } = analysis.article;
  const ref: StoryArticleRef = { id, title, source };
  if (url !== undefined) ref.url = url;
  if (publishedAt !== undefined) ref.publishedAt = publishedAt;
  return ref;
}

function sourcesByReport(analyses: Analysis[], reports: number[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  analyses.forEach((analysis, i) => {
    const report = reports[i] ?? i;
    const list = map.get(report) ?? [];
    if (!list.includes(analysis.article.source)) list.push(analysis.article.source);
    map.set(report, list);
  });
  return map;
}

function syndicatedCopies(analyses: Analysis[], reports: number[]): Record<string, string> {
  const original = new Map<number, string>();
  const copies: Record<string, string> = {};
  analyses.forEach((analysis, i) => {
    const report = reports[i] ?? i;
    const first = original.get(report);
    if (first === undefined) original.set(report, analysis.article.source);
    else if (first !== analysis.article.source) copies[analysis.article.source] = first;
  });
  return copies;
}

function chooseHeadline(analyses: Analysis[], units: SentenceUnit[]): string {
  const titles = units.filter((u) => u.isTitle);
  if (titles.length <= 1) return titles[0]?.text ?? analyses[0]?.article.title ?? '';
  let best = titles[0];
  let bestScore = -1;
  for (const title of titles) {
    const score = titles.reduce((sum, other) => (other === title ? sum : sum + sharedTerms(title, other)), 0);
    if (score > bestScore) {
      bestScore = score;
      best = title;
    }
  }
  return best?.text ?? '';
}

function sharedTerms(a: SentenceUnit, b: SentenceUnit): number {
  let count = 0;
  for (const term of a.vector.keys()) if (b.vector.has(term)) count += 1;
  return count;
}

function notableQuotes(analyses: Analysis[], people: MergedStoryPerson[], max: number): StoryQuote[] {
  const byKey = new Map(people.map((p) => [p.key, p]));
  const candidates: Array<StoryQuote & { score: number }> = [];
  for (const analysis of analyses) {
    for (const quote of analysis.quotes) {
      if (quote.partial || quote.speaker === null) continue;
      const length = wordCount(quote.text);
      if (length < 6) continue;
      const person = byKey.get(surnameKey(quote.speaker));
      const speaker = person?.name ?? quote.speaker;
      const prominence = person === undefined ? 0 : Math.log(1 + person.mentions);
      const lengthScore = length > 45 ? 0.5 : Math.min(1, length / 15);
      const text = wholeQuote(quote.text);
      if (text === undefined) continue;
      const item: StoryQuote & { score: number } = { text, speaker, source: analysis.article.source, score: prominence + lengthScore };
      if (analysis.article.url !== undefined) item.url = analysis.article.url;
      candidates.push(item);
    }
  }
  candidates.sort((a, b) => b.score - a.score);
  const chosen: Array<StoryQuote & { score: number }> = [];
  for (const candidate of candidates) {
    if (chosen.length >= max) break;
    if (chosen.some((c) => c.text === candidate.text)) continue;
    // Prefer a new voice or a new outlet before a second quote from the same pair.
    if (chosen.some((c) => c.speaker === candidate.speaker && c.source === candidate.source) && candidates.length > max * 2) continue;
    chosen.push(candidate);
  }
  return chosen.map(({ score: _score, ...quote }) => quote);
}

/**
 * A quote as a briefing shows it: whole, its attribution outside the marks. A pull quote that
 * carried its credit inside (`…super exciting,'' said Nusaybah.`) loses the credit; a quote with
 * a mark left open inside it was cut in two and is not shown. Undefined when it cannot be shown.
 */
export function wholeQuote(raw: string): string | undefined {
  let text = raw.trim();
  const credited = /^(.*?\S)\s*(?:''|["\u201d\u2019])\s*,?\s+(?:said|says|added|told|wrote|asked|explained|according to)\b[^"\u201c\u201d]*$/iu.exec(text);
  if (credited?.[1] !== undefined) text = credited[1];
  // A quote cut before its attribution ends in a comma ("...held up well," she said).
  text = text.replace(/[,;:]$/, '').trim();
  if ((text.match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1) return undefined;
  if (/''|``/.test(text) || /<\/?[a-z][^>]*>|&#?\w+;/i.test(text)) return undefined;
  return text.length > 0 ? text : undefined;
}
