import type { FeedPatch, FeedRecord, FeedStore, FetchedUrl } from '../feeds.ts';
import { feedFromRow, feedPatchColumns, fetchedUrlFromRow, type FeedRow, type FetchedUrlRow } from '../rows.ts';
import type { SqliteContext } from './context.ts';

export class SqliteFeeds implements FeedStore {
  readonly #ctx: SqliteContext;

  constructor(ctx: SqliteContext) {
    this.#ctx = ctx;
  }

  async addFeed(feed: { url: string; title?: string; addedBy?: string }): Promise<FeedRecord> {
    this.#ctx
      .sql('INSERT INTO feeds(url, title, added_by, added_at) VALUES (?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET title = coalesce(excluded.title, title)')
      .run(feed.url, feed.title ?? null, feed.addedBy ?? null, this.#ctx.now());
    return (await this.getFeed(feed.url))!;
  }

  async removeFeed(url: string): Promise<boolean> {
    return this.#ctx.sql('DELETE FROM feeds WHERE url = ?').run(url).changes > 0;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return (this.#ctx.sql('SELECT * FROM feeds ORDER BY added_at, url').all() as FeedRow[]).map(feedFromRow);
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    const row = this.#ctx.sql('SELECT * FROM feeds WHERE url = ?').get(url) as FeedRow | undefined;
    return row ? feedFromRow(row) : undefined;
  }

  async updateFeed(url: string, patch: FeedPatch): Promise<void> {
    const columns = feedPatchColumns(patch);
    if (columns.length === 0) return;
    this.#ctx.db.prepare(`UPDATE feeds SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE url = ?`).run(...columns.map(([, v]) => v), url);
  }

  async getFetchedUrl(url: string): Promise<FetchedUrl | undefined> {
    const row = this.#ctx.sql('SELECT * FROM fetched_urls WHERE url = ?').get(url) as FetchedUrlRow | undefined;
    return row ? fetchedUrlFromRow(row) : undefined;
  }

  async rememberFetchedUrl(fetched: Omit<FetchedUrl, 'fetchedAt'>): Promise<void> {
    this.#ctx
      .sql(
        `INSERT INTO fetched_urls(url, etag, last_modified, article_ids_json, fetched_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, article_ids_json = excluded.article_ids_json, fetched_at = excluded.fetched_at`,
      )
      .run(fetched.url, fetched.etag ?? null, fetched.lastModified ?? null, JSON.stringify(fetched.articleIds), this.#ctx.now());
  }
}
