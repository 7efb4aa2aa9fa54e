import type { FeedPatch, FeedRecord, FeedStore, FetchedUrl } from '../feeds.ts';
import { feedFromRow, feedPatchColumns, fetchedUrlFromRow, type FeedRow, type FetchedUrlRow } from '../rows.ts';
import type { PgContext } from './context.ts';

export class PgFeeds implements FeedStore {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async addFeed(feed: { url: string; title?: string; addedBy?: string }): Promise<FeedRecord> {
    const row = await this.#ctx.row<FeedRow>(
      `INSERT INTO feeds(url, title, added_by, added_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, feeds.title) RETURNING *`,
      [feed.url, feed.title ?? null, feed.addedBy ?? null, this.#ctx.now()],
    );
    return feedFromRow(row!);
  }

  async removeFeed(url: string): Promise<boolean> {
    return (await this.#ctx.run('DELETE FROM feeds WHERE url = $1', [url])) > 0;
  }

  async listFeeds(): Promise<FeedRecord[]> {
    return (await this.#ctx.rows<FeedRow>('SELECT * FROM feeds ORDER BY added_at, url')).map(feedFromRow);
  }

  async getFeed(url: string): Promise<FeedRecord | undefined> {
    const row = await this.#ctx.row<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url]);
    return row ? feedFromRow(row) : undefined;
  }

  async updateFeed(url: string, patch: FeedPatch): Promise<void> {
    const columns = feedPatchColumns(patch);
    if (columns.length === 0) return;
    await this.#ctx.run(`UPDATE feeds SET ${columns.map(([c], i) => `${c} = $${i + 1}`).join(', ')} WHERE url = $${columns.length + 1}`, [
      ...columns.map(([, v]) => v),
      url,
    ]);
  }

  async getFetchedUrl(url: string): Promise<FetchedUrl | undefined> {
    const row = await this.#ctx.row<FetchedUrlRow>('SELECT * FROM fetched_urls WHERE url = $1', [url]);
    return row ? fetchedUrlFromRow(row) : undefined;
  }

  async rememberFetchedUrl(fetched: Omit<FetchedUrl, 'fetchedAt'>): Promise<void> {
    await this.#ctx.run(
      `INSERT INTO fetched_urls(url, etag, last_modified, article_ids_json, fetched_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, article_ids_json = excluded.article_ids_json, fetched_at = excluded.fetched_at`,
      [fetched.url, fetched.etag ?? null, fetched.lastModified ?? null, JSON.stringify(fetched.articleIds), this.#ctx.now()],
    );
  }
}
