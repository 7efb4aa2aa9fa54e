import type { StoredStory, StoryBriefing, StoryMember, StoryStore, StoryThread } from '../stories.ts';
import { briefingFromRow, memberFromRow, threadFromRow, type StoryBriefingRow, type StoryMemberRow, type StoryThreadRow } from '../story-rows.ts';
import type { PgContext } from './context.ts';

export class PgStories implements StoryStore {
  readonly #ctx: PgContext;

  constructor(ctx: PgContext) {
    this.#ctx = ctx;
  }

  async storiesOfArticles(articleIds: readonly string[]): Promise<Array<{ storyId: string; articleId: string }>> {
    if (articleIds.length === 0) return [];
    const rows = await this.#ctx.rows<{ story_id: string; article_id: string }>(
      'SELECT story_id, article_id FROM story_articles WHERE article_id = ANY($1) ORDER BY story_id, article_id',
      [[...articleIds]],
    );
    return rows.map((row) => ({ storyId: row.story_id, articleId: row.article_id }));
  }

  async saveStory(story: { id: string; headline: string; members: readonly StoryMember[] }): Promise<void> {
    const now = this.#ctx.now();
    await this.#ctx.transaction(async (client) => {
      await this.#ctx.run(
        `INSERT INTO stories(id, headline, created_at, updated_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, updated_at = excluded.updated_at`,
        [story.id, story.headline, now],
        client,
      );
      for (const member of story.members) {
        await this.#ctx.run(
          `INSERT INTO story_articles(story_id, article_id, source, title, url, joined_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (story_id, article_id) DO NOTHING`,
          [story.id, member.articleId, member.source, member.title, member.url ?? null, member.joinedAt],
          client,
        );
      }
    });
  }

  async getStory(id: string): Promise<StoredStory | undefined> {
    const row = await this.#ctx.row<{ id: string; headline: string; created_at: string; updated_at: string }>('SELECT id, headline, created_at, updated_at FROM stories WHERE id = $1', [id]);
    if (!row) return undefined;
    const members = await this.#ctx.rows<StoryMemberRow>('SELECT article_id, source, title, url, joined_at FROM story_articles WHERE story_id = $1 ORDER BY joined_at, article_id', [id]);
    const briefings = await this.#ctx.rows<StoryBriefingRow>(
      'SELECT run_id, target, at, kind, points_json, message_ids_json FROM story_briefings WHERE story_id = $1 ORDER BY at, run_id',
      [id],
    );
    return { id: row.id, headline: row.headline, createdAt: row.created_at, updatedAt: row.updated_at, members: members.map(memberFromRow), briefings: briefings.map(briefingFromRow) };
  }

  async recordStoryBriefing(storyId: string, briefing: StoryBriefing): Promise<void> {
    await this.#ctx.run(
      `INSERT INTO story_briefings(story_id, run_id, target, at, kind, points_json, message_ids_json) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (story_id, run_id) DO NOTHING`,
      [storyId, briefing.runId, briefing.target, briefing.at, briefing.kind, JSON.stringify(briefing.points), JSON.stringify(briefing.messageIds)],
    );
  }

  async saveStoryThread(thread: StoryThread): Promise<void> {
    await this.#ctx.run(
      `INSERT INTO story_threads(target, story_id, root_message_id, thread_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (target, story_id) DO UPDATE SET thread_id = coalesce(excluded.thread_id, story_threads.thread_id)`,
      [thread.target, thread.storyId, thread.rootMessageId, thread.threadId ?? null],
    );
  }

  async storyThreads(target: string, storyIds: readonly string[]): Promise<StoryThread[]> {
    if (storyIds.length === 0) return [];
    const rows = await this.#ctx.rows<StoryThreadRow>(
      'SELECT target, story_id, root_message_id, thread_id FROM story_threads WHERE target = $1 AND story_id = ANY($2) ORDER BY story_id',
      [target, [...storyIds]],
    );
    return rows.map(threadFromRow);
  }
}
