import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { SlackAdapterError } from '../../adapters/slack/errors.ts';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { runCommand } from '../../src/commands/index.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import type { Command, Reply } from '../../src/commands/types.ts';
import type { Digest } from '../../src/digest/types.ts';
import { loadInputs } from '../../src/ingest/inputs.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { FakeSlackApi, signSlackRequest, slashCommandBody } from './fakes/slack-api.ts';

const signingSecret = 'test-signing-secret';
const admin = { id: 'UADMIN', name: 'ada', is_admin: true };
const owner = { id: 'UOWNER', name: 'olga', is_owner: true };
const member = { id: 'UMEMBER', name: 'max' };
const listedAdmin = 'ULISTED';
const seedArticles = new URL('../../../shared/fixtures/seeds/articles', import.meta.url).pathname;

/** The real command handlers over a real SQLite store, remembering each Command the adapter built. */
const received: Command[] = [];
let dir: string;
let store: Store;
let context: CommandContext;
let runHandlers: (command: Command) => Promise<Reply> = (command) => runCommand(command, context);
async function handleCommand(command: Command): Promise<Reply> {
  received.push(command);
  return runHandlers(command);
}

let fake: FakeSlackApi;
let adapter: SlackAdapter;
let eventsUrl: string;
let requestCount = 0;

async function sendSlash(
  command: string,
  text: string,
  userId: string,
  signing: { secret?: string; timestamp?: number } = {},
): Promise<{ status: number; body: string; responsePath: string }> {
  requestCount += 1;
  const responsePath = `/response/${requestCount}`;
  const body = slashCommandBody({ command, text, userId, channelId: 'CNEWS', responseUrl: fake.url + responsePath });
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(eventsUrl, { method: 'POST', headers: signSlackRequest(signing.secret ?? signingSecret, body, timestamp), body });
  return { status: response.status, body: await response.text(), responsePath };
}

async function answersTo(responsePath: string, count = 1) {
  await fake.until(() => fake.responsesTo(responsePath).length >= count);
  return fake.responsesTo(responsePath).map((response) => response.body);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-slack-'));
  store = openStore(join(dir, 'newsbot.db'));
  context = { store, clock: new ManualClock('2025-09-25T09:00:00Z'), defaultTimezone: 'UTC' };
  const { articles } = await loadInputs([seedArticles]);
  for (const article of articles) await store.saveAnalysis(analyzeArticle(article));
  fake = new FakeSlackApi([admin, owner, member]);
  await fake.start();
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', signingSecret, apiUrl: fake.apiUrl, port: 0, adminUserIds: [listedAdmin] },
    handleCommand,
    host: '127.0.0.1',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  const { port } = await adapter.start();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  received.length = 0;
});

