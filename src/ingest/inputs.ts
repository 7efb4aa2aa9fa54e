import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Article, ToArticle } from './article.ts';
import { mapInParallel } from '../core/in-parallel.ts';
import { decodeBytes } from './http/charset.ts';
import { documentToArticle } from './extract/clean.ts';
import { readDocumentFile } from './document-file.ts';
import { asIngestError, IngestError } from './feeds/errors.ts';
import { articleFromFeedItem } from './feeds/full-article.ts';
import { feedItemToDocument } from './feeds/items.ts';
import { looksLikeFeed, parseFeedBytes, type ParsedFeed } from './feeds/parse.ts';
import { createHttpClient, type HttpGet, type HttpRequest } from './http/fetch.ts';
import type { HttpLimits } from './http/limits.ts';

export interface LoadOptions {
  /** The HTTP function for URL inputs; defaults to a client built from `limits`. */
  http?: HttpGet;
  limits?: Partial<HttpLimits>;
  /** Allow URLs on loopback/private addresses (NEWSBOT_ALLOW_PRIVATE_URLS); used when `http` is not given. */
  allowPrivateUrls?: boolean;
  /** Fetch the page behind feed items that carry only a teaser (URL feeds only). Default true. */
  fullArticles?: boolean;
  /** How a page or feed item becomes an Article; default `documentToArticle` on this thread. */
  toArticle?: ToArticle;
  /** The input is one article (`newsbot analyze`): a feed gives only its first item. */
  single?: boolean;
  clock?: Clock;
  /** Called after each input with how many are done, of how many, and the input's name. */
  onProgress?: (done: number, total: number, input: string) => void;
  /**
   * The validators to read a URL input conditionally with (If-None-Match, If-Modified-Since),
   * when the caller still holds what the last read gave; undefined reads it whole.
   */
  validatorsFor?: (url: string) => Promise<Pick<HttpRequest, 'etag' | 'lastModified'> | undefined>;
}

/** One URL input as it was read. */
export interface FetchedInput {
  /** The URL as given. */
  url: string;
  /** True when the server answered 304 to the validators: nothing was read, the caller's copy stands. */
  notModified: boolean;
  etag?: string;
  lastModified?: string;
  /** Ids of the articles it gave, in order (none when not modified). */
  articleIds: string[];
}

export interface LoadResult {
  articles: Article[];
  /** One line per broken input, naming it and what went wrong, without a "warning:" prefix. */
  warnings: string[];
  /** Every URL input read in full or answered 304, in input order. */
  fetched: FetchedInput[];
}

const articleExtensions = new Set(['.txt', '.html', '.htm', '.json']);
const feedExtensions = new Set(['.xml', '.rss', '.atom']);
const gzipMagic = [0x1f, 0x8b];
const maxGunzippedBytes = 50 * 1024 * 1024;
const parallelInputs = 8;
/** Files of one folder read and cleaned at once. */
const parallelFiles = 16;

function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Reads a local feed file, gunzipping it when it is stored compressed. */
function readFeedFile(path: string): Uint8Array {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new IngestError('E_UNREADABLE_INPUT', `${path}: cannot read the file (${reason}); check the path and its permissions`);
  }
  if (bytes[0] === gzipMagic[0] && bytes[1] === gzipMagic[1]) {
    try {
      return gunzipSync(bytes, { maxOutputLength: maxGunzippedBytes });
    } catch (error) {
      throw new IngestError('E_UNREADABLE_INPUT', `${path}: a corrupt gzip file (${(error as Error).message})`);
    }
  }
  return bytes;
}

/** True for a .json file that holds a JSON Feed rather than one article. */
function isJsonFeedFile(path: string): boolean {
  try {
    return looksLikeFeed(readFileSync(path).subarray(0, 2048));
  } catch {
    return false;
  }
}

/** How deep `digest FOLDER` looks into subfolders; deeper trees are rarely article collections. */
const maxFolderDepth = 8;

/**
 * The files a folder input stands for: articles and feeds, in its subfolders too (hidden
 * ones and node_modules left out), sorted by path. Symbolic links to folders are not followed.
 */
function folderEntries(folder: string, depth = 0): string[] {
  const files: string[] = [];
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (depth < maxFolderDepth && entry.name !== 'node_modules') files.push(...folderEntries(join(folder, entry.name), depth + 1));
      continue;
    }
    if (!entry.isFile()) continue;
    const extension = extname(entry.name).toLowerCase();
    if (articleExtensions.has(extension) || feedExtensions.has(extension)) files.push(join(folder, entry.name));
  }
  return files;
}

interface FeedSource {
  name: string;
  feed: ParsedFeed;
  feedUrl?: string;
}

/**
 * Loads articles from files, folders, feed files and URLs (`newsbot digest INPUT...`). Returns
 * the articles in input order and one warning per input that failed; a broken input never
 * stops the others. URLs are fetched through the guarded HTTP layer: a feed URL gives its items
 * (teasers completed from the linked page), any other URL is read as one article page.
 */
