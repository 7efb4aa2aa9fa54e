import { createHash } from 'node:crypto';
import type { Analysis } from '../analyze/types.ts';
import { articleNameKeys, textTerms } from './article-terms.ts';
import { words } from './text.ts';

export interface ClusterOptions {
  /** A story closes when no article joined it for this long (hours). Default 72. */
  quietHours?: number;
  /** Minimum similarity for an article to join a story. Default 0.16. */
  threshold?: number;
  /** Time used for articles without publishedAt (ms since epoch). Default: the latest known time. */
  undatedAt?: number;
}

export const DEFAULT_QUIET_HOURS = 72;
export const DEFAULT_JOIN_THRESHOLD = 0.16;

const HOUR = 3_600_000;
/** Terms per article that go into the inverted index: enough to find a story, few enough to stay fast. */
const INDEXED_TERMS = 12;
/** Candidates scored exactly per new article, most shared index terms first. */
const MAX_CANDIDATES = 60;
const NAME_BOOST = 1.6;
const TITLE_REPEAT = 2;
const TIME_SCALE_HOURS = 72;

/** Document frequencies, counted as articles arrive; smoothed so early articles are not extreme. */
export class TermFrequencies {
  readonly #df = new Map<string, number>();
  #documents = 0;

  add(terms: Iterable<string>): void {
    this.#documents += 1;
    for (const term of new Set(terms)) this.#df.set(term, (this.#df.get(term) ?? 0) + 1);
  }

