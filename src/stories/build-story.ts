import type { Analysis } from '../analyze/types.ts';
import { nameKeys } from './article-terms.ts';
import { pointSimilarity, predicateCosine, samePoint } from './compare/point-matching.ts';
import { placeTerms, sentenceUnits, weighUnits, type SentenceUnit } from './sentence-units.ts';
import { articleTime, cosine, storyIdFor } from './cluster/story-clusters.ts';
import { mergeStoryPeople, surnameKey, type MergedStoryPerson } from './people.ts';
import { rankUnits, selectSummary } from './summary.ts';
import { independentReports } from './cluster/syndication.ts';
import { wordCount } from './text.ts';
import type { AgreedPoint, Story, StoryArticleRef, StoryQuote } from './types.ts';

export interface BuildStoryOptions {
  /** Points of the previous briefing of the same schedule; `new` lists what they do not say. */
  previousPoints?: string[];
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
export class StoryError extends Error {
  constructor(
    readonly code: 'empty_cluster',
    message: string,
  ) {
    super(message);
    this.name = `StoryError[${code}]`;
  }
}

const DEFAULT_MAX_AGREED = 5;
const DEFAULT_MAX_ONLY_IN = 3;
const DEFAULT_MAX_PEOPLE = 8;
const DEFAULT_MAX_QUOTES = 3;
const MAX_NEW = 5;
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
  if (first === undefined) throw new StoryError('empty_cluster', 'buildStory needs at least one article: pass a non-empty cluster.');
  const reports = independentReports(analyses);
  const storyNames = nameKeys(analyses);
  const places = placeTerms(analyses);
  const compared = comparedArticles(analyses, reports);
  const units = compared.flatMap((i) => {
    const analysis = analyses[i];
    return analysis === undefined ? [] : sentenceUnits(analysis, reports[i] ?? i, storyNames, places).slice(0, MAX_UNITS_PER_ARTICLE);
  });
  weighUnits(units);
  const ranked = rankUnits(units);

  const reportCount = new Set(reports).size;
  const reportSources = sourcesByReport(analyses, reports);
  const summaryUnits = selectSummary(ranked, analyses.length > 1 || ranked.length > 4 ? 3 : 2);
  const { agreed, onlyIn } = comparePoints(units, ranked, reportCount, reportSources, options);
  const summary = summaryUnits.map((u) => u.text);
  const people = mergeStoryPeople(analyses);

