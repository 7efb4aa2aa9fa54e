import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/index.ts';
import { loadInputs } from '../../src/ingest/inputs.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { adminUser, FakeDiscord } from './fakes/discord-server.ts';
import { limitViolations } from './fakes/discord-seeds.ts';

const closedChannel = '620000000000000009';

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let store: Store;
let scheduler: Scheduler;
let dir: string;
// The seed articles appeared at 08:00 and 20:00 UTC on 24 September 2025; the admin schedules at 20:30.
const clock = new ManualClock('2025-09-24T20:30:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-schedule-'));
  store = openStore(join(dir, 'newsbot.db'));
  const seeds = join(import.meta.dirname, '../../../shared/fixtures/seeds/articles');
  for (const article of (await loadInputs([seeds])).articles) await store.saveAnalysis(analyzeArticle(article));

  fake = new FakeDiscord();
  const apiUrl = await fake.start();
  const ctx: CommandContext = { store, clock, defaultTimezone: 'UTC', onSchedulesChanged: () => void scheduler.reload() };
  adapter = createDiscordAdapter({
    config: { token: 'test-token', appId: fake.appId, apiUrl },
    handleCommand: (command) => runCommand(command, ctx),
    suggestPeople: (prefix, limit) => store.suggestPeople(prefix, limit),
  });
  scheduler = new Scheduler({ store, clock, sinks: [adapter.sink] });
  await adapter.start();
});

afterAll(async () => {
  await scheduler?.stop();
  await adapter?.stop();
  await fake?.stop();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function scheduleBriefing(channelId: string): Promise<void> {
  const interaction = fake.sendChatInput(
    'digest',
    [{ name: 'schedule', type: 1, options: [{ name: 'when', type: 3, value: 'daily 21:00' }, { name: 'timezone', type: 3, value: 'UTC' }] }],
    adminUser,
    channelId,
  );
  await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
}

describe('a briefing scheduled in Discord and fired by the scheduler', () => {
  test('GIVEN an admin scheduled daily 21:00 in a channel WHEN the clock reaches 21:00 THEN the briefing lands there as embeds, once, with its message ids in the ledger', async () => {
    await scheduleBriefing(fake.channelId);
    const schedule = (await store.listSchedules()).find((s) => s.targets.some((t) => t.id === fake.channelId));
    expect(schedule).toBeDefined();

    clock.set('2025-09-24T21:00:20Z');
    const outcomes = await scheduler.runDueFirings();
    expect(outcomes.map((o) => o.status)).toEqual(['posted']);

    const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
    expect(posts.length).toBeGreaterThan(0);
    const embeds = posts.flatMap((p) => p.body.embeds);
    expect(embeds.some((e: { title: string }) => e.title.includes('Lavrov'))).toBe(true);
    const story = embeds.find((e: { footer?: { text: string } }) => e.footer?.text.includes('The Moscow Times'));
    expect(story?.footer.text).toContain('News.Az');
    for (const post of posts) {
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
      expect(limitViolations(post.body)).toEqual([]);
    }
    const [run] = await store.listRuns(schedule!.id);
    expect(run?.status).toBe('posted');
    expect(run?.messageIds).toEqual(posts.map((p) => p.response.id));

    clock.set('2025-09-24T21:05:00Z');
    expect(await scheduler.runDueFirings()).toEqual([]);
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`)).toHaveLength(posts.length);
  });

  test('GIVEN the bot lost Send Messages in the scheduled channel WHEN the briefing fires THEN the run fails naming the channel and the admin who scheduled it hears of it in a direct message', async () => {
    await scheduleBriefing(closedChannel);
    const schedule = (await store.listSchedules()).find((s) => s.targets.some((t) => t.id === closedChannel));
    fake.refusedChannels.set(closedChannel, { code: 50013, message: 'Missing Permissions' });

    clock.set('2025-09-25T21:00:10Z');
    const outcomes = await scheduler.runDueFirings();
    const failed = outcomes.find((o) => o.target === `discord:${closedChannel}`);
    expect(failed?.status).toBe('failed');
    expect(failed?.error).toContain(closedChannel);
    expect(failed?.error).toContain('Missing Permissions (50013)');
    expect((await store.listRuns(schedule!.id))[0]?.status).toBe('failed');

    const opened = await fake.waitForRequest((r) => r.method === 'POST' && r.path === '/users/@me/channels');
    expect(opened.body.recipient_id).toBe(adminUser.id);
    const dm = await fake.waitForRequest((r) => r.method === 'POST' && /^\/channels\/5\d+\/messages$/.test(r.path));
    expect(dm.body.content).toContain('could not be posted');
    expect(dm.body.content).toContain(closedChannel);
  });
});