  idf(term: string): number {
    return Math.log((this.#documents + 1) / ((this.#df.get(term) ?? 0) + 0.5)) + 1;
  }

  get documents(): number {
    return this.#documents;
  }
}

/** One article prepared for clustering: its weighted term vector and what else links stories. */
export interface ArticleProfile {
  analysis: Analysis;
  time: number;
  terms: string[];
  vector: Map<string, number>;
  quoteKeys: Set<string>;
}

/** Builds the profile's raw terms (title counted twice); the vector is filled by `weigh`. */
export function profileArticle(analysis: Analysis, time: number): ArticleProfile {
  const names = articleNameKeys(analysis);
  const body = analysis.sentences.length > 0 ? analysis.sentences.map((s) => s.text).join(' ') : analysis.article.paragraphs.join(' ');
  const titleTerms = textTerms(analysis.article.title, names);
  const terms = textTerms(body, names);
  for (let i = 0; i < TITLE_REPEAT; i += 1) terms.push(...titleTerms);
  const quoteKeys = new Set<string>();
  for (const quote of analysis.quotes) {
    if (quote.partial) continue;
    const key = words(quote.text).slice(0, 8).join(' ');
    if (key.split(' ').length >= 5) quoteKeys.add(key);
  }
  return { analysis, time, terms, vector: new Map(), quoteKeys };
}

/** Fills `profile.vector`: sublinear tf x idf, names boosted, unit length. */
export function weigh(profile: ArticleProfile, frequencies: TermFrequencies): void {
  const tf = new Map<string, number>();
  for (const term of profile.terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  let norm = 0;
  const vector = new Map<string, number>();
  for (const [term, count] of tf) {
    const weight = (1 + Math.log(count)) * frequencies.idf(term) * (term.startsWith('@') ? NAME_BOOST : 1);
    vector.set(term, weight);
    norm += weight * weight;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [term, weight] of vector) vector.set(term, weight / norm);
  profile.vector = vector;
}

/** Cosine of two unit vectors. */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/**
 * How strongly two articles tell the same event: term cosine, lifted by shared quotes,
 * lowered as the time between them grows past a day and a half.
 */
export function articleSimilarity(a: ArticleProfile, b: ArticleProfile): number {
  let score = cosine(a.vector, b.vector);
  let sharedQuotes = 0;
  for (const key of a.quoteKeys) if (b.quoteKeys.has(key)) sharedQuotes += 1;
  score += Math.min(0.3, 0.15 * sharedQuotes);
  const hours = Math.abs(a.time - b.time) / HOUR;
  // Coverage of one event bunches within a day; the same actors days apart are usually a new event.
  if (Number.isFinite(hours)) score /= 1 + hours / TIME_SCALE_HOURS;
  return score;
}

interface OpenStory {
  id: string;
  index: number;
  members: number[];
  lastTime: number;
}

/**
 * Incremental clustering: each added article joins the most similar open story or starts one.
 * Candidates come from an inverted index over each article's strongest terms, never all pairs;
 * stories close after the quiet window and leave the index.
 */
export class StoryClusterer {
  readonly #quietMs: number;
  readonly #threshold: number;
  readonly #frequencies: TermFrequencies;
  readonly #fixedFrequencies: boolean;
  readonly #profiles: ArticleProfile[] = [];
  readonly #storyOf: number[] = [];
  readonly #stories: OpenStory[] = [];
  readonly #postings = new Map<string, number[]>();
  #indexedSinceCompaction = 0;

  constructor(options: ClusterOptions & { frequencies?: TermFrequencies } = {}) {
    this.#quietMs = (options.quietHours ?? DEFAULT_QUIET_HOURS) * HOUR;
    this.#threshold = options.threshold ?? DEFAULT_JOIN_THRESHOLD;
    this.#fixedFrequencies = options.frequencies !== undefined;
    this.#frequencies = options.frequencies ?? new TermFrequencies();
  }

  /** Adds one article (in publication order) and returns the id of the story it joined or started. */
  add(analysis: Analysis, time: number): string {
    return this.addProfile(profileArticle(analysis, time));
  }

  addProfile(profile: ArticleProfile): string {
    if (!this.#fixedFrequencies) this.#frequencies.add(profile.terms);
    weigh(profile, this.#frequencies);
    const index = this.#profiles.length;
    this.#profiles.push(profile);
    const strongest = [...profile.vector.entries()].sort((x, y) => y[1] - x[1]).slice(0, INDEXED_TERMS);

    const hits = new Map<number, number>();
    for (const [term, weight] of strongest) {
      const list = this.#postings.get(term);
      if (list === undefined) continue;
      for (const other of list) hits.set(other, (hits.get(other) ?? 0) + weight);
    }
    const candidates = [...hits.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES);

    let bestStory: OpenStory | undefined;
    let bestScore = this.#threshold;
    for (const [other] of candidates) {
      const story = this.#stories[this.#storyOf[other] ?? -1];
      if (story === undefined || !this.#isOpen(story, profile.time)) continue;
      const otherProfile = this.#profiles[other];
      if (otherProfile === undefined) continue;
      const score = articleSimilarity(profile, otherProfile);
      if (score >= bestScore) {
        bestScore = score;
        bestStory = story;
      }
    }

    if (bestStory === undefined) {
      bestStory = { id: storyIdFor(profile.analysis.article.id), index: this.#stories.length, members: [], lastTime: profile.time };
      this.#stories.push(bestStory);
    }
    bestStory.members.push(index);
    if (!(profile.time <= bestStory.lastTime)) bestStory.lastTime = profile.time;
    this.#storyOf[index] = bestStory.index;
    for (const [term] of strongest) {
      const list = this.#postings.get(term);
      if (list === undefined) this.#postings.set(term, [index]);
      else list.push(index);
    }
    this.#indexedSinceCompaction += 1;
    if (this.#indexedSinceCompaction >= 2000) this.#compact(profile.time);
    return bestStory.id;
  }

  /** Every story so far, articles in the order they were added; stories by their first article. */
  stories(): Array<{ id: string; analyses: Analysis[] }> {
    return this.#stories.map((story) => ({
      id: story.id,
      analyses: story.members.map((i) => this.#profiles[i]?.analysis).filter((a): a is Analysis => a !== undefined),
    }));
  }

  /** Profiles of one story's articles, for callers that reuse the weighted vectors. */
  profilesOf(storyId: string): ArticleProfile[] {
    const story = this.#stories.find((s) => s.id === storyId);
    return story === undefined ? [] : story.members.map((i) => this.#profiles[i]).filter((p): p is ArticleProfile => p !== undefined);
  }

  #isOpen(story: OpenStory, time: number): boolean {
    return !(time - story.lastTime > this.#quietMs);
  }

  /** Drops closed stories' articles from the index so posting lists stay short over a long run. */
  #compact(time: number): void {
    this.#indexedSinceCompaction = 0;
    for (const [term, list] of this.#postings) {
      const open = list.filter((i) => {
        const story = this.#stories[this.#storyOf[i] ?? -1];
        return story !== undefined && this.#isOpen(story, time);
      });
      if (open.length === 0) this.#postings.delete(term);
      else this.#postings.set(term, open);
    }
  }
}

/** A story's id: derived from its first article's id, so the same story keeps it across runs. */
export function storyIdFor(firstArticleId: string): string {
  return 's-' + createHash('sha1').update(firstArticleId).digest('hex').slice(0, 12);
}

export function articleTime(analysis: Analysis, fallback: number): number {
  const parsed = analysis.article.publishedAt === undefined ? Number.NaN : Date.parse(analysis.article.publishedAt);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/**
 * Groups articles that tell the same event. Returns the clusters, each in publication order,
 * clusters ordered by their first article. Articles are replayed in publication order, so the
 * result does not depend on the order given; document frequencies come from the whole batch.
 */
export function clusterArticles(analyses: Analysis[], options: ClusterOptions = {}): Analysis[][] {
  const known = analyses.map((a) => articleTime(a, Number.NaN)).filter((t) => Number.isFinite(t));
  const undatedAt = options.undatedAt ?? known.reduce((latest, t) => Math.max(latest, t), 0);
  const profiles = analyses
    .map((analysis) => profileArticle(analysis, articleTime(analysis, undatedAt)))
    .sort((a, b) => a.time - b.time || compareIds(a.analysis.article.id, b.analysis.article.id));
  const frequencies = new TermFrequencies();
  for (const profile of profiles) frequencies.add(profile.terms);
  const clusterer = new StoryClusterer({ ...options, frequencies });
  for (const profile of profiles) clusterer.addProfile(profile);
  return clusterer.stories().map((story) => story.analyses);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
