import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { registerCommands } from '../../adapters/discord/register.ts';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { runCommand } from '../../src/commands/index.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { loadInputs } from '../../src/ingest/inputs.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { adminUser, FakeDiscord, memberUser, type RecordedRequest } from './fakes/discord-server.ts';

const EPHEMERAL = 64;
const CALLBACK = { reply: 4, deferred: 5, autocomplete: 8 };

let fake: FakeDiscord;
let adapter: DiscordAdapter;
let store: Store;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-'));
  store = openStore(join(dir, 'newsbot.db'));
  const seeds = join(import.meta.dirname, '../../../shared/fixtures/seeds/articles');
  for (const article of (await loadInputs([seeds])).articles) await store.saveAnalysis(analyzeArticle(article));
  const ctx: CommandContext = { store, clock: new ManualClock('2025-09-25T06:00:00Z'), defaultTimezone: 'UTC' };

  fake = new FakeDiscord({ heartbeatIntervalMs: 250 });
  const apiUrl = await fake.start();
  await registerCommands({ token: 'test-token', appId: fake.appId, apiUrl, guildId: fake.guildId });
  adapter = createDiscordAdapter({
    config: { token: 'test-token', appId: fake.appId, apiUrl },
    handleCommand: (command) => runCommand(command, ctx),
    suggestPeople: (prefix, limit) => store.suggestPeople(prefix, limit),
    log: { debug: () => {}, info: () => {}, warn: (m) => console.log(m), error: (m) => console.log(m) },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The first answer Discord got for an interaction: its callback, then (when deferred) the edit or follow-up. */
async function answerOf(interaction: { id: string; token: string }): Promise<{ callback: RecordedRequest; message: any }> {
  const callback = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
  if (callback.body.type !== CALLBACK.deferred) return { callback, message: callback.body.data };
  const later = await fake.waitForRequest((r) => r.path.startsWith(`/webhooks/${fake.appId}/${interaction.token}`) && r.method !== 'DELETE');
  return { callback, message: later.body };
}

describe('slash commands through discord.js against a local Discord', () => {
  test('GIVEN the seed articles are stored WHEN a member asks /who lavrov THEN a public embed names Sergey Lavrov, his role and outlet', async () => {
    const interaction = fake.sendChatInput('who', [{ name: 'name', type: 3, value: 'lavrov' }]);
    const { callback, message } = await answerOf(interaction);
    expect(callback.body.type).toBe(CALLBACK.reply);
    expect(message.flags ?? 0).toBe(0);
    const embed = message.embeds[0];
    expect(embed.title).toBe('Sergey Lavrov');
    expect(embed.description).toMatch(/Foreign Minister/);
    expect(JSON.stringify(embed.fields)).toContain('News.Az');
    expect(message.allowed_mentions).toEqual({ parse: [] });
  });

  test('WHEN a member types "zel" in the name option THEN autocomplete offers Zelensky once, with both spellings', async () => {
    const interaction = fake.sendAutocomplete('who', [{ name: 'name', type: 3, value: 'zel', focused: true }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body.type).toBe(CALLBACK.autocomplete);
    const choices: Array<{ name: string; value: string }> = callback.body.data.choices;
    const zelensky = choices.filter((c) => /zelensk/i.test(c.name));
    expect(zelensky).toHaveLength(1);
    expect(zelensky[0]!.name).toMatch(/Zelensky\b/);
    expect(zelensky[0]!.name).toMatch(/Zelenskyy\b/);
    expect(zelensky[0]!.value.length).toBeLessThanOrEqual(100);
  });

  test('WHEN a member asks /quotes trump THEN the reply lists Trump quotes with their outlet', async () => {
    const interaction = fake.sendChatInput('quotes', [{ name: 'name', type: 3, value: 'trump' }, { name: 'limit', type: 4, value: 3 }]);
    const { message } = await answerOf(interaction);
    const embed = message.embeds[0];
    expect(embed.title).toBe('Quotes by Donald Trump');
    expect(embed.fields.length).toBeGreaterThan(0);
    expect(embed.fields.length).toBeLessThanOrEqual(3);
    for (const field of embed.fields) expect(field.name).toMatch(/News\.Az|The Moscow Times/);
    // Newest first: the later Moscow Times article leads, News.Az's Truth Social post follows.
    expect(embed.fields[0].name).toContain('The Moscow Times');
    expect(JSON.stringify(embed.fields)).toContain('After getting to know and fully understand');
  });

  test('WHEN an admin asks /digest now THEN the answer is deferred first and the briefing arrives as an edit of the original reply', async () => {
    const interaction = fake.sendChatInput('digest', [{ name: 'now', type: 1, options: [] }], adminUser);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body.type).toBe(CALLBACK.deferred);
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.appId}/${interaction.token}/messages/@original`);
    expect(edit.rawPath).toContain('%40original');
    expect(edit.body.embeds[0].title).toContain('Lavrov');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  test('WHEN a member asks /story rubio lavrov THEN the answer is deferred, then one embed compares what each outlet reported', async () => {
    const interaction = fake.sendChatInput('story', [{ name: 'words', type: 3, value: 'rubio lavrov' }]);
    const { callback, message } = await answerOf(interaction);
    expect(callback.body.type).toBe(CALLBACK.deferred);
    expect(callback.body.data?.flags ?? 0).toBe(0);
    const embed = message.embeds[0];
    expect(embed.footer.text).toBe('News.Az · The Moscow Times');
    const names: string[] = embed.fields.map((f: { name: string }) => f.name);
    expect(names.some((n) => n === 'All sources agree' || n.startsWith('Only in'))).toBe(true);
  });

  test('WHEN /story finds nothing THEN the public "thinking" note is removed and the error is shown only to the asker', async () => {
    const interaction = fake.sendChatInput('story', [{ name: 'words', type: 3, value: 'xylophone quarterfinals' }]);
    const { callback, message } = await answerOf(interaction);
    expect(callback.body.type).toBe(CALLBACK.deferred);
    await fake.waitForRequest((r) => r.method === 'DELETE' && r.path === `/webhooks/${fake.appId}/${interaction.token}/messages/@original`);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toContain('xylophone quarterfinals');
  });

  test('WHEN a member without Manage Server tries /digest schedule THEN it is refused privately and nothing is scheduled', async () => {
    const interaction = fake.sendChatInput(
      'digest',
      [{ name: 'schedule', type: 1, options: [{ name: 'when', type: 3, value: 'daily 08:00' }, { name: 'timezone', type: 3, value: 'Europe/Berlin' }] }],
      memberUser,
    );
    const { message } = await answerOf(interaction);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(message.content).toMatch(/Manage Server/);
    expect(await store.listSchedules()).toEqual([]);
  });

  test('WHEN an admin schedules /digest schedule daily 08:00 Europe/Berlin THEN the schedule targets this channel', async () => {
    const interaction = fake.sendChatInput(
      'digest',
      [{ name: 'schedule', type: 1, options: [{ name: 'when', type: 3, value: 'daily 08:00' }, { name: 'timezone', type: 3, value: 'Europe/Berlin' }] }],
      adminUser,
    );
    const { message } = await answerOf(interaction);
    expect(message.content).toContain('Briefing scheduled');
    const [schedule] = await store.listSchedules();
    expect(schedule).toMatchObject({ timezone: 'Europe/Berlin', targets: [{ platform: 'discord', id: fake.channelId }], createdBy: adminUser.id });
  });

  test('GIVEN commands registered twice THEN Discord holds the same five commands, admin ones limited to Manage Server', async () => {
    const again = await registerCommands({ token: 'test-token', appId: fake.appId, apiUrl: fake.apiUrl, guildId: fake.guildId });
    const held = fake.commands.get(fake.guildId)!;
    expect(held.map((c) => c.name).sort()).toEqual(['digest', 'feeds', 'quotes', 'story', 'who']);
    expect(again.commands.map((c) => c.id).sort()).toEqual(held.map((c) => c.id).sort());
    expect(held.find((c) => c.name === 'digest').default_member_permissions).toBe('32');
    expect(held.find((c) => c.name === 'feeds').default_member_permissions).toBe('32');
    expect(held.find((c) => c.name === 'who').default_member_permissions ?? null).toBeNull();
    const who = held.find((c) => c.name === 'who');
    expect(who.options[0]).toMatchObject({ name: 'name', autocomplete: true, required: true });
  });

  test('GIVEN the client is connected THEN it identified with the Guilds intent only and its heartbeats were acknowledged', async () => {
    const identify = fake.gatewayFrames.find((f) => f.op === 2);
    expect(identify?.d.intents).toBe(1);
    await fake.waitForGatewayFrame((f) => f.op === 1);
    // discord.js measures ping only from an acknowledged heartbeat.
    await vi.waitFor(() => expect(adapter.client.ws.ping).toBeGreaterThanOrEqual(0));
  });
});