describe('Slack slash commands over HTTP', () => {
  it('GIVEN the app starts THEN it verifies the bot token with auth.test against SLACK_API_URL', async () => {
    const authCalls = fake.callsTo('auth.test');
    expect(authCalls.length).toBeGreaterThan(0);
    expect(authCalls[0]!.token).toBe('xoxb-test-token');
  });

  it('GIVEN the seed articles are stored WHEN a member types /who lavrov THEN Slack gets an empty 200 ack and the profile arrives publicly through response_url', async () => {
    const { status, body, responsePath } = await sendSlash('/who', 'lavrov', member.id);
    expect(status).toBe(200);
    expect(body).toBe('');
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'in_channel' });
    // The role is the article's own wording ("Russian Foreign Minister", "Russia's Foreign Minister").
    expect(String(answer!.text)).toMatch(/^Sergey Lavrov — .*Foreign Minister$/);
    const blocks = JSON.stringify(answer!.blocks);
    expect(blocks).toMatch(/\*Sergey Lavrov\* — [^"]*Foreign Minister/);
    expect(blocks).toContain('News.Az');
    expect(received[0]).toEqual({
      name: 'who',
      args: ['lavrov'],
      caller: { id: member.id, name: 'umember', isAdmin: false },
      channel: { platform: 'slack', id: 'CNEWS' },
    });
    // Members asking /who cost no users.info lookup.
    expect(fake.callsTo('users.info').filter((call) => call.args.user === member.id)).toHaveLength(0);
  });

  it('GIVEN the seed articles are stored WHEN someone types /quotes trump 2 THEN two of his quotes arrive, each with speaker and outlet', async () => {
    const { status, responsePath } = await sendSlash('/quotes', 'trump 2', member.id);
    expect(status).toBe(200);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'in_channel', text: 'Quotes by Donald Trump' });
    const sections = (answer!.blocks as Array<{ type: string; text?: { text: string } }>).filter((block) => block.type === 'section').map((block) => block.text!.text);
    expect(sections[0]).toBe('*Quotes by Donald Trump*');
    const quotes = sections.slice(1);
    expect(quotes).toHaveLength(2);
    for (const quote of quotes) expect(quote).toMatch(/^> “.+”\n— \*Donald Trump\*, (News\.Az|The Moscow Times)/s);
  });

  it('GIVEN /story WORDS THEN the matching story is posted in the channel as a Block Kit briefing comparing the outlets', async () => {
    const { responsePath } = await sendSlash('/story', 'rubio lavrov', member.id);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'in_channel' });
    const blocks = answer!.blocks as Array<{ type: string }>;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Stories about "rubio lavrov"' } });
    const text = JSON.stringify(blocks);
    expect(text).toContain('*All sources agree*');
    expect(text).toContain('The Moscow Times');
    expect(blocks.at(-1)).toEqual({ type: 'divider' });
  });

  it('GIVEN /digest now THEN the preview is shown only to the caller', async () => {
    const { responsePath } = await sendSlash('/digest', 'now', member.id);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect((answer!.blocks as Array<{ type: string }>)[0]).toMatchObject({ type: 'header', text: { text: 'Preview: Briefing' } });
  });

  it('GIVEN a name nobody in the news has THEN /who answers only to the caller, saying what to try', async () => {
    const { responsePath } = await sendSlash('/who', 'zzyzx', member.id);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer!.text)).toContain('Nobody called "zzyzx"');
  });

  it('GIVEN a member runs /digest schedule THEN it is refused in an ephemeral message, after users.info said they are no admin', async () => {
    const { status, responsePath } = await sendSlash('/digest', 'schedule daily 08:00 Europe/Berlin', member.id);
    expect(status).toBe(200);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer!.text)).toContain('workspace admin on Slack');
    expect(received[0]!.caller.isAdmin).toBe(false);
    expect(fake.callsTo('users.info').some((call) => call.args.user === member.id)).toBe(true);
    expect(await store.listSchedules()).toHaveLength(0);
  });

  it('GIVEN a workspace admin, an owner or a listed user runs /digest schedule THEN each is treated as an admin and the schedule is announced publicly', async () => {
    const channels = ['CADMIN', 'COWNER', 'CLISTED'];
    for (const [index, userId] of [admin.id, owner.id, listedAdmin].entries()) {
      requestCount += 1;
      const responsePath = `/response/${requestCount}`;
      const body = slashCommandBody({ command: '/digest', text: 'schedule daily 08:00 Europe/Berlin', userId, channelId: channels[index]!, responseUrl: fake.url + responsePath });
      const response = await fetch(eventsUrl, { method: 'POST', headers: signSlackRequest(signingSecret, body, Math.floor(Date.now() / 1000)), body });
      expect(response.status).toBe(200);
      const [answer] = await answersTo(responsePath);
      expect(answer).toMatchObject({ response_type: 'in_channel' });
      expect(String(answer!.text)).toMatch(/^Briefing scheduled/);
    }
    expect(received.map((command) => command.caller.isAdmin)).toEqual([true, true, true]);
    expect(fake.callsTo('users.info').some((call) => call.args.user === listedAdmin)).toBe(false);
    expect((await store.listSchedules()).flatMap((schedule) => schedule.targets)).toEqual(
      expect.arrayContaining(channels.map((id) => ({ platform: 'slack', id }))),
    );
  });

  it('GIVEN the handlers throw THEN the user gets an ephemeral error saying what to do, not silence', async () => {
    const real = runHandlers;
    runHandlers = async () => {
      throw new Error('database is locked');
    };
    try {
      const { status, responsePath } = await sendSlash('/story', 'grain corridor', member.id);
      expect(status).toBe(200);
      const [answer] = await answersTo(responsePath);
      expect(answer).toMatchObject({ response_type: 'ephemeral' });
      expect(JSON.stringify(answer)).toContain('Try again in a minute');
    } finally {
      runHandlers = real;
    }
  });

  it('GIVEN an answer longer than five messages THEN Slack gets five follow-ups, the last saying what did not fit', async () => {
    const real = runHandlers;
    const story = (i: number) => ({
      id: `s${i}`,
      headline: `Story ${i}`,
      articles: [{ id: `a${i}`, title: `Article ${i}`, source: 'Example Wire' }],
      summary: [`Summary of story ${i}.`],
      agreed: [],
      onlyIn: { 'Example Wire': [`A point only the wire reported about story ${i}.`] },
      new: [],
      people: [{ name: 'Sergey Lavrov', role: 'Russian Foreign Minister', aliases: [] }],
      quotes: [],
    });
    runHandlers = async () => ({ kind: 'digest', ephemeral: false, digest: { generatedAt: '2025-09-25T09:00:00Z', stories: Array.from({ length: 120 }, (_, i) => story(i)) } });
    try {
      const { responsePath } = await sendSlash('/story', 'everything', member.id);
      await answersTo(responsePath, 5);
      // A sixth follow-up would be sent before the next command's answer; wait for one, then count.
      runHandlers = real;
      await sendSlash('/who', 'lavrov', member.id).then(({ responsePath: next }) => answersTo(next));
      const answers = fake.responsesTo(responsePath).map((response) => response.body);
      expect(answers).toHaveLength(5);
      for (const answer of answers) expect((answer.blocks as unknown[]).length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(answers[4]!.blocks)).toMatch(/\d+ more messages did not fit/);
    } finally {
      runHandlers = real;
    }
  });

  it('GIVEN /newsbot with a subcommand THEN it runs that command', async () => {
    const { responsePath } = await sendSlash('/newsbot', 'quotes trump 1', member.id);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ text: 'Quotes by Donald Trump' });
  });

  it('GIVEN /newsbot with something that is no command THEN only the caller is told which commands exist', async () => {
    const { status, responsePath } = await sendSlash('/newsbot', 'weather <!channel>', member.id);
    expect(status).toBe(200);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer!.text)).toContain('Unknown command "/newsbot weather &lt;!channel&gt;". Try /who NAME');
    expect(received).toHaveLength(0);
  });

  it('GIVEN a request signed with the wrong secret THEN it is rejected with 401 and nothing runs', async () => {
    const { status, responsePath } = await sendSlash('/who', 'lavrov', member.id, { secret: 'forged-secret' });
    expect(status).toBe(401);
    expect(received).toHaveLength(0);
    expect(fake.responsesTo(responsePath)).toHaveLength(0);
  });

  it('GIVEN a correctly signed request older than five minutes THEN it is rejected with 401 as a replay', async () => {
    const { status } = await sendSlash('/who', 'lavrov', member.id, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(status).toBe(401);
    expect(received).toHaveLength(0);
  });
});

