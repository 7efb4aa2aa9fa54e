import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { errorReply } from '../../src/commands/types.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { Schedule } from '../../src/schedule/types.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { fireThreeDailyBriefings, strikeDays } from '../helpers/growing-story.ts';
import { FakeDiscord } from './fakes/discord-server.ts';

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let store: Store;
let dir: string;

const schedule = (channelId: string): Schedule => ({
  id: 'threaded',
  title: 'Morning briefing',
  cron: '0 8 * * *',
  when: 'daily 08:00',
  timezone: 'Europe/Berlin',
  targets: [{ platform: 'discord', id: channelId }],
  feeds: [],
  maxStories: 10,
  threads: true,
  origin: 'chat',
  createdAt: '2026-11-22T12:00:00Z',
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-threads-'));
  store = openStore(join(dir, 'newsbot.db'));
  fake = new FakeDiscord();
  const apiUrl = await fake.start();
  adapter = createDiscordAdapter({
    config: { token: 'test-token', appId: fake.appId, apiUrl },
    handleCommand: async () => errorReply('internal', 'not used here'),
    suggestPeople: async () => [],
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const textOf = (message: { body: any }) => JSON.stringify(message.body);

describe('a story that grows over three daily Discord briefings, with threads on', () => {
  test('GIVEN one new report a day THEN the story is posted once, a thread starts from it, and two replies carry only the new points, each once', async () => {
    const channel = fake.channelId;
    await store.saveSchedule(schedule(channel));
    const clock = new ManualClock('2026-11-23T06:00:00Z');
    expect(await fireThreeDailyBriefings(store, clock, adapter.sink)).toEqual(['posted', 'posted', 'posted']);

    const inChannel = fake.messagesIn(channel);
    const roots = inChannel.filter((m) => textOf(m).includes('Okafor'));
    expect(roots).toHaveLength(1);
    const root = roots[0]!;
    expect(textOf(root)).toContain('walked out on Monday');

    // One thread, started from the story's message, named after the story.
    const starts = fake.requests.filter((r) => r.method === 'POST' && /\/threads$/.test(r.path));
    expect(starts.map((r) => r.path)).toEqual([`/channels/${channel}/messages/${root.id}/threads`]);
    expect(fake.threads.get(root.id)?.name).toBe('Port of Lindholm dockworkers strike over pay');

    const replies = fake.messagesIn(root.id);
    expect(replies).toHaveLength(2);
    const [second, third] = replies.map(textOf);
    expect(second).toContain(strikeDays[1]!.newPoint);
    expect(second).not.toContain(strikeDays[0]!.newPoint);
    expect(second).toContain('Coastal Ledger');
    expect(third).toContain(strikeDays[2]!.newPoint);
    expect(third).not.toContain(strikeDays[1]!.newPoint);
    expect(third).toContain('Northern Wire');
    for (const reply of replies) expect(reply.body.allowed_mentions).toEqual({ parse: [] });

    // Days two and three: the briefing names the story in one line, linked to its thread.
    expect(inChannel).toHaveLength(4);
    for (const intro of inChannel.slice(2)) {
      expect(intro.body.content).toContain('Continued in their threads');
      expect(intro.body.content).toContain(`](https://discord.com/channels/${fake.guildId}/${root.id})`);
      expect(textOf(intro)).not.toContain('walked out on Monday');
    }

    const posted = (await store.listRuns('threaded')).filter((r) => r.status === 'posted').flatMap((r) => r.messageIds);
    expect(replies.every((reply) => posted.includes(reply.id))).toBe(true);
  });
});
