import { defaultFeedMaxAgeDays } from '../ingest/feeds/dates.ts';
import { analyzeArticle } from '../analyze/pipeline.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import type { FeedHealth, FeedRecord, SaveResult, Store } from '../store/store.ts';
import type { Analysis } from '../analyze/types.ts';
import type { Article, RawDocument, ToArticle } from '../ingest/article.ts';
import { documentToArticle } from '../ingest/extract/clean.ts';
import { asIngestError } from '../ingest/feeds/errors.ts';
import { articleFromFeedItem, teaserArticle } from '../ingest/feeds/full-article.ts';
import { feedItemToDocument, isTeaser } from '../ingest/feeds/items.ts';
import { parseFeedBytes, type FeedItem, type ParsedFeed } from '../ingest/feeds/parse.ts';
import { createHttpClient, type HttpClient } from '../ingest/http/fetch.ts';
import type { HttpLimits } from '../ingest/http/limits.ts';
import { saveAnalysesApart, type Analyze } from './ingest-articles.ts';
import { mapInParallel } from '../core/in-parallel.ts';
import { itemFingerprint, memoryFor, memoryKey, type PollMemory } from './poll-memory.ts';

export interface PollOptions {
  /** The HTTP client; by default one is made from `limits` and closed after the poll. */
  http?: HttpClient;
  limits?: Partial<HttpLimits>;
  allowPrivateUrls?: boolean;
  clock?: Clock;
  /** Items published longer ago than this are skipped. Default NEWSBOT_FEED_MAX_AGE_DAYS, else 30. */
  maxAgeDays?: number;
  /** Fetch the linked page for teaser items. Default true. */
  fullArticles?: boolean;
  /** Only these feed URLs (default: every feed in the store); ones the store lacks are added first. */
  feeds?: string[];
  /**
   * The analysis step; the real pipeline on this thread unless a caller needs another. The bot
   * passes its worker pool's, so reading feeds never waits behind analysis.
   */
  analyze?: Analyze;
  /** How a page or feed item becomes an Article; `AnalysisPool.toArticle` cleans on worker threads. */
  toArticle?: ToArticle;
  /** Feeds read at once (default 32): what a poll holds in memory grows with it, not with the number of feeds. */
  parallelFeeds?: number;
  /** Poll failing feeds too, however recently they were tried (a manual "poll now"). */
  force?: boolean;
  /** What earlier polls saw; by default one per store, kept for the life of the process. */
  memory?: PollMemory;
  /** Called after each feed: feeds done, of how many, and running counts. */
  onProgress?: (done: number, total: number, counts: { new: number; failing: number }) => void;
}

export interface FeedPollResult {
  url: string;
  health: FeedHealth;
  /** True when the server answered 304 and nothing was parsed. */
  notModified: boolean;
  items: number;
  new: number;
  updated: number;
  duplicates: number;
  /** Items older than the maximum age. */
  tooOld: number;
  /** True for the first successful read of a feed: its recent items are kept, `tooOld` older ones skipped. */
  firstPoll?: boolean;
  /** Items that could not be turned into an article or analysed. */
  skipped: number;
  /** Why items were skipped, one line each naming the item (at most a few per feed). */
  itemErrors: string[];
  /** Why the feed failed, or what was repaired in a degraded one; without the feed's URL, which `url` gives. */
  error?: string;
}

export interface PollReport {
  startedAt: string;
  finishedAt: string;
  feeds: FeedPollResult[];
  new: number;
  updated: number;
  duplicates: number;
  notModified: number;
  failing: number;
  degraded: number;
  /** Failing feeds left out of this poll because they were tried recently (see `isDeferred`). */
  deferred: number;
}

/** Longest wait between two tries of a failing feed. */
const maxFailingWaitMs = 6 * 60 * 60 * 1000;

/**
 * True when a failing feed should sit this poll out: it waits a quarter of its failing streak
 * since its last try, at most six hours, so a feed down for a minute is retried at once and a
 * feed gone for days costs four requests a day instead of one per poll.
 */
