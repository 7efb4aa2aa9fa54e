import { createHash } from 'node:crypto';
import type { Analysis } from '../../analyze/types.ts';
import { articleNameKeys, dateTerms, textTerms } from '../article-terms.ts';
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
/** Names and figures indexed besides, beyond the strongest terms. */
const INDEXED_ANCHORS = 4;
/** Longest posting list an extra name or figure is looked up in. */
const MAX_ANCHOR_POSTINGS = 64;
/** Candidates scored exactly per new article, most shared index terms first. */
const MAX_CANDIDATES = 25;
const NAME_BOOST = 1.6;
const TITLE_REPEAT = 2;
/** Weight of the name-and-figure cosine added when two articles name the same day. */
const SAME_DAY_ANCHOR_WEIGHT = 0.25;
/**
 * Below this cosine of their other words, two articles that share no figure or quote count
 * only in proportion: names alone do not make one event (one governor, two announcements).
 */
const MIN_WORD_COSINE = 0.08;
/** Two articles that both name days, none of them shared, are less likely one event. */
const OTHER_DAY_FACTOR = 0.85;
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
  /** Per term, its weight boost: names, figures and dates tell events apart better than wording. */
  readonly #boosts: number[] = [];
  readonly #kinds: TermKind[] = [];
  readonly #df: number[] = [];
  /** Per term, the last document that counted it: dedupes a document's terms without a Set. */
  readonly #lastDocument: number[] = [];
  #documents = 0;

  /** The id of a term, allocated on first sight. */
  intern(term: string): number {
    if (term.charCodeAt(0) === 63) return this.#internMaybeName(term);
    let id = this.#ids.get(term);
    if (id === undefined) {
      id = this.#boosts.length;
      this.#ids.set(term, id);
      const kind = termKind(term);
      this.#kinds.push(kind);
      this.#boosts.push(KIND_BOOST[kind]);
      this.#df.push(0);
      this.#lastDocument.push(-1);
    }
    return id;
  }

  /**
   * "?key stem", a capitalised word its article did not show to be a name: the name "@key" when
   * some article so far named it ("Moreno and her caucus" opening a sentence), else the word.
   */
  #internMaybeName(term: string): number {
    const space = term.indexOf(' ');
    const name = this.#ids.get('@' + term.slice(1, space));
    return name ?? this.intern(term.slice(space + 1));
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

  kind(id: number): TermKind {
    return this.#kinds[id] ?? TermKind.Word;
  }

  boost(id: number): number {
    return this.#boosts[id] ?? 1;
  }

  get documents(): number {
    return this.#documents;
  }
}

/** What a term stands for, told by its first character ("@rojas", "#6.8", "%03-03", "quak"). */
export enum TermKind {
  Word = 0,
  Name = 1,
  Figure = 2,
  Day = 3,
}

const KIND_BOOST: Record<TermKind, number> = {
  [TermKind.Word]: 1,
  [TermKind.Name]: NAME_BOOST,
  [TermKind.Figure]: 1,
  [TermKind.Day]: 1,
};

function termKind(term: string): TermKind {
  const first = term.charCodeAt(0);
  if (first === 64) return TermKind.Name; // @
  if (first === 35) return TermKind.Figure; // #
  if (first === 37) return TermKind.Day; // %
  return TermKind.Word;
}

/** A unit-length sparse vector: term ids ascending, with their weights and kinds. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  kinds: Uint8Array;
  /** Per kind, the squared length of the vector's part of that kind (they sum to 1). */
  kindNorms: Float64Array;
}

const KINDS = 4;
const EMPTY_VECTOR = sparseVector(0);

/**
 * A vector of `length` terms, all zero. Its four arrays share one buffer: one allocation per
 * article instead of four, and scoring a candidate reads one block of memory.
 */
