import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/discord-adapter.ts';
import { registerCommands } from '../../adapters/discord/register.ts';
import { errorReply, type Command, type Reply } from '../../src/commands/types.ts';
import { FakeDiscord } from './fakes/discord-server.ts';
import { limitViolations, seedDigest, seedStory } from './fakes/discord-seeds.ts';

let fake: FakeDiscord;
let adapter: DiscordAdapter;
const logged: string[] = [];
let handleCommand: (command: Command) => Promise<Reply> = async () => errorReply('internal', 'not used here');

beforeAll(async () => {
  fake = new FakeDiscord();
  const apiUrl = await fake.start();
  adapter = createDiscordAdapter({
    config: { token: 'test-token', appId: fake.appId, apiUrl },
    handleCommand: (command) => handleCommand(command),
    suggestPeople: async () => [],
    deferAfterMs: 20,
    log: { debug: () => {}, info: () => {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) },
  });
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
});

const channelPosts = (channelId: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

describe('a wrong bot token', () => {
  test('GIVEN a token Discord refuses THEN starting and registering fail with E_DISCORD_TOKEN and say where to get a new one', async () => {
    const wrong = createDiscordAdapter({
      config: { token: 'revoked-token', appId: fake.appId, apiUrl: fake.apiUrl },
      handleCommand: async () => errorReply('internal', 'not used here'),
      suggestPeople: async () => [],
    });
    try {
      await expect(wrong.start()).rejects.toMatchObject({ code: 'E_DISCORD_TOKEN', message: expect.stringContaining('Reset Token') });
    } finally {
      await wrong.stop();
    }
    await expect(registerCommands({ token: 'revoked-token', appId: fake.appId, apiUrl: fake.apiUrl })).rejects.toMatchObject({ code: 'E_DISCORD_TOKEN' });
  });
});

describe('answers that take a while', () => {
  test('GIVEN a command still working after the defer threshold THEN Discord is told to wait, and the answer replaces the note', async () => {
    let finish: (reply: Reply) => void = () => {};
    handleCommand = () => new Promise((resolve) => (finish = resolve));
    const interaction = fake.sendChatInput('who', [{ name: 'name', type: 3, value: 'somebody' }]);

    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body.type).toBe(5);
    finish({ kind: 'text', ephemeral: false, sections: [{ lines: ['Found somebody at last.'] }] });
    const edit = await fake.waitForRequest((r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.appId}/${interaction.token}/messages/@original`);
    expect(edit.body.content).toBe('Found somebody at last.');
  });
});

describe('briefings posted to a Discord channel', () => {
  test('GIVEN a digest of two stories THEN the channel receives one linked embed per story with its fields, and the message id comes back', async () => {
    const channel = '610000000000000001';
    const ids = await adapter.sink.postBriefing({ platform: 'discord', id: channel }, seedDigest([seedStory(0), seedStory(1)]));

    const posts = channelPosts(channel);
    expect(posts).toHaveLength(1);
    expect(ids).toHaveLength(1);
    const [first, second] = posts[0]!.body.embeds;
    expect(first.title).toBe('Rubio to meet Lavrov at UN as Trump shifts stance on Ukraine');
    expect(first.url).toBe('https://news.az/news/000_1e144d6f0b5b1d8e');
    expect(first.fields.map((f: { name: string }) => f.name)).toEqual([
      'All sources agree',
      'Only in News.Az',
      'Only in The Moscow Times',
      'New since the last briefing',
      'People',
      'Quote',
      'Sources',
    ]);
    expect(first.fields.find((f: { name: string }) => f.name === 'People').value).toContain('Zelenskyy');
    expect(first.footer.text).toBe('News.Az · The Moscow Times');
    expect(second.title).toContain('(1)');
    expect(posts[0]!.body.content).toContain('Morning briefing');
  });

  test('GIVEN article text with @everyone, @here and a user mention THEN the post carries it with mentions disabled, so nobody is pinged', async () => {
    const channel = '610000000000000002';
    const story = seedStory(0);
    story.summary = ['Protesters wrote @everyone and @here on the walls, and <@123456789012345678> answered within minutes.'];
    const digest = { ...seedDigest([story]), title: 'Alert @everyone' };
    await adapter.sink.postBriefing({ platform: 'discord', id: channel }, digest);

    const [post] = channelPosts(channel);
    expect(post!.body.allowed_mentions).toEqual({ parse: [] });
    expect(post!.body.embeds[0].description).toContain('@everyone and @here');
    expect(post!.body.content).toContain('@everyone');
  });

  test('GIVEN a digest too long for one message THEN it arrives as several messages, each within Discord limits, with no summary sentence cut', async () => {
    const channel = '610000000000000003';
    const stories = Array.from({ length: 24 }, (_, i) => seedStory(i, i % 5 === 0 ? 60 : 6));
    const ids = await adapter.sink.postBriefing({ platform: 'discord', id: channel }, seedDigest(stories));

    const posts = channelPosts(channel);
    expect(posts.length).toBeGreaterThan(3);
    expect(ids).toHaveLength(posts.length);
    for (const post of posts) {
      expect(limitViolations(post.body)).toEqual([]);
      expect(post.body.allowed_mentions).toEqual({ parse: [] });
    }
    const descriptions = posts.flatMap((p) => p.body.embeds.map((e: { description?: string }) => e.description ?? '')).join('\n');
    const shown = descriptions.replace(/\\(.)/g, '$1');
    for (const sentence of stories.flatMap((s) => s.summary)) expect(shown).toContain(sentence);
    const storyTitles = posts.flatMap((p) => p.body.embeds.map((e: { title: string }) => e.title)).filter((t: string) => !t.endsWith('(continued)'));
    expect(storyTitles).toHaveLength(24);
  });

  test('WHEN a member clicks "Sources" under a briefing THEN only they see the links to every article of its stories', async () => {
    const channel = '610000000000000006';
    await adapter.sink.postBriefing({ platform: 'discord', id: channel }, seedDigest([seedStory(0)]));
    const [post] = channelPosts(channel);
    expect(post!.body.components[0].components[0]).toMatchObject({ type: 2, label: 'Sources' });

    const click = fake.sendButton(post!.body.components[0].components[0].custom_id, post!.response);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    expect(callback.body.data.flags & 64).toBe(64);
    expect(callback.body.data.content).toContain('**Rubio to meet Lavrov at UN as Trump shifts stance on Ukraine**');
    expect(callback.body.data.content).toContain('(https://news.az/news/000_1e144d6f0b5b1d8e)');
    expect(callback.body.data.content).toContain('(https://www.themoscowtimes.com/002_a7fd2f92f3b9b7ac)');
  });

  test('GIVEN a channel where the bot lacks permissions (50013) THEN the post fails naming the channel, and the server owner is told by DM', async () => {
    const channel = '610000000000000004';
    fake.refusedChannels.set(channel, { code: 50013, message: 'Missing Permissions' });

    const posting = adapter.sink.postBriefing({ platform: 'discord', id: channel }, seedDigest([seedStory(0)]));
    await expect(posting).rejects.toMatchObject({ code: 'E_DISCORD_FORBIDDEN' });
    await expect(posting).rejects.toThrow(/cannot post in channel <#610000000000000004> .*Missing Permissions \(50013\).*Send Messages/);
    expect(logged.some((line) => line.includes('610000000000000004'))).toBe(true);

    await adapter.sink.notifyAdmins!({ platform: 'discord', id: channel }, 'The 08:00 briefing could not be posted in <#610000000000000004>.');
    const dmChannel = (await fake.waitForRequest((r) => r.method === 'POST' && r.path === '/users/@me/channels')).body;
    expect(dmChannel.recipient_id).toBe(fake.ownerId);
    const dm = await fake.waitForRequest((r) => r.method === 'POST' && /^\/channels\/5\d+\/messages$/.test(r.path));
    expect(dm.body.content).toContain('could not be posted');
    expect(dm.body.allowed_mentions).toEqual({ parse: [] });
  });

  test('GIVEN a channel the bot cannot see (50001) THEN the error says Missing Access and what to grant', async () => {
    const channel = '610000000000000005';
    fake.refusedChannels.set(channel, { code: 50001, message: 'Missing Access' });
    await expect(adapter.sink.postBriefing({ platform: 'discord', id: channel }, seedDigest([seedStory(0)]))).rejects.toThrow(
      /Missing Access \(50001\).*View Channel/,
    );
  });
});
