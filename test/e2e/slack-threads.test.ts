import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { runCommand } from '../../src/commands/index.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { Schedule } from '../../src/schedule/types.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';
import { fireThreeDailyBriefings, strikeDays } from '../helpers/growing-story.ts';
import { FakeSlackApi, signSlackRequest, slashCommandBody, type PostedSlackMessage } from './fakes/slack-api.ts';

const channel = 'CTHREADS';
const schedule: Schedule = {
  id: 'threaded',
  title: 'Morning briefing',
  cron: '0 8 * * *',
  when: 'daily 08:00',
  timezone: 'Europe/Berlin',
  targets: [{ platform: 'slack', id: channel }],
  feeds: [],
  maxStories: 10,
  threads: true,
  origin: 'chat',
  createdAt: '2026-11-22T12:00:00Z',
};

let dir: string;
let store: Store;
let fake: FakeSlackApi;
let adapter: SlackAdapter;
let eventsUrl: string;
const clock = new ManualClock('2026-11-23T06:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-slack-threads-'));
  store = openStore(join(dir, 'newsbot.db'));
  await store.saveSchedule(schedule);
  fake = new FakeSlackApi();
  await fake.start();
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', signingSecret: 'secret', apiUrl: fake.apiUrl, port: 0, adminUserIds: [] },
    handleCommand: (command) => runCommand(command, { store, clock, defaultTimezone: 'UTC' }),
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

const textOf = (message: PostedSlackMessage) => JSON.stringify(message.blocks);

describe('a story that grows over three daily Slack briefings, with threads on', () => {
  it('GIVEN one new report a day THEN the story is posted once and its news goes to its thread twice, each reply once and with only the new point', async () => {
    expect(await fireThreeDailyBriefings(store, clock, adapter.sink)).toEqual(['posted', 'posted', 'posted']);

    const inChannel = fake.channelMessages(channel);
    const roots = inChannel.filter((m) => textOf(m).includes('Okafor'));
    expect(roots).toHaveLength(1);
    const root = roots[0]!;
    expect(textOf(root)).toContain('walked out on Monday');

    const replies = fake.threadReplies(channel, root.ts);
    expect(replies).toHaveLength(2);
    const [second, third] = replies.map(textOf);
    expect(second).toContain(strikeDays[1]!.newPoint);
    expect(second).not.toContain(strikeDays[0]!.newPoint);
    expect(second).toContain('Coastal Ledger');
    expect(third).toContain(strikeDays[2]!.newPoint);
    expect(third).not.toContain(strikeDays[1]!.newPoint);
    expect(third).not.toContain(strikeDays[0]!.newPoint);
    expect(third).toContain('Northern Wire');

    // Each day's briefing in the channel: day one tells the story, days two and three name it in a line linking to its thread.
    expect(inChannel).toHaveLength(4);
    const link = `<https://newsroom.example/archives/${channel}/p${root.ts.replace('.', '')}|`;
    for (const intro of inChannel.slice(2)) {
      expect(textOf(intro)).toContain('Continued in their threads');
      expect(textOf(intro)).toContain(link);
      expect(textOf(intro)).not.toContain('walked out on Monday');
    }

    // The ledger holds each reply under its firing's run.
    const runs = await store.listRuns(schedule.id);
    const replyTs = replies.map((r) => r.ts);
    expect(runs.filter((r) => r.status === 'posted').flatMap((r) => r.messageIds).filter((id) => replyTs.includes(id)).sort()).toEqual([...replyTs].sort());
  });

  it('GIVEN the story ran for three days THEN /story shows its timeline: when each outlet joined and what each briefing added', async () => {
    const body = slashCommandBody({ command: '/story', text: 'lindholm strike', userId: 'UMEMBER', channelId: channel, responseUrl: `${fake.url}/response/story` });
    const response = await fetch(eventsUrl, { method: 'POST', headers: signSlackRequest('secret', body, Math.floor(Date.now() / 1000)), body });
    expect(response.status).toBe(200);
    await fake.until(() => fake.responsesTo('/response/story').length > 0);
    const text = JSON.stringify(fake.responsesTo('/response/story')[0]!.body.blocks);
    expect(text).toContain('*Timeline*');
    const timeline = text.slice(text.indexOf('*Timeline*'));
    const order = [
      '2026-11-23 05:00 UTC · Harbour Gazette joined',
      '2026-11-23 07:00 UTC · briefing in slack:CTHREADS: ',
      '2026-11-24 05:00 UTC · Coastal Ledger joined',
      '2026-11-24 07:00 UTC · briefing in slack:CTHREADS, reply in its thread: 1 point',
      '2026-11-25 05:00 UTC · Northern Wire joined',
      '2026-11-25 07:00 UTC · briefing in slack:CTHREADS, reply in its thread: 1 point',
    ].map((line) => timeline.indexOf(line));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(timeline).toContain(`– ${strikeDays[1]!.newPoint}`);
    expect(timeline).toContain(`– ${strikeDays[2]!.newPoint}`);
  });

  it('GIVEN Slack fails the thread reply after the briefing went out THEN the run is failed and a restart posts neither again', async () => {
    await store.saveAnalysis(
      makeAnalysis({
        id: 'strike-day4',
        source: 'Harbour Gazette',
        title: 'Lindholm dockworkers back at work after port strike',
        url: 'https://gazette.example/lindholm-back',
        publishedAt: '2026-11-26T05:00:00Z',
        paragraphs: [
          'Dockworkers at the Port of Lindholm were back at work on Wednesday after the strike over pay, union leader Marta Okafor said.',
          'A backlog of two hundred ships is expected to clear within a week.',
        ],
        entities: [person('e1', 'Marta Okafor', ['Okafor'], 'union leader')],
      }),
    );
    const before = fake.messages.length;
    // The day's briefing is accepted, the reply in the thread is not.
    fake.failuresAfter.set('chat.postMessage', { calls: 1, error: 'fatal_error' });
    try {
      clock.set('2026-11-26T07:00:20Z');
      expect(await new Scheduler({ store, clock, sinks: [adapter.sink] }).runDueFirings()).toMatchObject([{ status: 'failed' }]);
    } finally {
      fake.failuresAfter.delete('chat.postMessage');
    }
    expect(fake.messages.length - before).toBe(1);
    expect(textOf(fake.messages.at(-1)!)).toContain('Continued in their threads');
    clock.set('2026-11-26T07:05:00Z');
    await new Scheduler({ store, clock, sinks: [adapter.sink] }).catchUp();
    expect(fake.messages.length - before).toBe(1);
    const failed = (await store.listRuns(schedule.id, 1))[0];
    expect(failed).toMatchObject({ status: 'failed', messageIds: [fake.messages.at(-1)!.ts] });
  });
});
