import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { feedsCommand } from '../../src/commands/feeds.ts';
import type { Command, Reply } from '../../src/commands/types.ts';
import type { Store } from '../../src/store/store.ts';
import { TempDatabase } from '../schedule/support.ts';

let db: TempDatabase;
let store: Store;
let ctx: CommandContext;

beforeEach(async () => {
  db = new TempDatabase();
  store = db.open();
  ctx = { store, clock: new ManualClock('2026-11-23T03:40:00Z'), defaultTimezone: 'UTC' };
});
afterEach(() => db.dispose());

function run(args: string[], admin = true): Promise<Reply> {
  const command: Command = { name: 'feeds', args, caller: { id: 'U1', isAdmin: admin }, channel: { platform: 'discord', id: '123456789012345678' } };
  return feedsCommand(command, ctx);
}

function textOf(reply: Reply): string {
  if (reply.kind === 'text') return [reply.title ?? '', ...reply.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
  if (reply.kind === 'error') return `${reply.code}: ${reply.message} ${reply.hint ?? ''}`;
  return reply.kind;
}

describe('/feeds', () => {
  it('GIVEN an admin adds a feed (as Slack sends links) THEN it is stored once and listed as new', async () => {
    expect(textOf(await run(['add', '<https://example.com/rss.xml|example.com/rss.xml>']))).toContain('Following https://example.com/rss.xml');
    expect(textOf(await run(['add', 'https://example.com/rss.xml']))).toContain('already followed');
    expect((await store.listFeeds()).map((f) => [f.url, f.addedBy])).toEqual([['https://example.com/rss.xml', 'U1']]);
    expect(textOf(await run(['list'], false))).toContain('Health: new, not fetched yet');
  });

  it('shows a failing feed with the time it started failing and its last error', async () => {
    await store.addFeed({ url: 'https://example.org/feed' });
    await store.updateFeed('https://example.org/feed', { health: 'failing', failingSince: '2026-11-22T10:00:00Z', lastError: 'HTTP 404 Not Found' });
    await store.addFeed({ url: 'https://example.net/atom' });
    await store.updateFeed('https://example.net/atom', { health: 'ok', lastOkAt: '2026-11-23T03:00:00Z', itemCount: 12 });
    const text = textOf(await run(['list']));
    expect(text).toContain('Health: failing since 2026-11-22T10:00:00Z: HTTP 404 Not Found');
    expect(text).toContain('Health: ok, last fetched 2026-11-23T03:00:00Z');
    expect(text).toContain('12 items');
  });

  it.each([['ftp://example.com/feed'], ['not a url'], ['https://user:secret@example.com/rss']])('GIVEN "%s" THEN it is refused as no feed URL and nothing is stored', async (url) => {
    expect(textOf(await run(['add', url]))).toMatch(/^invalid_feed: .* is not a feed URL/);
    expect(await store.listFeeds()).toEqual([]);
  });

  it('GIVEN a member who is no admin THEN adding and removing are refused with the reason', async () => {
    await store.addFeed({ url: 'https://example.com/rss.xml' });
    for (const args of [['add', 'https://example.org/feed'], ['remove', 'https://example.com/rss.xml']]) {
      expect(await run(args, false)).toMatchObject({
        kind: 'error',
        code: 'forbidden',
        message: 'Only admins can add or remove feeds (you need Manage Server on Discord, or to be a workspace admin on Slack).',
      });
    }
    expect((await store.listFeeds()).map((f) => f.url)).toEqual(['https://example.com/rss.xml']);
  });

  it('GIVEN an admin removes a followed feed THEN it is gone, and removing an unknown one says how to find the URL', async () => {
    await store.addFeed({ url: 'https://example.com/rss.xml' });
    expect(textOf(await run(['remove', 'https://example.com/rss.xml']))).toContain('No longer following https://example.com/rss.xml');
    expect(await store.listFeeds()).toEqual([]);
    expect(textOf(await run(['remove', 'https://example.com/rss.xml']))).toMatch(/^not_found: .*\/feeds list/);
  });
});
