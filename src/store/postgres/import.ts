import type pg from 'pg';
import { readAnalysis } from '../stored-records.ts';
import type { ArticleExportRow, StoreCounts, StoreRows } from '../store-rows.ts';
import { lock, lockKeys, searchText } from './articles.ts';
import type { PgContext } from './context.ts';
import { indexPeople } from './people.ts';

export interface ImportReport {
  /** Rows written by this import, per table; a second import of the same source writes none. */
  copied: StoreCounts;
  /** Source rows that could not be copied, each with its reason. */
  skipped: string[];
}

const batchSize = 200;

/**
 * Copies every row of another store into this PostgreSQL database, keeping ids and stamps
 * (stories keep their ids, members, timelines and threads).
 * Rows already present (the same article by id, link or text; the same feed, schedule or run)
 * are left as they are, so importing twice changes nothing.
 */
export async function importRows(ctx: PgContext, rows: StoreRows): Promise<ImportReport> {
  const copied: StoreCounts = { articles: 0, people: 0, quotes: 0, feeds: 0, schedules: 0, runs: 0, stories: 0 };
  const skipped: string[] = [];
  const before = await countRows(ctx);

  let batch: ArticleExportRow[] = [];
  const flush = async () => {
    const current = batch;
    batch = [];
    await ctx.transaction(async (client) => {
      for (const row of current) {
        try {
          await client.query('SAVEPOINT article');
          if (await importArticle(ctx, client, row)) copied.articles++;
          await client.query('RELEASE SAVEPOINT article');
        } catch (error) {
          await client.query('ROLLBACK TO SAVEPOINT article');
          skipped.push(`article "${row.id}": ${(error as Error).message}`);
        }
      }
    });
  };
  for (const row of rows.articles()) {
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();

  for (const feed of rows.feeds()) {
    copied.feeds += await ctx.run(
      `INSERT INTO feeds(url, title, added_by, added_at, health, failing_since, last_error, last_polled_at, last_ok_at, etag, last_modified, item_count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (url) DO NOTHING`,
      [feed.url, feed.title, feed.added_by, feed.added_at, feed.health, feed.failing_since, feed.last_error, feed.last_polled_at, feed.last_ok_at, feed.etag, feed.last_modified, feed.item_count],
    );
  }
  for (const schedule of rows.schedules()) {
    copied.schedules += await ctx.run('INSERT INTO schedules(id, origin, data_json, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING', [
      schedule.id,
      schedule.origin,
      schedule.data_json,
      schedule.created_at,
    ]);
  }
  for (const run of rows.runs()) {
    copied.runs += await ctx.run(
      `INSERT INTO runs(id, schedule_id, scheduled_for, target, status, message_ids_json, points_json, error, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
      [run.id, run.schedule_id, run.scheduled_for, run.target, run.status, run.message_ids_json, run.points_json, run.error, run.updated_at],
    );
  }
  for (const story of rows.stories()) {
    copied.stories += await ctx.run(
      'INSERT INTO stories(id, headline, created_at, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING',
      [story.id, story.headline, story.created_at, story.updated_at],
    );
  }
  for (const member of rows.storyMembers()) {
    await ctx.run(
      'INSERT INTO story_articles(story_id, article_id, source, title, url, joined_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (story_id, article_id) DO NOTHING',
      [member.story_id, member.article_id, member.source, member.title, member.url, member.joined_at],
    );
  }
  for (const briefing of rows.storyBriefings()) {
    await ctx.run(
      `INSERT INTO story_briefings(story_id, run_id, target, at, kind, points_json, message_ids_json) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (story_id, run_id) DO NOTHING`,
      [briefing.story_id, briefing.run_id, briefing.target, briefing.at, briefing.kind, briefing.points_json, briefing.message_ids_json],
    );
  }
  for (const thread of rows.storyThreads()) {
    await ctx.run(
      'INSERT INTO story_threads(target, story_id, root_message_id, thread_id) VALUES ($1, $2, $3, $4) ON CONFLICT (target, story_id) DO NOTHING',
      [thread.target, thread.story_id, thread.root_message_id, thread.thread_id],
    );
  }
  const after = await countRows(ctx);
  copied.people = after.people - before.people;
  copied.quotes = after.quotes - before.quotes;
  return { copied, skipped };
}

/** Inserts one article unless one with its id, link or text is stored; returns whether it did. */
async function importArticle(ctx: PgContext, client: pg.ClientBase, row: ArticleExportRow): Promise<boolean> {
  const analysis = readAnalysis(row.analysis_json, row.id);
  await lock(client, lockKeys(analysis, row.content_hash, row.canonical_url));
  const present = await ctx.row(
    'SELECT 1 AS present FROM articles WHERE id = $1 OR canonical_url = $2 OR content_hash = $3 LIMIT 1',
    [row.id, row.canonical_url, row.content_hash],
    client,
  );
  if (present) return false;
  await ctx.run('INSERT INTO sources(name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [row.source], client);
  const inserted = await ctx.row<{ rowid: string }>(
    `INSERT INTO articles(id, source_id, title, url, canonical_url, feed_url, published_at, first_seen_at, updated_at, sort_time, content_hash, analysis_json, search)
     VALUES ($1, (SELECT id FROM sources WHERE name = $2), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
             setweight(to_tsvector('simple', $13::text), 'A') || setweight(to_tsvector('simple', $14::text), 'B'))
     RETURNING rowid`,
    [
      row.id,
      row.source,
      row.title,
      row.url,
      row.canonical_url,
      row.feed_url,
      row.published_at,
      row.first_seen_at,
      row.updated_at,
      row.sort_time,
      row.content_hash,
      row.analysis_json,
      searchText(analysis.article.title),
      searchText(analysis.article.paragraphs.join('\n')),
    ],
    client,
  );
  await indexPeople(ctx, client, [{ rowid: inserted!.rowid, analysis }]);
  return true;
}

export async function countRows(ctx: PgContext): Promise<StoreCounts> {
  const row = await ctx.row<StoreCounts>(
    `SELECT (SELECT count(*) FROM articles)::integer AS articles,
            (SELECT count(*) FROM entities WHERE type = 'person')::integer AS people,
            (SELECT count(*) FROM quotes)::integer AS quotes,
            (SELECT count(*) FROM feeds)::integer AS feeds,
            (SELECT count(*) FROM schedules)::integer AS schedules,
            (SELECT count(*) FROM runs)::integer AS runs,
            (SELECT count(*) FROM stories)::integer AS stories`,
  );
  return row!;
}
