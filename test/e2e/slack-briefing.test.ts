import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { errorReply } from '../../src/commands/types.ts';
import { runIdFor } from '../../src/schedule/ledger.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import type { Schedule } from '../../src/schedule/types.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';
import { FakeSlackApi } from './fakes/slack-api.ts';

const target = { platform: 'slack' as const, id: 'CBRIEF' };
const schedule: Schedule = {
  id: 'morning',
  title: 'Morning briefing',
  cron: '0 8 * * *',
  when: 'daily 08:00',
  timezone: 'Europe/Berlin',
  targets: [target],
  feeds: [],
  maxStories: 10,
  origin: 'chat',
  createdBy: 'UADMIN',
  createdAt: '2026-11-22T12:00:00Z',
};

let dir: string;
let store: Store;
let fake: FakeSlackApi;
let adapter: SlackAdapter;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-slack-'));
  store = openStore(join(dir, 'newsbot.db'));
  await store.saveAnalysis(
    makeAnalysis({
      id: 'leak',
      source: 'Example Wire',
      title: 'Talks resume <!channel> after <@U123> leak',
      url: 'https://wire.example/talks',
      publishedAt: '2026-11-23T05:00:00Z',
      paragraphs: ['Negotiators met again on Monday morning <!here> in Geneva.', '"We will not accept any ultimatum <!everyone>," Lavrov said.'],
      entities: [person('e1', 'Sergey Lavrov', ['Lavrov'], 'Russian Foreign Minister')],
      quotes: [{ text: 'We will not accept any ultimatum <!everyone>,', speaker: 'Sergey Lavrov', speakerId: 'e1', paragraph: 1, partial: false, cue: 'Lavrov said' }],
    }),
  );
  await store.saveSchedule(schedule);
  fake = new FakeSlackApi();
  await fake.start();
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', signingSecret: 'secret', apiUrl: fake.apiUrl, port: 0, adminUserIds: [] },
    handleCommand: async () => errorReply('internal', 'not used here'),
    host: '127.0.0.1',
    clientOptions: { retryConfig: { retries: 0 } },
  });
  // Only the Web API is used for briefings; the token check in start() is what production does first.
  await adapter.start();
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled Slack briefings', () => {
  it('GIVEN a daily 08:00 Berlin schedule THEN the briefing is posted once at 08:00 Berlin time, escaped, and its ts lands in the run ledger', async () => {
    const clock = new ManualClock('2026-11-23T06:59:00Z');
    const scheduler = new Scheduler({ store, clock, sinks: [adapter.sink] });
    expect(await scheduler.runDueFirings()).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);

    clock.set('2026-11-23T07:00:20Z');
    const outcomes = await scheduler.runDueFirings();
    expect(outcomes).toMatchObject([{ status: 'posted', target: 'slack:CBRIEF', scheduledFor: '2026-11-23T07:00:00.000Z' }]);

    const posts = fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const post = posts[0]!;
    expect(post.args.channel).toBe('CBRIEF');
    const payload = JSON.stringify(post.args);
    expect(payload).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U123>/);
    expect(payload).toContain('&lt;!channel&gt;');
    expect(payload).toContain('Morning briefing');
    expect(payload).toContain('<https://wire.example/talks|');

    const run = await store.getRun(runIdFor(schedule.id, new Date('2026-11-23T07:00:00Z'), target));
    expect(run?.status).toBe('posted');
    expect(run?.messageIds).toEqual([`${1_700_000_001}.000100`]);

    // Ticks later in the minute, and a restarted process catching up, post nothing more.
    clock.set('2026-11-23T07:01:00Z');
    await scheduler.runDueFirings();
    await new Scheduler({ store, clock, sinks: [adapter.sink] }).catchUp();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('GIVEN Slack refuses the channel THEN the run is recorded failed with what to do, and nothing is posted twice', async () => {
    fake.failures.set('chat.postMessage', 'not_in_channel');
    try {
      const clock = new ManualClock('2026-11-24T07:00:10Z');
      const briefingPosts = () => fake.callsTo('chat.postMessage').filter((call) => call.args.blocks !== undefined);
      const before = briefingPosts().length;
      const outcomes = await new Scheduler({ store, clock, sinks: [adapter.sink] }).runDueFirings();
      expect(outcomes).toMatchObject([{ status: 'failed', scheduledFor: '2026-11-24T07:00:00.000Z' }]);
      expect(outcomes[0]!.error).toContain('/invite @newsbot');
      expect(briefingPosts().length - before).toBe(1);
      // The admin who made the schedule is told by direct message (here Slack refuses that too, which is only logged).
      const notice = fake.callsTo('chat.postMessage').at(-1)!;
      expect(notice.args.channel).toBe('UADMIN');
      expect(notice.args.text).toMatch(/^:warning: newsbot: .*Morning briefing/);
    } finally {
      fake.failures.delete('chat.postMessage');
    }
  });
});
