import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { copySqliteToPostgres } from '../../src/store/copy-store.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';
import { describeWithPostgres, dropSchema, testDatabaseUrl, uniqueSchema } from '../helpers/postgres.ts';

const schema = uniqueSchema('newsbot_copy');
const dir = mkdtempSync(join(tmpdir(), 'newsbot-copy-'));
const sqlitePath = join(dir, 'newsbot.db');

await describeWithPostgres('newsbot migrate: SQLite to PostgreSQL', () => {
  afterAll(async () => {
    await dropSchema(schema);
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await dropSchema(schema);
    rmSync(sqlitePath, { force: true });
    const clock = new ManualClock('2026-02-01T09:00:00.000Z');
    const store = openStore(sqlitePath, { clock });
    await store.saveAnalyses([
      makeAnalysis({
        id: 'a1',
        source: 'News.Az',
        url: 'https://news.az/a1',
        publishedAt: '2025-09-24T08:00:00Z',
        entities: [person('e1', 'Sergey Lavrov', ['Lavrov'], 'Russian Foreign Minister')],
        quotes: [{ text: 'We talked about the war for a long time', speaker: 'Sergey Lavrov', speakerId: 'e1', paragraph: 0, partial: false }],
      }),
      makeAnalysis({ id: 'b1', source: 'The Moscow Times', publishedAt: '2025-09-24T20:00:00Z', entities: [person('e1', 'Sergei Lavrov', ['Lavrov'])] }),
      makeAnalysis({ id: 'undated', title: 'Moldova votes', paragraphs: ['Élections in Moldova.'] }),
    ]);
    await store.addFeed({ url: 'https://news.az/rss', addedBy: 'U1' });
    await store.updateFeed('https://news.az/rss', { health: 'ok', etag: '"e1"', itemCount: 4 });
    await store.saveSchedule({ id: 'c1', title: 'T', cron: '0 8 * * *', when: 'daily 08:00', timezone: 'UTC', targets: [{ platform: 'console', id: 'main' }], feeds: [], maxStories: 5, origin: 'chat' });
    await store.claimRun({ id: 'c1@x>console:main', scheduleId: 'c1', scheduledFor: '2026-01-31T08:00:00.000Z', target: 'console:main', status: 'claimed', messageIds: [], points: [] });
    await store.updateRun('c1@x>console:main', { status: 'posted', messageIds: ['m1'], points: ['p1'] });
    await store.saveStory({ id: 's-lavrov', headline: 'Lavrov talks', members: [{ articleId: 'a1', source: 'News.Az', title: 'Title of a1', url: 'https://news.az/a1', joinedAt: '2025-09-24T08:00:00Z' }] });
    await store.recordStoryBriefing('s-lavrov', { runId: 'c1@x>console:main', target: 'slack:C1', at: '2026-01-31T08:00:00.000Z', kind: 'post', points: ['p1'], messageIds: ['1.1'] });
    await store.saveStoryThread({ target: 'slack:C1', storyId: 's-lavrov', rootMessageId: '1.1', threadId: '1.1' });
    await store.close();
  });

  it('copies every aggregate with its stamps, and a second run copies nothing', async () => {
    const first = await copySqliteToPostgres(sqlitePath, testDatabaseUrl, { schema });
    expect(first.source).toEqual({ articles: 3, people: 1, quotes: 1, feeds: 1, schedules: 1, runs: 1, stories: 1 });
    expect(first.target).toEqual(first.source);
    expect(first.copied).toEqual(first.source);
    expect(first.skipped).toEqual([]);

    const second = await copySqliteToPostgres(sqlitePath, testDatabaseUrl, { schema });
    expect(second.copied).toEqual({ articles: 0, people: 0, quotes: 0, feeds: 0, schedules: 0, runs: 0, stories: 0 });
    expect(second.target).toEqual(first.target);

    const sqlite = openStore(sqlitePath);
    const postgres = await openPostgresStore(testDatabaseUrl, { schema });
    try {
      expect(await postgres.getPerson('lavrov')).toEqual(await sqlite.getPerson('lavrov'));
      expect(await postgres.quotesBy('lavrov')).toEqual(await sqlite.quotesBy('lavrov'));
      expect(await postgres.listAnalyses()).toEqual(await sqlite.listAnalyses());
      // The undated article keeps the time SQLite first saw it.
      expect((await postgres.listAnalyses({ since: '2026-02-01T09:00:00.000Z' })).map((a) => a.article.id)).toEqual(['undated']);
      expect((await postgres.searchArticles('elections')).map((a) => a.article.id)).toEqual(['undated']);
      expect(await postgres.listFeeds()).toEqual(await sqlite.listFeeds());
      expect(await postgres.listSchedules()).toEqual(await sqlite.listSchedules());
      expect(await postgres.lastPostedRun('c1')).toEqual(await sqlite.lastPostedRun('c1'));
      expect(await postgres.getStory('s-lavrov')).toEqual(await sqlite.getStory('s-lavrov'));
      expect(await postgres.storyThreads('slack:C1', ['s-lavrov'])).toEqual([{ target: 'slack:C1', storyId: 's-lavrov', rootMessageId: '1.1', threadId: '1.1' }]);
      // The copied ledger still holds the claim: the firing cannot be posted again from PostgreSQL.
      expect(await postgres.claimRun({ id: 'c1@x>console:main', scheduleId: 'c1', scheduledFor: '2026-01-31T08:00:00.000Z', target: 'console:main', status: 'claimed', messageIds: [], points: [] })).toBe(false);
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });

  it('GIVEN a SQLite file that does not exist THEN it says which and copies nothing', async () => {
    await expect(copySqliteToPostgres(join(dir, 'missing.db'), testDatabaseUrl, { schema })).rejects.toThrow(/no SQLite store at .*missing\.db/);
  });
});
