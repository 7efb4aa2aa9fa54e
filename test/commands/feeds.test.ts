import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { feedsCommand } from '../../src/commands/feeds.ts';
import type { Command, Reply } from '../../src/commands/types.ts';
import type { Store } from '../../src/store/store.ts';
import { TempDatabase } from '../schedule/support.ts';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
  server.route('/home', (_req, res) =>
    void res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!doctype html><html><head><link rel="alternate" type="application/rss+xml" title="News" href="/feeds/rss-parser/narro.rss"></head><body>Hi</body></html>'),
  );
  server.route('/plain', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><head><title>No feed here</title></head><body>Hello</body></html>'));
});
afterAll(() => server.close());

let db: TempDatabase;
let store: Store;
let ctx: CommandContext;

beforeEach(async () => {
  db = new TempDatabase();
  store = db.open();
  ctx = { store, clock: new ManualClock('2026-11-23T03:40:00Z'), defaultTimezone: 'UTC', feedAccess: { allowPrivateUrls: true, limits: { totalTimeoutMs: 5_000 } } };
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
  it('GIVEN an admin adds a feed (as Slack sends links) THEN it is checked, stored once with its title, and adding it again says it is already there', async () => {
    const url = `${server.url}/feeds/rss-parser/narro.rss`;
    const added = textOf(await run(['add', `<${url}|narro.rss>`]));
    expect(added).toContain(`Following`);
    expect(added).toContain(url);
    expect(added).toMatch(/\d+ items? now/);
    expect(textOf(await run(['add', url]))).toContain('already followed');
    expect((await store.listFeeds()).map((f) => [f.url, f.addedBy])).toEqual([[url, 'U1']]);
    expect(textOf(await run(['list'], false))).toContain('Health: new, not fetched yet');
  });

  it('GIVEN a site\'s page THEN the feed it names in <link rel="alternate"> is added, and the page again says already there', async () => {
    const feed = `${server.url}/feeds/rss-parser/narro.rss`;
    const added = textOf(await run(['add', `${server.url}/home`]));
    expect(added).toContain(`${feed} (found on ${server.url}/home)`);
    expect((await store.listFeeds()).map((f) => f.url)).toEqual([feed]);
    expect(textOf(await run(['add', `${server.url}/home`]))).toContain('already followed');
    expect(await store.listFeeds()).toHaveLength(1);
  });

  it.each([
    ['a page that is no feed', '/plain', /not a feed|no feed|not an? (RSS|Atom)|cannot be read/i],
    ['an unreachable server answer', '/status/404', /404/],
  ])('GIVEN %s THEN it is refused with the reason and nothing is stored', async (_what, path, reason) => {
    const text = textOf(await run(['add', `${server.url}${path}`]));
    expect(text).toMatch(/^invalid_feed: /);
    expect(text).toMatch(reason);
    expect(text).toContain('nothing was added');
    expect(await store.listFeeds()).toEqual([]);
  });

  it('GIVEN a private address while private URLs are not allowed THEN /feeds add refuses it as the CLI does', async () => {
    ctx = { ...ctx, feedAccess: { allowPrivateUrls: false, limits: {} } };
    const text = textOf(await run(['add', `${server.url}/feeds/rss-parser/narro.rss`]));
    expect(text).toMatch(/^invalid_feed: .*(private|loopback)/i);
    expect(await store.listFeeds()).toEqual([]);
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

  it('GIVEN a feed failing for over 24 h THEN admins see it first in /feeds list, members see only its health line', async () => {
    await store.addFeed({ url: 'https://example.org/feed' });
    await store.updateFeed('https://example.org/feed', { health: 'failing', failingSince: '2026-11-22T01:00:00Z', lastError: 'HTTP 404 Not Found' });
    await store.addFeed({ url: 'https://example.net/atom' });
    await store.updateFeed('https://example.net/atom', { health: 'failing', failingSince: '2026-11-23T01:00:00Z', lastError: 'timeout' });
    const admin = await run(['list']);
    expect(admin.kind === 'text' && admin.sections[0]).toEqual({
      heading: 'Failing for 24 h or more (1)',
      lines: ['https://example.org/feed: a day, HTTP 404 Not Found — /feeds remove https://example.org/feed stops it'],
    });
    expect(textOf(await run(['list'], false))).not.toContain('Failing for 24 h');
  });

  it.each([['ftp://example.com/feed'], ['not a url'], ['https://user:secret@example.com/rss'], ['htp://typo']])('GIVEN "%s" THEN it is refused as no feed URL and nothing is stored', async (url) => {
    expect(textOf(await run(['add', url]))).toMatch(/^invalid_feed: .* is not an http\(s\) address/);
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
