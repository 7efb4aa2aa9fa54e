import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.ts';
import type { FeedRow, RunRow } from '../rows.ts';
import type { ArticleExportRow, ScheduleExportRow, StoreCounts, StoreRows, StoryExportRow } from '../store-rows.ts';
import type { StoryBriefingRow, StoryMemberRow, StoryThreadRow } from '../story-rows.ts';
import { migrate } from './migrations.ts';

export interface SqliteExport extends StoreRows {
  counts(): StoreCounts;
  close(): void;
}

/** Opens the SQLite store at `path` for reading every row out of it (brought to the current schema first). */
export function openSqliteExport(path: string): SqliteExport {
  if (!existsSync(path)) throw new StoreError('E_STORE_OPEN', `There is no SQLite store at ${path}; give the right file with --from or NEWSBOT_DB.`);
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    throw new StoreError('E_STORE_OPEN', `Cannot open the database at ${path}: ${(error as Error).message}.`, { cause: error });
  }
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    articles: () =>
      db
        .prepare(
          `SELECT a.id, s.name AS source, a.title, a.url, a.canonical_url, a.feed_url, a.published_at, a.first_seen_at, a.updated_at, a.sort_time, a.content_hash, a.analysis_json
           FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.rowid`,
        )
        .iterate() as Iterable<ArticleExportRow>,
    feeds: () => db.prepare('SELECT * FROM feeds ORDER BY added_at, url').iterate() as Iterable<FeedRow>,
    schedules: () => db.prepare('SELECT id, origin, data_json, created_at FROM schedules ORDER BY created_at, id').iterate() as Iterable<ScheduleExportRow>,
    runs: () => db.prepare('SELECT * FROM runs ORDER BY scheduled_for, id').iterate() as Iterable<RunRow>,
    stories: () => db.prepare('SELECT id, headline, created_at, updated_at FROM stories ORDER BY created_at, id').iterate() as Iterable<StoryExportRow>,
    storyMembers: () =>
      db.prepare('SELECT story_id, article_id, source, title, url, joined_at FROM story_articles ORDER BY story_id, joined_at, article_id').iterate() as Iterable<StoryMemberRow & { story_id: string }>,
    storyBriefings: () =>
      db.prepare('SELECT story_id, run_id, target, at, kind, points_json, message_ids_json FROM story_briefings ORDER BY at, story_id, run_id').iterate() as Iterable<StoryBriefingRow & { story_id: string }>,
    storyThreads: () => db.prepare('SELECT target, story_id, root_message_id, thread_id FROM story_threads ORDER BY target, story_id').iterate() as Iterable<StoryThreadRow>,
    counts: () => ({
      articles: count('SELECT count(*) AS n FROM articles'),
      people: count(`SELECT count(*) AS n FROM entities WHERE type = 'person'`),
      quotes: count('SELECT count(*) AS n FROM quotes'),
      feeds: count('SELECT count(*) AS n FROM feeds'),
      schedules: count('SELECT count(*) AS n FROM schedules'),
      runs: count('SELECT count(*) AS n FROM runs'),
      stories: count('SELECT count(*) AS n FROM stories'),
    }),
    close: () => db.close(),
  };
}