export async function loadInputs(inputs: string[], options: LoadOptions = {}): Promise<LoadResult> {
  const clock = options.clock ?? systemClock;
  const toArticle = options.toArticle ?? documentToArticle;
  let ownClient: ReturnType<typeof createHttpClient> | undefined;
  const http: HttpGet = options.http ?? ((url, request) => {
    ownClient ??= createHttpClient({ ...options.limits, ...(options.allowPrivateUrls === undefined ? {} : { allowPrivate: options.allowPrivateUrls }) });
    return ownClient.get(url, request);
  });

  /** Adds the feed's items as articles; returns how many items could not be read. */
  const addFeed = async (out: LoadResult, { name, feed, feedUrl }: FeedSource, fetchPages: boolean): Promise<number> => {
    const now = clock.now();
    const items = options.single ? feed.items.slice(0, 1) : feed.items;
    if (items.length === 0) {
      out.warnings.push(`${name}: the feed has no items${feed.degraded ? ` (${feed.repairs[0] ?? 'damaged'})` : ''}`);
      return 0;
    }
    const results = await Promise.allSettled(
      items.map(async (item, index) => {
        const raw = feedItemToDocument(item, feed, { feedName: name, index, now, ...(feedUrl ? { feedUrl } : {}) });
        return fetchPages ? articleFromFeedItem(raw, http, toArticle) : toArticle(raw);
      }),
    );
    const failures: string[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') out.articles.push(result.value);
      else failures.push(asIngestError(result.reason).message);
    }
    // One line per feed, whatever went wrong with it.
    const problems: string[] = [];
    if (feed.degraded) problems.push(`damaged feed, ${items.length - failures.length} of ${items.length} item${items.length === 1 ? '' : 's'} recovered (${feed.repairs.join('; ')})`);
    if (failures.length > 0) problems.push(`${failures.length} item${failures.length === 1 ? '' : 's'} skipped (${failures[0]}${failures.length > 1 ? '; …' : ''})`);
    if (problems.length > 0) out.warnings.push(`${name}: ${problems.join('; ')}`);
    return failures.length;
  };

  const loadFile = async (out: LoadResult, path: string) => {
    const extension = extname(path).toLowerCase();
    if (feedExtensions.has(extension) || (extension === '.json' && isJsonFeedFile(path))) {
      const feed = await parseFeedBytes(readFeedFile(path), path);
      // A feed file is its own feed: its path is what `ArticleQuery.feeds` matches.
      await addFeed(out, { name: path, feed, feedUrl: path }, false);
    } else {
      out.articles.push(await toArticle(readDocumentFile(path)));
    }
  };

  const loadUrl = async (out: LoadResult, url: string) => {
    const validators = await options.validatorsFor?.(url);
    const response = await http(url, validators);
    const fetched: FetchedInput = { url, notModified: response.notModified, articleIds: [] };
    if (response.etag) fetched.etag = response.etag;
    if (response.lastModified) fetched.lastModified = response.lastModified;
    if (response.notModified) {
      out.fetched.push(fetched);
      return;
    }
    const before = out.articles.length;
    let unread = 0;
    if (looksLikeFeed(response.body, response.contentType)) {
      const feed = await parseFeedBytes(response.body, url, { contentType: response.contentType ?? null, feedUrl: response.url });
      unread = await addFeed(out, { name: url, feed, feedUrl: url }, options.fullArticles ?? true);
    } else {
      const html = decodeBytes(response.body, response.contentType).text;
      out.articles.push(await toArticle({ id: url, url: response.url, html }));
    }
    fetched.articleIds = out.articles.slice(before).map((article) => article.id);
    // A read that lost items (a linked page that did not answer) is not one a 304 should stand for.
    if (unread === 0) out.fetched.push(fetched);
  };

  const loadOne = async (input: string): Promise<LoadResult> => {
    const out: LoadResult = { articles: [], warnings: [], fetched: [] };
    try {
      if (isUrl(input)) {
        await loadUrl(out, input);
        return out;
      }
      let isFolder: boolean;
      try {
        isFolder = statSync(input).isDirectory();
      } catch {
        throw new IngestError('E_INPUT_NOT_FOUND', `${input}: no such file, folder or URL; check the path (URLs start with http:// or https://)`);
      }
      if (!isFolder) {
        await loadFile(out, input);
        return out;
      }
      const entries = folderEntries(input);
      if (entries.length === 0) out.warnings.push(`${input}: the folder and its subfolders hold no article (.txt .html .htm .json) or feed (.xml .rss .atom) files`);
      // Files side by side, so every thread of a cleaning pool has work; merged in path order.
      const parts = await mapInParallel(entries, parallelFiles, async (entry) => {
        const part: LoadResult = { articles: [], warnings: [], fetched: [] };
        try {
          await loadFile(part, entry);
        } catch (error) {
          part.warnings.push(asIngestError(error).message);
        }
        return part;
      });
      for (const part of parts) {
        out.articles.push(...part.articles);
        out.warnings.push(...part.warnings);
      }
    } catch (error) {
      const message = asIngestError(error).message;
      out.warnings.push(message.startsWith(input) ? message : `${input}: ${message}`);
    }
    return out;
  };

  // Inputs load side by side (URLs wait on the network, and the HTTP client keeps its own
  // limits), but results keep the order the inputs were given in.
  let done = 0;
  let results: LoadResult[];
  try {
    results = await mapInParallel(inputs, parallelInputs, async (input) => {
      const result = await loadOne(input);
      options.onProgress?.(++done, inputs.length, input);
      return result;
    });
  } finally {
    await ownClient?.close();
  }
  return {
    articles: results.flatMap((result) => result.articles),
    warnings: results.flatMap((result) => result.warnings),
    fetched: results.flatMap((result) => result.fetched),
  };
}