function sparseVector(length: number): SparseVector {
  const buffer = new ArrayBuffer(KINDS * 8 + length * (8 + 4 + 1));
  const kindNorms = new Float64Array(buffer, 0, KINDS);
  const weights = new Float64Array(buffer, kindNorms.byteLength, length);
  const ids = new Int32Array(buffer, kindNorms.byteLength + weights.byteLength, length);
  const kinds = new Uint8Array(buffer, kindNorms.byteLength + weights.byteLength + ids.byteLength, length);
  return { ids, weights, kinds, kindNorms };
}

/** One article prepared for clustering: its weighted term vector and what else links stories. */
export interface ArticleProfile {
  analysis: Analysis;
  time: number;
  /** Raw terms (title counted twice); emptied once the vector is built. */
  terms: string[];
  /** Term ids of `terms`, when document frequencies were counted beforehand; `weigh` sorts them in place. */
  termIds?: Int32Array;
  vector: SparseVector;
  quoteKeys: Set<string>;
}

/** An article's clustering terms before they are weighed: what `clusteringTerms` makes. */
export interface ArticleTerms {
  terms: string[];
  quoteKeys: Set<string>;
}

/** Terms made ahead of clustering (`adoptClusteringTerms`), read once by `profileArticle`. */
const preparedTerms = new WeakMap<Analysis, ArticleTerms>();

/**
 * Hands clustering the terms made for this analysis elsewhere (`digest` makes them on the pool
 * thread that analysed it, with `clusteringTerms`), so the thread that clusters does not make
 * them again in its serial step.
 */
export function adoptClusteringTerms(analysis: Analysis, terms: ArticleTerms): void {
  preparedTerms.set(analysis, terms);
}

/**
 * Builds the profile's raw terms: body, the headline twice more (it says what the event is),
 * and the calendar days the article names. The vector is filled by `weigh`.
 */
export function profileArticle(analysis: Analysis, time: number): ArticleProfile {
  const prepared = preparedTerms.get(analysis);
  if (prepared) preparedTerms.delete(analysis);
  const { terms, quoteKeys } = prepared ?? clusteringTerms(analysis);
  return { analysis, time, terms, vector: EMPTY_VECTOR, quoteKeys };
}

/** The raw clustering terms of one article: a function of its analysis alone. */
export function clusteringTerms(analysis: Analysis): ArticleTerms {
  const names = articleNameKeys(analysis);
  const sentences = analysis.sentences.length > 0 ? analysis.sentences.map((s) => s.text) : analysis.article.paragraphs;
  const body = sentences.join(' ');
  const titleTerms = textTerms(analysis.article.title, names, { maybeNames: true });
  const terms = textTerms(body, names, { maybeNames: true });
  for (let i = 0; i < TITLE_REPEAT; i += 1) terms.push(...titleTerms);
  const published = analysis.article.publishedAt === undefined ? Number.NaN : Date.parse(analysis.article.publishedAt);
  terms.push(...dateTerms(analysis.article.title + ' ' + body, published));
  const quoteKeys = new Set<string>();
  for (const quote of analysis.quotes) {
    if (quote.partial) continue;
    const key = words(quote.text).slice(0, 8).join(' ');
    if (key.split(' ').length >= 5) quoteKeys.add(key);
  }
  return { terms, quoteKeys };
}

