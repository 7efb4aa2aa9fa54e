import { createHash } from 'node:crypto';
import type { Analysis } from '../../analyze/types.ts';
import { articleNameKeys, textTerms } from '../article-terms.ts';
import { words } from '../text.ts';

export interface ClusterOptions {
  /** A story closes when no article joined it for this long (hours). Default 72. */
  quietHours?: number;
  /** Minimum similarity for an article to join a story. Default 0.18. */
  threshold?: number;
  /** Time used for articles without publishedAt (ms since epoch). Default: none, so time neither helps nor hurts them. */
  undatedAt?: number;
}

export const DEFAULT_QUIET_HOURS = 72;
export const DEFAULT_JOIN_THRESHOLD = 0.18;

const HOUR = 3_600_000;
/** Terms per article that go into the inverted index: enough to find a story, few enough to stay fast. */
const INDEXED_TERMS = 12;
/** Candidates scored exactly per new article, most shared index terms first. */
const MAX_CANDIDATES = 25;
const NAME_BOOST = 1.6;
const TITLE_REPEAT = 2;
const TIME_SCALE_HOURS = 120;
const SAME_OUTLET_FACTOR = 1.4;
/** An article joining a story must reach this share of the threshold on average over its recent members. */
const MEAN_FACTOR = 0.8;
const MEMBERS_CHECKED = 20;

/**
 * Term ids and document frequencies, counted as articles arrive; idf is smoothed so early
 * articles are not extreme. Ids keep vectors as sorted integer arrays, which compare fast.
 */
export class TermFrequencies {
  readonly #ids = new Map<string, number>();
  readonly #names: boolean[] = [];
  readonly #df: number[] = [];
  /** Per term, the last document that counted it: dedupes a document's terms without a Set. */
  readonly #lastDocument: number[] = [];
  #documents = 0;

