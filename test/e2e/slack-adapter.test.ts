import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { SlackAdapterError } from '../../adapters/slack/errors.ts';
import { errorReply, type Command, type Reply } from '../../src/commands/types.ts';
import type { Digest } from '../../src/digest/types.ts';
import { FakeSlackApi, signSlackRequest, slashCommandBody } from './fakes/slack-api.ts';

const signingSecret = 'test-signing-secret';
const admin = { id: 'UADMIN', name: 'ada', is_admin: true };
const owner = { id: 'UOWNER', name: 'olga', is_owner: true };
const member = { id: 'UMEMBER', name: 'max' };
const listedAdmin = 'ULISTED';

/** Answers like the command handlers do for admin-only subcommands, and remembers what it was asked. */
const received: Command[] = [];
async function handleCommand(command: Command): Promise<Reply> {
  received.push(command);
  if (command.name === 'digest' && command.args[0] === 'schedule') {
    if (!command.caller.isAdmin) return errorReply('forbidden', 'Only workspace admins can schedule briefings.', 'Ask a workspace admin, or have your user id added to SLACK_ADMIN_USER_IDS.');
    return { kind: 'text', ephemeral: false, title: 'Briefing scheduled', sections: [{ lines: [`Daily at 08:00 in <#${command.channel.id}>`] }] };
  }
  if (command.name === 'story') throw new Error('search index is rebuilding');
  return { kind: 'text', ephemeral: true, sections: [{ lines: [`${command.name}: ${command.args.join(' ')}`] }] };
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
});

beforeEach(() => {
  received.length = 0;
});

describe('Slack slash commands over HTTP', () => {
  it('GIVEN the app starts THEN it verifies the bot token with auth.test against SLACK_API_URL', () => {
    const authCalls = fake.callsTo('auth.test');
    expect(authCalls.length).toBeGreaterThan(0);
    expect(authCalls[0]!.token).toBe('xoxb-test-token');
  });

  it('GIVEN a signed /who THEN Slack gets an empty 200 ack and the answer arrives through response_url', async () => {
    const { status, body, responsePath } = await sendSlash('/who', 'lavrov', member.id);
    expect(status).toBe(200);
    expect(body).toBe('');
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: 'who: lavrov' });
    expect(received[0]).toEqual({
      name: 'who',
      args: ['lavrov'],
      caller: { id: member.id, name: 'umember', isAdmin: false },
      channel: { platform: 'slack', id: 'CNEWS' },
    });
    // Members asking /who cost no users.info lookup.
    expect(fake.callsTo('users.info').filter((call) => call.args.user === member.id)).toHaveLength(0);
  });

  it('GIVEN a member runs /digest schedule THEN the command is refused in an ephemeral message that says whom to ask', async () => {
    const { status, responsePath } = await sendSlash('/digest', 'schedule daily 08:00 Europe/Berlin', member.id);
    expect(status).toBe(200);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer)).toContain('Only workspace admins can schedule briefings.');
    expect(JSON.stringify(answer)).toContain('SLACK_ADMIN_USER_IDS');
    expect(received[0]!.caller.isAdmin).toBe(false);
    expect(fake.callsTo('users.info').some((call) => call.args.user === member.id)).toBe(true);
  });

  it('GIVEN a workspace admin, an owner or a listed user runs /digest schedule THEN each is treated as an admin and the answer is public', async () => {
    for (const userId of [admin.id, owner.id, listedAdmin]) {
      const { responsePath } = await sendSlash('/digest', 'schedule daily 08:00', userId);
      const [answer] = await answersTo(responsePath);
      expect(answer).toMatchObject({ response_type: 'in_channel' });
      // Channel links the handler writes are shown as text, not turned into Slack markup.
      expect(JSON.stringify(answer)).toContain('&lt;#CNEWS&gt;');
    }
    expect(received.map((command) => command.caller.isAdmin)).toEqual([true, true, true]);
    expect(fake.callsTo('users.info').some((call) => call.args.user === listedAdmin)).toBe(false);
  });

  it('GIVEN the handler fails THEN the user gets an ephemeral error saying what to do, not silence', async () => {
    const { status, responsePath } = await sendSlash('/story', 'grain corridor', member.id);
    expect(status).toBe(200);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(JSON.stringify(answer)).toContain('Try again in a minute');
  });

  it('GIVEN /newsbot with a subcommand THEN it runs that command', async () => {
    const { responsePath } = await sendSlash('/newsbot', 'quotes trump 3', member.id);
    const [answer] = await answersTo(responsePath);
    expect(answer).toMatchObject({ text: 'quotes: trump 3' });
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