/** Fills `profile.vector`: sublinear tf x idf, names, figures and days boosted, unit length. */
export function weigh(profile: ArticleProfile, frequencies: TermFrequencies): void {
  const all = (profile.termIds ?? frequencies.lookup(profile.terms)).sort();
  let distinct = 0;
  for (let i = 0; i < all.length; i += 1) if (i === 0 || all[i] !== all[i - 1]) distinct += 1;
  const vector = sparseVector(distinct);
  const { ids, weights, kinds, kindNorms } = vector;
  let norm = 0;
  let k = 0;
  for (let i = 0; i < all.length; k += 1) {
    const id = all[i]!;
    let j = i;
    while (j < all.length && all[j] === id) j += 1;
    const weight = (1 + Math.log(j - i)) * frequencies.idf(id) * frequencies.boost(id);
    const kind = frequencies.kind(id);
    ids[k] = id;
    weights[k] = weight;
    kinds[k] = kind;
    kindNorms[kind] = kindNorms[kind]! + weight * weight;
    norm += weight * weight;
    i = j;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 1;
  for (let t = 0; t < weights.length; t += 1) weights[t] = weights[t]! * scale;
  for (let kind = 0; kind < KINDS; kind += 1) kindNorms[kind] = kindNorms[kind]! * scale * scale;
  profile.vector = vector;
}

/** Cosine of two unit sparse vectors (a merge of the sorted ids). */
export function sparseCosine(a: SparseVector, b: SparseVector): number {
  const parts = sharedByKind(a, b);
  return parts[0]! + parts[1]! + parts[2]! + parts[3]!;
}

const partsScratch = new Float64Array(KINDS);

/**
 * `sharedByKind(a, b)` when `a`'s weights are spread out by term id in `spread` (zero for terms
 * it lacks): `b`'s terms are looked up rather than merged, the same products added in the same
 * order, so the same sums.
 */
function sharedWithSpread(spread: Float64Array, b: SparseVector): Float64Array {
  partsScratch.fill(0);
  const { ids, weights, kinds } = b;
  for (let j = 0; j < ids.length; j += 1) {
    const id = ids[j]!;
    // Ids ascend, and `spread` ends after the last term of `a`.
    if (id >= spread.length) break;
    const weight = spread[id]!;
    if (weight === 0) continue;
    const kind = kinds[j]!;
    partsScratch[kind] = partsScratch[kind]! + weight * weights[j]!;
  }
  return partsScratch;
}

/** The dot product of two vectors split by term kind (a merge of the sorted ids); reuses one array. */
function sharedByKind(a: SparseVector, b: SparseVector): Float64Array {
  partsScratch.fill(0);
  let i = 0;
  let j = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) {
      const kind = a.kinds[i]!;
      partsScratch[kind] = partsScratch[kind]! + a.weights[i]! * b.weights[j]!;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return partsScratch;
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
 * How strongly two articles tell the same event. The term cosine (names, figures and days
 * weigh more than wording), lifted by shared quotes, and then:
 * - names alone are not enough: the same person does several things a day, so without a
 *   shared figure or quote the score shrinks when the articles share little else;
 * - the same names and figures on the same named day tell one event whatever the wording or
 *   the delay: they add their own cosine, and time does not count against them;
 * - otherwise the score falls as the time between them grows past a day or two, and more so
 *   when both name days and no day is shared.
 */
export function articleSimilarity(a: ArticleProfile, b: ArticleProfile, parts = sharedByKind(a.vector, b.vector)): number {
  const va = a.vector;
  const vb = b.vector;
  const wordsShared = parts[TermKind.Word]!;
  const namesShared = parts[TermKind.Name]!;
  const figuresShared = parts[TermKind.Figure]!;
  const daysShared = parts[TermKind.Day]!;
  let score = wordsShared + namesShared + figuresShared + daysShared;
  let sharedQuotes = 0;
  // Most articles have no quote to share; iterating an empty set still costs an iterator.
  if (a.quoteKeys.size > 0) for (const key of a.quoteKeys) if (b.quoteKeys.has(key)) sharedQuotes += 1;
  score += Math.min(0.3, 0.15 * sharedQuotes);
  let corroboration = 1;
  if (figuresShared === 0 && sharedQuotes === 0) {
    const wordNorms = Math.sqrt(va.kindNorms[TermKind.Word]! * vb.kindNorms[TermKind.Word]!);
    const wordCosine = wordNorms > 0 ? wordsShared / wordNorms : 0;
    if (wordCosine < MIN_WORD_COSINE) corroboration = wordCosine / MIN_WORD_COSINE;
  }
  const aDays = va.kindNorms[TermKind.Day]! > 0;
  const bDays = vb.kindNorms[TermKind.Day]! > 0;
  if (daysShared > 0) {
    const anchorNorms = Math.sqrt(
      (va.kindNorms[TermKind.Name]! + va.kindNorms[TermKind.Figure]!) * (vb.kindNorms[TermKind.Name]! + vb.kindNorms[TermKind.Figure]!),
    );
    if (anchorNorms > 0) score += (SAME_DAY_ANCHOR_WEIGHT * (namesShared + figuresShared)) / anchorNorms;
    return score * corroboration;
  }
  score *= corroboration;
  if (aDays && bDays) score *= OTHER_DAY_FACTOR;
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
  /** Per article, a number for its outlet: every scored pair compares them, and numbers compare faster than names. */
  readonly #outletOf: number[] = [];
  readonly #outletNumbers = new Map<string, number>();
  readonly #stories: OpenStory[] = [];
  readonly #postings = new Map<number, number[]>();
  /** Per article, the weight of the index terms it shares with the one being added; kept zero between additions. */
  #hitWeights = new Float64Array(1024);
  /** The weights of the article being added by term id, zero elsewhere: candidates are scored against it by lookup. */
  #spreadWeights = new Float64Array(1024);
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
    this.#outletOf.push(this.#outletNumber(profile.analysis.article.source));
    const { ids, weights } = profile.vector;
    const strongest = strongestTerms(profile.vector, INDEXED_TERMS, INDEXED_ANCHORS);
    this.#spread(profile.vector);

    // Articles sharing index terms, in the order first met, and the summed weight of those terms.
    const hitArticles: number[] = [];
    const hitWeights = this.#hitWeightsFor(index);
    for (let k = 0; k < strongest.length; k += 1) {
      const term = ids[strongest[k]!]!;
      const weight = weights[strongest[k]!]!;
      const list = this.#postings.get(term);
      if (list === undefined) continue;
      // A name many open articles share finds no story in particular; walking its list would only cost time.
      if (k >= INDEXED_TERMS && list.length > MAX_ANCHOR_POSTINGS) continue;
      for (const other of list) {
        // Weights are positive, so zero marks an article not met yet.
        if (hitWeights[other] === 0) hitArticles.push(other);
        hitWeights[other] = hitWeights[other]! + weight;
      }
    }
    // A stable sort: of equal weights, the article met first comes first.
    const candidates = hitArticles.sort((x, y) => compareDescending(hitWeights[x]!, hitWeights[y]!)).slice(0, MAX_CANDIDATES);
    for (const other of hitArticles) hitWeights[other] = 0;

    // Best pair score per open story among the candidates.
    const byStory = new Map<OpenStory, number>();
    for (const other of candidates) {
      const story = this.#stories[this.#storyOf[other] ?? -1];
      if (story === undefined || !this.#isOpen(story, profile.time)) continue;
      const score = this.#pairScore(profile, other);
      if (score === undefined) continue;
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
    this.#unspread(profile.vector);

    if (bestStory === undefined) {
      // An undated article's story has no clock: it stays open (NaN never exceeds the window).
      bestStory = { id: storyIdFor(profile.analysis.article.id), index: this.#stories.length, members: [], lastTime: profile.time };
      this.#stories.push(bestStory);
    }
    bestStory.members.push(index);
    if (Number.isFinite(profile.time) && !(profile.time <= bestStory.lastTime)) bestStory.lastTime = profile.time;
    this.#storyOf[index] = bestStory.index;
    for (const position of strongest) {
      const term = ids[position]!;
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

  /** `#hitWeights`, long enough for articles up to `index`. */
  #hitWeightsFor(index: number): Float64Array {
    if (index >= this.#hitWeights.length) {
      const longer = new Float64Array(Math.max(index + 1, this.#hitWeights.length * 2));
      longer.set(this.#hitWeights);
      this.#hitWeights = longer;
    }
    return this.#hitWeights;
  }

  /**
   * The score of the article being added (the last so far, its weights spread) with an earlier
   * one; undefined for an unknown index.
   */
  #pairScore(profile: ArticleProfile, other: number): number | undefined {
    const otherProfile = this.#profiles[other];
    if (otherProfile === undefined) return undefined;
    const score = articleSimilarity(profile, otherProfile, sharedWithSpread(this.#spreadWeights, otherProfile.vector));
    // One outlet's articles share templates and boilerplate, so they must be closer to count as one event.
    return this.#outletOf[other] === this.#outletOf.at(-1) ? score / SAME_OUTLET_FACTOR : score;
  }

  /** Spreads the vector's weights out by term id into `#spreadWeights`, long enough for its last term. */
  #spread(vector: SparseVector): void {
    const { ids, weights } = vector;
    const needed = ids.length > 0 ? ids[ids.length - 1]! + 1 : 0;
    if (needed > this.#spreadWeights.length) this.#spreadWeights = new Float64Array(Math.max(needed, this.#spreadWeights.length * 2));
    for (let i = 0; i < ids.length; i += 1) this.#spreadWeights[ids[i]!] = weights[i]!;
  }

  #unspread(vector: SparseVector): void {
    for (const id of vector.ids) this.#spreadWeights[id] = 0;
  }

  #outletNumber(source: string): number {
    let number = this.#outletNumbers.get(source);
    if (number === undefined) {
      number = this.#outletNumbers.size;
      this.#outletNumbers.set(source, number);
    }
    return number;
  }

  /**
   * Whether the article resembles the story as a whole, not just one member: without this,
   * stories on one topic chain into each other one close pair at a time.
   */
  #fitsWhole(profile: ArticleProfile, story: OpenStory): boolean {
    if (story.members.length < 2) return true;
    const recent = story.members.slice(-MEMBERS_CHECKED);
    let total = 0;
    for (const member of recent) total += this.#pairScore(profile, member) ?? 0;
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
        if (profile === undefined) continue;
        profile.vector = EMPTY_VECTOR;
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

/**
 * The terms an article is indexed and looked up by, as positions in its vector, strongest
 * first: its `count` strongest, and its `anchors` strongest names and figures besides, so that
 * a late article in other words still meets the story through the people and figures it shares.
 */
function strongestTerms(vector: SparseVector, count: number, anchors: number): number[] {
  const { weights, kinds } = vector;
  const byWeight: number[] = [];
  for (let i = 0; i < weights.length; i += 1) byWeight.push(i);
  // A stable sort: equal weights stay in id order.
  byWeight.sort((x, y) => compareDescending(weights[x]!, weights[y]!));
  const out: number[] = [];
  let extra = 0;
  for (let k = 0; k < byWeight.length && (k < count || extra < anchors); k += 1) {
    const i = byWeight[k]!;
    const kind = kinds[i]!;
    if (k < count) out.push(i);
    else if (kind === TermKind.Name || kind === TermKind.Figure) {
      out.push(i);
      extra += 1;
    }
  }
  return out;
}

/**
 * A comparator for sorting numbers high to low, ordering as `(a, b) => b - a` does but
 * answering -1, 0 or 1: small integers, where a difference is a new heap number per comparison.
 */
function compareDescending(a: number, b: number): number {
  return a < b ? 1 : a > b ? -1 : 0;
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
  // Every name of the batch first, so a capitalised word meets a name however the articles are ordered.
  for (const profile of profiles) for (const term of profile.terms) if (term.charCodeAt(0) === 64) frequencies.intern(term);
  for (const profile of profiles) profile.termIds = frequencies.add(profile.terms);
  const clusterer = new StoryClusterer({ ...options, frequencies });
  for (const profile of profiles) clusterer.addProfile(profile);
  return clusterer.stories().map((story) => story.analyses);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
