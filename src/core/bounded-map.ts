/**
 * A Map for memoising that forgets everything once it holds `limit` entries: news repeats its
 * words and names, so a cache that is emptied now and then still answers most lookups, and a
 * long run's memory stays bounded without the bookkeeping of an LRU.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #limit: number;

  constructor(limit: number) {
    super();
    this.#limit = limit;
  }

  override set(key: K, value: V): this {
    if (this.size >= this.#limit && !this.has(key)) this.clear();
    return super.set(key, value);
  }
}
