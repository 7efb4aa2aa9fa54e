import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { itemId } from '../ingest/feeds/items.ts';
import type { FeedItem } from '../ingest/feeds/parse.ts';

/**
 * What earlier polls in this process saw of each item, so an unchanged item costs a hash
 * instead of extraction and a store read. After a restart it is empty and the store is
 * compared instead: slower, same answers.
 */
export class PollMemory {
  readonly #seen = new Map<string, string>();
  constructor(readonly capacity = 200_000) {}

  isUnchanged(key: string, fingerprint: string): boolean {
    return this.#seen.get(key) === fingerprint;
  }

  remember(key: string, fingerprint: string): void {
    this.#seen.delete(key);
    this.#seen.set(ownCopy(key), fingerprint);
    // Maps iterate in insertion order, so the first key is the least recently seen.
    if (this.#seen.size > this.capacity) this.#seen.delete(this.#seen.keys().next().value!);
  }

  /**
   * True when a feed's body is byte for byte the one the last complete poll of it stored (for
   * servers that send no ETag or Last-Modified), so it need not be parsed again.
   */
  sameBody(feedUrl: string, body: Uint8Array): boolean {
    return this.isUnchanged(`body\n${feedUrl}`, bodyDigest(body));
  }

  /** Remembers a body whose every item is now stored (none skipped, none waiting for its page). */
  rememberBody(feedUrl: string, body: Uint8Array): void {
    this.remember(`body\n${feedUrl}`, bodyDigest(body));
  }

  /** How often this version of an item has been stored as a teaser because its page failed. */
  teaserTries(key: string, fingerprint: string): number {
    const entry = this.#seen.get(`teaser\n${key}`);
    if (!entry?.startsWith(`${fingerprint} `)) return 0;
    return Number(entry.slice(fingerprint.length + 1));
  }

  noteTeaserTry(key: string, fingerprint: string): void {
    this.remember(`teaser\n${key}`, `${fingerprint} ${this.teaserTries(key, fingerprint) + 1}`);
  }

  /**
   * True when this process has read the feed in full with this maximum item age: only then may it
   * be asked conditionally, since items once skipped as too old come back only with a full read.
   */
  readWithMaxAge(feedUrl: string, maxAgeMs: number): boolean {
    return this.isUnchanged(`max-age\n${feedUrl}`, String(maxAgeMs));
  }

  rememberMaxAge(feedUrl: string, maxAgeMs: number): void {
    this.remember(`max-age\n${feedUrl}`, String(maxAgeMs));
  }

  /** Marks a feed's items as seen unchanged, as a completed poll of them would. */
  rememberItems(feedUrl: string, items: FeedItem[]): void {
    items.forEach((item, index) => this.remember(memoryKey(feedUrl, item, index), itemFingerprint(item)));
  }

  get size(): number {
    return this.#seen.size;
  }
}

/**
 * The text in a string of its own. A key holds an item's guid or link, which V8 may keep as a
 * slice of the whole feed document it was parsed from: remembered as it is, the key would keep
 * every feed's body in memory for as long as its items are remembered.
 */
function ownCopy(text: string): string {
  // Slicing a concatenation copies it into a new flat string first; the slice refers to that.
  return (' ' + text).slice(1);
}

function bodyDigest(body: Uint8Array): string {
  return createHash('sha1').update(body).digest('base64');
}

export function memoryKey(feedUrl: string, item: FeedItem, index: number): string {
  return `${feedUrl}\n${itemId(item) ?? index}`;
}

/** A digest of everything in an item that can change what gets stored. */
export function itemFingerprint(item: FeedItem): string {
  return createHash('sha1')
    .update([item.title ?? '', item.link ?? '', item.publishedAt ?? '', item.author ?? '', item.html ?? ''].join('\u0000'))
    .digest('base64');
}

const memories = new WeakMap<Store, PollMemory>();

/** The memory of polls of this store, made on first use and kept for the life of the process. */
export function memoryFor(store: Store): PollMemory {
  let memory = memories.get(store);
  if (!memory) {
    memory = new PollMemory();
    memories.set(store, memory);
  }
  return memory;
}
