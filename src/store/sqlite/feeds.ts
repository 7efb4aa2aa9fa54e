import type { FeedPatch, FeedRecord, FeedStore } from '../feeds.ts';
import { feedFromRow, feedPatchColumns, type FeedRow } from '../rows.ts';
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
}