  const story: BuiltStory = {
    id: storyIdFor(first.article.id),
    headline: chooseHeadline(analyses, units),
    articles: analyses.map(articleRef),
    summary,
    agreed,
    onlyIn,
    new: newPoints(
      [...summary, ...agreed.map((a) => a.point), ...Object.values(onlyIn).flat()],
      units,
      analyses,
      options.previousPoints,
      storyNames,
      places,
    ),
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

/**
 * agreed: a point some other independent report also states (best match per report);
 * onlyIn: a report's most important points that no other report states.
 */
function comparePoints(
  units: SentenceUnit[],
  ranked: SentenceUnit[],
  reportCount: number,
  reportSources: Map<number, string[]>,
  options: BuildStoryOptions,
): { agreed: AgreedPoint[]; onlyIn: Record<string, string[]> } {
  const agreed: AgreedPoint[] = [];
  const onlyIn: Record<string, string[]> = {};
  const outlets = new Set([...reportSources.values()].flat());
  // One outlet alone, or one report under several names, has nothing to compare with.
  if (reportCount < 2 || outlets.size < 2) return { agreed, onlyIn };
  const maxAgreed = options.maxAgreed ?? DEFAULT_MAX_AGREED;
  const maxOnlyIn = options.maxOnlyInPerSource ?? DEFAULT_MAX_ONLY_IN;
  const used = new Set<SentenceUnit>();
  const agreedUnits: SentenceUnit[] = [];
  const unsupported: SentenceUnit[] = [];

  for (const point of ranked) {
    if (used.has(point)) continue;
    // Best match per other report among sentences not yet backing an agreed point; a point whose
    // only matches already back one is the same fact again, not a second point.
    const fresh = new Map<number, SentenceUnit>();
    const bestScore = new Map<number, number>();
    let supported = false;
    for (const other of units) {
      if (other.report === point.report) continue;
      const score = pointSimilarity(point, other);
      if (score <= 0) continue;
      supported = true;
      if (used.has(other)) continue;
      if (score > (bestScore.get(other.report) ?? 0)) {
        bestScore.set(other.report, score);
        fresh.set(other.report, other);
      }
    }
    if (!supported) {
      unsupported.push(point);
      continue;
    }
    used.add(point);
    if (fresh.size === 0 || agreedUnits.length >= maxAgreed || agreedUnits.some((a) => samePoint(a, point))) continue;
    const group = [point, ...fresh.values()];
    const sources = [...new Set(group.flatMap((u) => reportSources.get(u.report) ?? [u.source]))];
    // Two reports by one outlet (a story and its follow-up) are still one source's word.
    if (sources.length < 2) continue;
    for (const unit of group) used.add(unit);
    const representative = group
      .filter((u) => u.pointable)
      .sort((a, b) => b.names.size - a.names.size || b.importance - a.importance)[0] ?? point;
    agreedUnits.push(representative);
    agreed.push({ point: representative.text, sources });
  }

  // What only one report has is best shown by the points naming people and places no other report names.
  const namesByReport = new Map<number, Set<string>>();
  for (const unit of units) {
    const set = namesByReport.get(unit.report) ?? new Set<string>();
    for (const name of unit.names) set.add(name);
    namesByReport.set(unit.report, set);
  }
  const exclusiveNames = (point: SentenceUnit): number =>
    [...point.names].filter((name) => ![...namesByReport].some(([report, set]) => report !== point.report && set.has(name))).length;
  const distinctive = unsupported
    .map((point) => ({ point, score: 0.5 * point.importance + 0.5 * Math.min(1, exclusiveNames(point) / 3) }))
    .sort((a, b) => b.score - a.score)
    .map(({ point }) => point);
  const listed: SentenceUnit[] = [];
  for (const point of distinctive) {
    if (used.has(point) || agreedUnits.some((a) => a.report !== point.report && samePoint(a, point))) continue;
    const source = reportSources.get(point.report)?.[0] ?? point.source;
    const list = onlyIn[source] ?? [];
    if (list.length >= maxOnlyIn || listed.some((other) => other === point || other.text === point.text || samePoint(other, point))) continue;
    listed.push(point);
    list.push(point.text);
    onlyIn[source] = list;
  }
  return { agreed, onlyIn };
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

/**
 * Points not matched by any point of the previous briefing. The articles published after the
 * newest article the previous briefing drew on are what happened since: their points lead, then
 * the rest, newest article first. A point is "already said" only when an old point states it
 * (same predicate, close wording), not when it merely names the same people.
 */
function newPoints(
  points: string[],
  units: SentenceUnit[],
  analyses: Analysis[],
  previous: string[] | undefined,
  storyNames: ReadonlySet<string>,
  places: ReadonlySet<string>,
): string[] {
  const unique = [...new Set(points)];
  if (previous === undefined) return unique.slice(0, 3);
  if (previous.length === 0) return unique.slice(0, MAX_NEW);
  const times = new Map(analyses.map((a) => [a.article.id, articleTime(a, 0)]));
  const freshArticles = articlesSinceBriefing(units, previous, times);
  const articleOf = new Map(units.map((u) => [u.text, u.articleId]));
  const freshTexts = units
    .filter((u) => freshArticles.has(u.articleId) && u.pointable)
    .sort((a, b) => (times.get(b.articleId) ?? 0) - (times.get(a.articleId) ?? 0) || a.position - b.position)
    .map((u) => u.text);
  const candidates = [...new Set([...freshTexts, ...unique])];

  const fake = { article: { id: 'p', source: '', title: '', paragraphs: [], removed: [] }, sentences: [], entities: [], quotes: [], keyPoints: [] };
  const toUnits = (texts: string[], report: number): SentenceUnit[] =>
    texts.map((text) => {
      const unit = sentenceUnits({ ...fake, sentences: [{ text, paragraph: 0, start: 0 }] }, report, storyNames, places).find((u) => !u.isTitle);
      return unit === undefined ? undefined : { ...unit, isLead: false, event: undefined };
    }).filter((u): u is SentenceUnit & { event: undefined } => u !== undefined) as SentenceUnit[];
  const current = toUnits(candidates, 0);
  const before = toUnits(previous, 1);
  weighUnits([...current, ...before]);
  const said = new Set(previous);
  // A report from after the briefing has to restate an old point closely to be old news; an older
  // report's point the briefing matched by content was already told.
  const isFresh = (unit: SentenceUnit): boolean => freshArticles.has(articleOf.get(unit.text) ?? '');
  const alreadySaid = (unit: SentenceUnit): boolean =>
    said.has(unit.text) ||
    before.some(
      (old) =>
        samePoint(unit, old) &&
        (!isFresh(unit) || predicateCosine(unit, old) >= NEW_POINT_SAME_PREDICATE || cosine(unit.vector, old.vector) >= NEW_POINT_SAME_WORDING),
    );
  const chosen: SentenceUnit[] = [];
  for (const unit of current) {
    if (alreadySaid(unit) || chosen.some((c) => samePoint(c, unit))) continue;
    chosen.push(unit);
  }
  return chosen
    .map((unit, order) => {
      const article = articleOf.get(unit.text);
      return { text: unit.text, order, fresh: article !== undefined && freshArticles.has(article), time: times.get(article ?? '') ?? 0 };
    })
    .sort((a, b) => Number(b.fresh) - Number(a.fresh) || b.time - a.time || a.order - b.order)
    .slice(0, MAX_NEW)
    .map((p) => p.text);
}

/** An old point counts as the same when it shares this much of the predicate, by weight... */
const NEW_POINT_SAME_PREDICATE = 0.3;
/** ...or this much of the whole wording. */
const NEW_POINT_SAME_WORDING = 0.6;

/**
 * Articles published after the newest article the previous briefing quoted a sentence from: the
 * news since that briefing. None when the previous briefing quoted none of the story's articles.
 */
function articlesSinceBriefing(units: SentenceUnit[], previous: string[], times: Map<string, number>): Set<string> {
  const said = new Set(previous);
  const known = new Set(units.filter((u) => said.has(u.text)).map((u) => u.articleId));
  if (known.size === 0) return new Set();
  const cutoff = Math.max(...[...known].map((id) => times.get(id) ?? 0));
  return new Set(units.filter((u) => !known.has(u.articleId) && (times.get(u.articleId) ?? 0) > cutoff).map((u) => u.articleId));
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
      // A quote cut before its attribution ends in a comma ("...held up well," she said).
      const text = quote.text.trim().replace(/[,;:]$/, '');
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