  /** The id of a term, allocated on first sight. */
  intern(term: string): number {
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#names.length;
      this.#ids.set(term, id);
      this.#names.push(term.startsWith('@'));
      this.#df.push(0);
      this.#lastDocument.push(-1);
    }
    return id;
  }

  /** Counts one document's terms and returns their ids, repeats kept. */
  add(terms: readonly string[]): Int32Array {
    const ids = this.lookup(terms);
    const document = this.#documents;
    this.#documents += 1;
    for (const id of ids) {
      if (this.#lastDocument[id] === document) continue;
      this.#lastDocument[id] = document;
      this.#df[id] = (this.#df[id] ?? 0) + 1;
    }
    return ids;
  }

  /** Ids of a document's terms without counting it. */
  lookup(terms: readonly string[]): Int32Array {
    const ids = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i += 1) ids[i] = this.intern(terms[i] ?? '');
    return ids;
  }

  idf(id: number): number {
    return Math.log((this.#documents + 1) / ((this.#df[id] ?? 0) + 0.5)) + 1;
  }

  isName(id: number): boolean {
    return this.#names[id] ?? false;
  }

  get documents(): number {
    return this.#documents;
  }
}

/** A unit-length sparse vector: term ids ascending, with their weights. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
}

const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

/** One article prepared for clustering: its weighted term vector and what else links stories. */
export interface ArticleProfile {
  analysis: Analysis;
  time: number;
  /** Raw terms (title counted twice); emptied once the vector is built. */
  terms: string[];
  /** Term ids of `terms`, when document frequencies were counted beforehand. */
  termIds?: Int32Array;
  vector: SparseVector;
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
  return { analysis, time, terms, vector: EMPTY_VECTOR, quoteKeys };
}

/** Fills `profile.vector`: sublinear tf x idf, names boosted, unit length. */
export function weigh(profile: ArticleProfile, frequencies: TermFrequencies): void {
  const all = (profile.termIds ?? frequencies.lookup(profile.terms)).slice().sort();
  const ids: number[] = [];
  const weights: number[] = [];
  let norm = 0;
  for (let i = 0; i < all.length; ) {
    const id = all[i] ?? 0;
    let j = i;
    while (j < all.length && all[j] === id) j += 1;
    const weight = (1 + Math.log(j - i)) * frequencies.idf(id) * (frequencies.isName(id) ? NAME_BOOST : 1);
    ids.push(id);
    weights.push(weight);
    norm += weight * weight;
    i = j;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < weights.length; k += 1) weights[k] = (weights[k] ?? 0) / norm;
  profile.vector = { ids: Int32Array.from(ids), weights: Float64Array.from(weights) };
}

/** Cosine of two unit sparse vectors (a merge of the sorted ids). */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      sum += a.weights[i]! * b.weights[j]!;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return sum;
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
  let score = sparseCosine(a.vector, b.vector);
  let sharedQuotes = 0;
  for (const key of a.quoteKeys) if (b.quoteKeys.has(key)) sharedQuotes += 1;
  score += Math.min(0.3, 0.15 * sharedQuotes);
  const hours = Math.abs(a.time - b.time) / HOUR;
  // Coverage of one event spreads over a day or two; the same actors weeks apart are a new event.
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
  readonly #postings = new Map<number, number[]>();
  #indexedSinceCompaction = 0;
  #firstPossiblyOpen = 0;

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
    if (!this.#fixedFrequencies) profile.termIds = this.#frequencies.add(profile.terms);
    weigh(profile, this.#frequencies);
    // The raw terms were only needed for the weights; a long run should not keep them.
    profile.terms = [];
    delete profile.termIds;
    const index = this.#profiles.length;
    this.#profiles.push(profile);
    const strongest = strongestTerms(profile.vector, INDEXED_TERMS);

    const hits = new Map<number, number>();
    for (const [term, weight] of strongest) {
      const list = this.#postings.get(term);
      if (list === undefined) continue;
      for (const other of list) hits.set(other, (hits.get(other) ?? 0) + weight);
    }
    const candidates = [...hits.entries()].sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES);

    // Best pair score per open story among the candidates.
    const byStory = new Map<OpenStory, number>();
    for (const [other] of candidates) {
      const story = this.#stories[this.#storyOf[other] ?? -1];
      if (story === undefined || !this.#isOpen(story, profile.time)) continue;
      const otherProfile = this.#profiles[other];
      if (otherProfile === undefined) continue;
      const score = this.#pairScore(profile, otherProfile);
      if (score > (byStory.get(story) ?? -1)) byStory.set(story, score);
    }
    let bestStory: OpenStory | undefined;
    const ranked = [...byStory.entries()].filter(([, score]) => score >= this.#threshold).sort((x, y) => y[1] - x[1]);
    for (const [story] of ranked) {
      if (this.#fitsWhole(profile, story)) {
        bestStory = story;
        break;
      }
    }

    if (bestStory === undefined) {
      // An undated article's story has no clock: it stays open (NaN never exceeds the window).
      bestStory = { id: storyIdFor(profile.analysis.article.id), index: this.#stories.length, members: [], lastTime: profile.time };
      this.#stories.push(bestStory);
    }
    bestStory.members.push(index);
    if (Number.isFinite(profile.time) && !(profile.time <= bestStory.lastTime)) bestStory.lastTime = profile.time;
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

  #pairScore(profile: ArticleProfile, other: ArticleProfile): number {
    const score = articleSimilarity(profile, other);
    // One outlet's articles share templates and boilerplate, so they must be closer to count as one event.
    return other.analysis.article.source === profile.analysis.article.source ? score / SAME_OUTLET_FACTOR : score;
  }

  /**
   * Whether the article resembles the story as a whole, not just one member: without this,
   * stories on one topic chain into each other one close pair at a time.
   */
  #fitsWhole(profile: ArticleProfile, story: OpenStory): boolean {
    if (story.members.length < 2) return true;
    const recent = story.members.slice(-MEMBERS_CHECKED);
    let total = 0;
    for (const member of recent) {
      const other = this.#profiles[member];
      if (other !== undefined) total += this.#pairScore(profile, other);
    }
    return total / recent.length >= MEAN_FACTOR * this.#threshold;
  }

  #isOpen(story: OpenStory, time: number): boolean {
    return !(time - story.lastTime > this.#quietMs);
  }

  /**
   * Drops closed stories' articles from the index, and their vectors, so a long run keeps
   * memory for the open window only.
   */
  #compact(time: number): void {
    this.#indexedSinceCompaction = 0;
    for (const story of this.#stories.slice(this.#firstPossiblyOpen)) {
      if (this.#isOpen(story, time)) continue;
      for (const member of story.members) {
        const profile = this.#profiles[member];
        if (profile !== undefined) profile.vector = EMPTY_VECTOR;
      }
    }
    while (this.#firstPossiblyOpen < this.#stories.length && !this.#isOpen(this.#stories[this.#firstPossiblyOpen]!, time)) this.#firstPossiblyOpen += 1;
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

function strongestTerms(vector: SparseVector, count: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < vector.ids.length; i += 1) pairs.push([vector.ids[i]!, vector.weights[i]!]);
  return pairs.sort((x, y) => y[1] - x[1]).slice(0, count);
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
  const undatedAt = options.undatedAt ?? Number.NaN;
  // Dated articles in publication order, then the undated ones.
  const sortTime = (time: number): number => (Number.isFinite(time) ? time : Infinity);
  const profiles = analyses
    .map((analysis) => profileArticle(analysis, articleTime(analysis, undatedAt)))
    .sort((a, b) => sortTime(a.time) - sortTime(b.time) || compareIds(a.analysis.article.id, b.analysis.article.id));
  const frequencies = new TermFrequencies();
  for (const profile of profiles) profile.termIds = frequencies.add(profile.terms);
  const clusterer = new StoryClusterer({ ...options, frequencies });
  for (const profile of profiles) clusterer.addProfile(profile);
  return clusterer.stories().map((story) => story.analyses);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
