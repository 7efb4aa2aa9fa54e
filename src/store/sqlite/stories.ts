import type { StoredStory, StoryBriefing, StoryMember, StoryStore, StoryThread } from '../stories.ts';
import { briefingFromRow, memberFromRow, threadFromRow, type StoryBriefingRow, type StoryMemberRow, type StoryThreadRow } from '../story-rows.ts';
import type { SqliteContext } from './context.ts';

/** SQLite binds at most 999 parameters per statement in older builds; look-ups go in slices. */
const maxIdsPerQuery = 500;

export class SqliteStories implements StoryStore {
  readonly #ctx: SqliteContext;

  constructor(ctx: SqliteContext) {
    this.#ctx = ctx;
  }

  async storiesOfArticles(articleIds: readonly string[]): Promise<Array<{ storyId: string; articleId: string }>> {
    const found: Array<{ storyId: string; articleId: string }> = [];
    for (let i = 0; i < articleIds.length; i += maxIdsPerQuery) {
      const slice = articleIds.slice(i, i + maxIdsPerQuery);
      const rows = this.#ctx.db
        .prepare(`SELECT story_id, article_id FROM story_articles WHERE article_id IN (${slice.map(() => '?').join(', ')}) ORDER BY story_id, article_id`)
        .all(...slice) as Array<{ story_id: string; article_id: string }>;
      for (const row of rows) found.push({ storyId: row.story_id, articleId: row.article_id });
    }
    return found;
  }

  async saveStory(story: { id: string; headline: string; members: readonly StoryMember[] }): Promise<void> {
    const now = this.#ctx.now();
    this.#ctx.db.transaction(() => {
      this.#ctx
        .sql(
          `INSERT INTO stories(id, headline, updated_at, data_json, created_at) VALUES (?, ?, ?, '{}', ?)
           ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, updated_at = excluded.updated_at`,
        )
        .run(story.id, story.headline, now, now);
      const insert = this.#ctx.sql(
        `INSERT INTO story_articles(story_id, article_id, source, title, url, joined_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(story_id, article_id) DO NOTHING`,
      );
      for (const member of story.members) insert.run(story.id, member.articleId, member.source, member.title, member.url ?? null, member.joinedAt);
    })();
  }

  async getStory(id: string): Promise<StoredStory | undefined> {
    const row = this.#ctx.sql('SELECT id, headline, created_at, updated_at FROM stories WHERE id = ?').get(id) as
      | { id: string; headline: string; created_at: string; updated_at: string }
      | undefined;
    if (!row) return undefined;
    const members = this.#ctx.sql('SELECT article_id, source, title, url, joined_at FROM story_articles WHERE story_id = ? ORDER BY joined_at, article_id').all(id) as StoryMemberRow[];
    const briefings = this.#ctx.sql('SELECT run_id, target, at, kind, points_json, message_ids_json FROM story_briefings WHERE story_id = ? ORDER BY at, run_id').all(id) as StoryBriefingRow[];
    return { id: row.id, headline: row.headline, createdAt: row.created_at, updatedAt: row.updated_at, members: members.map(memberFromRow), briefings: briefings.map(briefingFromRow) };
  }

  async recordStoryBriefing(storyId: string, briefing: StoryBriefing): Promise<void> {
    this.#ctx
      .sql(
        `INSERT INTO story_briefings(story_id, run_id, target, at, kind, points_json, message_ids_json) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(story_id, run_id) DO NOTHING`,
      )
      .run(storyId, briefing.runId, briefing.target, briefing.at, briefing.kind, JSON.stringify(briefing.points), JSON.stringify(briefing.messageIds));
  }

  async saveStoryThread(thread: StoryThread): Promise<void> {
    this.#ctx
      .sql(
        `INSERT INTO story_threads(target, story_id, root_message_id, thread_id) VALUES (?, ?, ?, ?)
         ON CONFLICT(target, story_id) DO UPDATE SET thread_id = coalesce(excluded.thread_id, story_threads.thread_id)`,
      )
      .run(thread.target, thread.storyId, thread.rootMessageId, thread.threadId ?? null);
  }

  async storyThreads(target: string, storyIds: readonly string[]): Promise<StoryThread[]> {
    const threads: StoryThread[] = [];
    for (let i = 0; i < storyIds.length; i += maxIdsPerQuery) {
      const slice = storyIds.slice(i, i + maxIdsPerQuery);
      const rows = this.#ctx.db
        .prepare(`SELECT target, story_id, root_message_id, thread_id FROM story_threads WHERE target = ? AND story_id IN (${slice.map(() => '?').join(', ')}) ORDER BY story_id`)
        .all(target, ...slice) as StoryThreadRow[];
      threads.push(...rows.map(threadFromRow));
    }
    return threads;
  }
}