describe('Slack briefings through the sink', () => {
  const digest: Digest = {
    generatedAt: '2026-11-23T08:00:00Z',
    title: 'Morning briefing',
    stories: [
      {
        id: 's1',
        headline: 'Leak: <!channel> the talks <@U123> collapsed & resumed',
        articles: [{ id: 'a1', title: 'Talks <!here>', source: 'Example <News>', url: 'https://news.example/a1' }],
        summary: ['Negotiators met again on Monday <!everyone>.'],
        agreed: [],
        onlyIn: {},
        new: [],
        people: [{ name: 'Sergey Lavrov', role: 'Russian Foreign Minister', aliases: [] }],
        quotes: [{ text: 'We will not accept <!channel> any ultimatum', speaker: 'Sergey Lavrov', source: 'Example <News>' }],
      },
    ],
  };

  it('GIVEN a briefing THEN it is posted with chat.postMessage to the channel, escaped, and the ts values are returned', async () => {
    const before = fake.callsTo('chat.postMessage').length;
    const ids = await adapter.sink.postBriefing({ platform: 'slack', id: 'CBRIEF' }, digest);
    const posts = fake.callsTo('chat.postMessage').slice(before);
    expect(posts).toHaveLength(1);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^\d+\.\d+$/);
    const post = posts[0]!;
    expect(post.token).toBe('xoxb-test-token');
    expect(post.args.channel).toBe('CBRIEF');
    expect(post.args.unfurl_links).toBe('false');
    const payload = JSON.stringify(post.args);
    expect(payload).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>|<News>/);
    expect(payload).toContain('&lt;!channel&gt;');
    expect(post.args.blocks).toEqual(expect.arrayContaining([{ type: 'header', text: { type: 'plain_text', text: 'Morning briefing', emoji: false } }]));
    expect(String(post.args.text)).toContain('Morning briefing: 1 story');
  });

  it('GIVEN a 60-story briefing THEN Slack accepts every message it is split into, in order, and each ts is returned', async () => {
    const story = digest.stories[0]!;
    const long: Digest = {
      generatedAt: '2026-11-23T08:00:00Z',
      stories: Array.from({ length: 60 }, (_, i) => ({ ...story, id: `s${i}`, headline: `Story ${i}`, summary: [`Summary sentence of story ${i} that says what happened. `.repeat(40).trim()] })),
    };
    const before = fake.callsTo('chat.postMessage').length;
    const ids = await adapter.sink.postBriefing({ platform: 'slack', id: 'CBRIEF' }, long);
    const posts = fake.callsTo('chat.postMessage').slice(before);
    expect(posts.length).toBeGreaterThan(2);
    expect(ids).toHaveLength(posts.length);
    expect(new Set(ids).size).toBe(ids.length);
    const headlines = posts.flatMap((post) => [...JSON.stringify(post.args.blocks).matchAll(/Story (\d+)/g)].map((match) => Number(match[1])));
    expect([...new Set(headlines)]).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('GIVEN Slack fails in the middle of a long briefing THEN the error still carries the ts of the messages already posted', async () => {
    const story = digest.stories[0]!;
    const long: Digest = {
      generatedAt: '2026-11-23T08:00:00Z',
      stories: Array.from({ length: 30 }, (_, i) => ({ ...story, id: `s${i}`, headline: `Story ${i}`, summary: ['A sentence long enough to fill the message. '.repeat(50).trim()] })),
    };
    fake.failuresAfter.set('chat.postMessage', { calls: 1, error: 'channel_not_found' });
    try {
      const failure = await adapter.sink.postBriefing({ platform: 'slack', id: 'CGONE' }, long).catch((error: unknown) => error);
      expect(failure).toMatchObject({ code: 'E_SLACK_TARGET' });
      expect((failure as SlackAdapterError).postedIds).toHaveLength(1);
      expect((failure as SlackAdapterError).postedIds[0]).toMatch(/^\d+\.\d+$/);
    } finally {
      fake.failuresAfter.delete('chat.postMessage');
    }
  });

  it('GIVEN the bot is not in the channel THEN posting fails with a coded error that says to invite it', async () => {
    fake.failures.set('chat.postMessage', 'not_in_channel');
    try {
      const failure = await adapter.sink.postBriefing({ platform: 'slack', id: 'CPRIVATE' }, digest).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(SlackAdapterError);
      expect((failure as SlackAdapterError).code).toBe('E_SLACK_TARGET');
      expect((failure as SlackAdapterError).message).toContain('/invite @newsbot');
    } finally {
      fake.failures.delete('chat.postMessage');
    }
  });

  it('GIVEN a target on another platform THEN the sink refuses it instead of posting somewhere else', async () => {
    await expect(adapter.sink.postBriefing({ platform: 'discord', id: '123' }, digest)).rejects.toMatchObject({ code: 'E_SLACK_TARGET' });
  });
});