export function isDeferred(record: FeedRecord, now: Date): boolean {
  if (record.health !== 'failing' || !record.failingSince || !record.lastPolledAt) return false;
  const streak = now.getTime() - Date.parse(record.failingSince);
  const wait = Math.min(maxFailingWaitMs, streak / 4);
  return now.getTime() - Date.parse(record.lastPolledAt) < wait;
}

const day = 24 * 60 * 60 * 1000;
/** Polls in a row that try the page of an item still stored as a teaser. */
const maxTeaserTries = 3;


function normalisedText(article: Pick<Article, 'title' | 'paragraphs'>): string {
  return [article.title, ...article.paragraphs].join('\n').replace(/\u00ad|\u200b|\u200c|\u200d|\u2060|\ufeff/g, '').replace(/\s+/g, ' ').trim();
}

interface PollContext {
  store: Store;
  http: HttpClient;
  clock: Clock;
  maxAgeMs: number;
  fullArticles: boolean;
  analyze: Analyze;
  toArticle: ToArticle;
  memory: PollMemory;
}

/**
 * The article for an item, or undefined when the stored copy is already current: a teaser item
 * whose title is unchanged is not fetched again (the stored full text stays), and an item with
 * full content whose text is unchanged is not analysed again.
 */
async function freshArticle(raw: RawDocument, context: PollContext): Promise<Article | undefined> {
  const stored = (await context.store.getAnalysis(raw.id))?.article;
  if (isTeaser(raw.html)) {
    // A stored full text stays; a stored teaser is worth another try at the page.
    if (stored && stored.title === raw.title && !stored.teaserOnly) return undefined;
    return context.fullArticles ? articleFromFeedItem(raw, context.http.get, context.toArticle) : teaserArticle(raw);
  }
  const article = await context.toArticle(raw);
  if (stored && normalisedText(stored) === normalisedText(article)) return undefined;
  return article;
}

const maxItemErrors = 5;

/** Articles per store transaction while polling: few enough that one write never holds the thread for long. */
const storeChunk = 16;

function noteItemError(result: FeedPollResult, item: FeedItem, error: unknown): void {
  if (result.itemErrors.length >= maxItemErrors) return;
  const name = item.link ?? item.guid ?? item.title ?? 'an item';
  result.itemErrors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Returns true when every item is settled: none skipped, none stored as a teaser awaiting its page. */
async function saveItems(feed: ParsedFeed, record: FeedRecord, context: PollContext, result: FeedPollResult): Promise<boolean> {
  let settled = true;
  const now = context.clock.now();
  const oldest = now.getTime() - context.maxAgeMs;
  const seen = new Set<string>();
  const fresh: FeedItem[] = [];
  for (const item of feed.items) {
    const key = item.guid ?? item.link ?? item.title ?? '';
    if (seen.has(key)) {
      result.duplicates++;
      continue;
    }
    seen.add(key);
    if (item.publishedAt && Date.parse(item.publishedAt) < oldest) result.tooOld++;
    else fresh.push(item);
  }
  const work = fresh.map((item, index) => ({ item, key: memoryKey(record.url, item, index), fingerprint: itemFingerprint(item) }));
  const changed = work.filter(({ key, fingerprint }) => {
    // A page that failed a few polls running (paywall, gone) is not asked for on every poll.
    if (!context.memory.isUnchanged(key, fingerprint) && context.memory.teaserTries(key, fingerprint) < maxTeaserTries) return true;
    result.duplicates++;
    return false;
  });
  const articles = await Promise.allSettled(
    changed.map(({ item }, index) => freshArticle(feedItemToDocument(item, feed, { feedName: record.url, index, feedUrl: record.url, now }), context)),
  );
  const toAnalyse: Array<{ article: Article; change: (typeof changed)[number] }> = [];
  for (const [index, outcome] of articles.entries()) {
    const change = changed[index]!;
    if (outcome.status === 'rejected') {
      result.skipped++;
      noteItemError(result, change.item, outcome.reason);
      settled = false;
    } else if (!outcome.value) {
      result.duplicates++;
      context.memory.remember(change.key, change.fingerprint);
    } else {
      toAnalyse.push({ article: outcome.value, change });
    }
  }
  // The feed's articles are analysed side by side, then stored a few per transaction.
  const analysed = await Promise.allSettled(toAnalyse.map(async ({ article }) => context.analyze(article)));
  const toStore: Array<{ analysis: Analysis; article: Article; change: (typeof changed)[number] }> = [];
  for (const [index, outcome] of analysed.entries()) {
    const { article, change } = toAnalyse[index]!;
    if (outcome.status === 'fulfilled') {
      toStore.push({ analysis: outcome.value, article, change });
      continue;
    }
    result.skipped++;
    noteItemError(result, change.item, outcome.reason);
    settled = false;
  }
  const saved: Array<SaveResult | Error> = [];
  for (let start = 0; start < toStore.length; start += storeChunk) {
    // Between transactions, chat and timers get the thread: a long feed is not one long block.
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    saved.push(...(await saveAnalysesApart(toStore.slice(start, start + storeChunk).map(({ analysis }) => analysis), context.store)));
  }
  for (const [index, outcome] of saved.entries()) {
    const { article, change } = toStore[index]!;
    if (outcome instanceof Error) {
      result.skipped++;
      noteItemError(result, change.item, outcome);
      settled = false;
      continue;
    }
    if (outcome.status === 'new') result.new++;
    else if (outcome.status === 'updated') result.updated++;
    else result.duplicates++;
    // A teaser-only article is not remembered, so the next poll tries its page again.
    if (article.teaserOnly) {
      context.memory.noteTeaserTry(change.key, change.fingerprint);
      settled = false;
    } else {
      context.memory.remember(change.key, change.fingerprint);
    }
  }
  return settled;
}

/** The message without its leading "URL: ", for places that already show the feed's URL. */
function withoutSubject(message: string, url: string): string {
  return message.startsWith(`${url}: `) ? message.slice(url.length + 2) : message;
}

async function pollOne(record: FeedRecord, context: PollContext): Promise<FeedPollResult> {
  const result: FeedPollResult = { url: record.url, health: 'ok', notModified: false, items: 0, new: 0, updated: 0, duplicates: 0, tooOld: 0, skipped: 0, itemErrors: [] };
  const polledAt = context.clock.now().toISOString();
  try {
    // Items once skipped as too old come back only with a full read: a feed this process has not
    // read with the current maximum age (a changed NEWSBOT_FEED_MAX_AGE_DAYS) is asked unconditionally.
    const sameAge = context.memory.readWithMaxAge(record.url, context.maxAgeMs);
    const response = await context.http.get(
      record.url,
      sameAge
        ? {
            ...(record.etag ? { etag: record.etag } : {}),
            ...(record.lastModified ? { lastModified: record.lastModified } : {}),
          }
        : {},
    );
    const validators = { etag: response.etag, lastModified: response.lastModified };
    if (response.notModified || (sameAge && context.memory.sameBody(record.url, response.body))) {
      result.notModified = true;
      result.health = record.health === 'degraded' ? 'degraded' : 'ok';
      result.items = record.itemCount;
      await context.store.updateFeed(record.url, { ...validators, health: result.health, lastPolledAt: polledAt, lastOkAt: polledAt, failingSince: undefined, lastError: undefined });
      return result;
    }
    const feed = await parseFeedBytes(response.body, record.url, { contentType: response.contentType ?? null, feedUrl: response.url });
    result.items = feed.items.length;
    result.health = feed.degraded ? 'degraded' : 'ok';
    if (feed.degraded) result.error = `damaged feed, items recovered (${feed.repairs.join('; ')})`;
    if (await saveItems(feed, record, context, result)) context.memory.rememberBody(record.url, response.body);
    context.memory.rememberMaxAge(record.url, context.maxAgeMs);
    result.firstPoll = !record.lastOkAt;
    await context.store.updateFeed(record.url, {
      ...validators,
      ...(feed.title && !record.title ? { title: feed.title } : {}),
      health: result.health,
      lastPolledAt: polledAt,
      lastOkAt: polledAt,
      failingSince: undefined,
      lastError: result.error,
      itemCount: feed.items.length,
    });
  } catch (error) {
    result.health = 'failing';
    result.error = withoutSubject(asIngestError(error).message, record.url);
    await context.store.updateFeed(record.url, {
      health: 'failing',
      failingSince: record.health === 'failing' && record.failingSince ? record.failingSince : polledAt,
      lastError: result.error,
      lastPolledAt: polledAt,
    });
  }
  return result;
}

/**
 * Polls every feed in the store (or `options.feeds`) once: conditional GET, lenient parse,
 * items older than the maximum age skipped, teasers completed from their pages, each new or
 * changed article analysed and saved, and each feed's health recorded. Returns the counts per
 * feed and overall. One failing feed never stops the others; nothing here throws for a feed.
 * Feeds failing for a while are tried less often (`isDeferred`) unless `force` is set; a full
 * poll asked for while one is running returns the running one.
 */
export async function pollFeeds(store: Store, options: PollOptions = {}): Promise<PollReport> {
  // Two full polls of one store at once would fetch every feed twice: the second joins the first.
  if (options.feeds) return pollOnce(store, options);
  const running = pollsInFlight.get(store);
  if (running) return running;
  const poll = pollOnce(store, options).finally(() => pollsInFlight.delete(store));
  pollsInFlight.set(store, poll);
  return poll;
}

const pollsInFlight = new WeakMap<Store, Promise<PollReport>>();

const defaultParallelFeeds = 32;

async function pollOnce(store: Store, options: PollOptions): Promise<PollReport> {
  const clock = options.clock ?? systemClock;
  const ownHttp = options.http
    ? undefined
    : createHttpClient({ ...options.limits, ...(options.allowPrivateUrls === undefined ? {} : { allowPrivate: options.allowPrivateUrls }) });
  const context: PollContext = {
    store,
    http: options.http ?? ownHttp!,
    clock,
    maxAgeMs: (options.maxAgeDays ?? defaultFeedMaxAgeDays) * day,
    fullArticles: options.fullArticles ?? true,
    analyze: options.analyze ?? ((article) => analyzeArticle(article)),
    toArticle: options.toArticle ?? documentToArticle,
    memory: options.memory ?? memoryFor(store),
  };
  const wanted = options.feeds ? new Set(options.feeds) : undefined;
  let listed: FeedRecord[];
  if (wanted) {
    // Only the feeds asked for are read: a queued poll names one feed of thousands.
    listed = [];
    // A briefing definition may name feeds nobody added: polling them means tracking them.
    for (const url of wanted) listed.push((await store.getFeed(url)) ?? (await store.addFeed({ url })));
    listed.sort((a, b) => (a.addedAt === b.addedAt ? (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) : a.addedAt < b.addedAt ? -1 : 1));
  } else {
    listed = await store.listFeeds();
  }
  const startNow = clock.now();
  const records = options.force ? listed : listed.filter((record) => !isDeferred(record, startNow));
  const startedAt = startNow.toISOString();
  let done = 0;
  const counts = { new: 0, failing: 0 };
  try {
    const feeds = await mapInParallel(
      records,
      options.parallelFeeds ?? defaultParallelFeeds,
      async (record) => {
        const result = await pollOne(record, context);
        done++;
        counts.new += result.new;
        if (result.health === 'failing') counts.failing++;
        options.onProgress?.(done, records.length, counts);
        return result;
      },
    );
    const sum = (pick: (result: FeedPollResult) => number) => feeds.reduce((total, result) => total + pick(result), 0);
    return {
      startedAt,
      finishedAt: clock.now().toISOString(),
      feeds,
      new: sum((r) => r.new),
      updated: sum((r) => r.updated),
      duplicates: sum((r) => r.duplicates),
      notModified: sum((r) => Number(r.notModified)),
      failing: sum((r) => Number(r.health === 'failing')),
      degraded: sum((r) => Number(r.health === 'degraded')),
      deferred: listed.length - records.length,
    };
  } finally {
    await ownHttp?.close();
  }
}

// `newsbot feeds check` imports it from here.
export { checkFeed, type FeedCheck } from '../ingest/feeds/check.ts';
