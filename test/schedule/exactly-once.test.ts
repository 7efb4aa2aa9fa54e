import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { ChannelRef } from '../../src/commands/types.ts';
import type { Digest } from '../../src/digest/types.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import type { BriefingSink } from '../../src/schedule/types.ts';
import { chatSchedule, RecordingSink, settle, TempDatabase, type Delivery } from './support.ts';

const schedule = chatSchedule({ id: 'morning', cron: '0 8 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z' });
const runId = 'morning@2026-05-04T08:00:00.000Z>console:main';

let db: TempDatabase;
let deliveries: Delivery[];

beforeEach(async () => {
  db = new TempDatabase();
  deliveries = [];
  const store = db.open();
  await store.saveSchedule(schedule);
  store.close();
});
afterEach(() => db.dispose());

/** One newsbot process: its own connection to the database file, its own scheduler. */
function startProcess(clock: ManualClock, options: { sink?: RecordingSink; refreshFeeds?: () => Promise<void> } = {}) {
  const store = db.open();
  const sink = options.sink ?? new RecordingSink(deliveries);
  const scheduler = new Scheduler({ store, clock, sinks: [sink], ...(options.refreshFeeds ? { refreshFeeds: options.refreshFeeds } : {}) });
  return { store, sink, scheduler };
}

describe('a crash in the middle of a briefing', () => {
  it('GIVEN the process died after recording the intent and before posting THEN the restart posts it exactly once', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const first = startProcess(clock, { refreshFeeds: () => new Promise<void>(() => {}) });
    await first.scheduler.catchUp();
    clock.set('2026-05-04T08:00:00Z');
    void first.scheduler.runDueFirings();
    await settle();
    expect((await first.store.getRun(runId))?.status).toBe('claimed');
    first.store.close();

    clock.set('2026-05-04T08:03:00Z');
    const second = startProcess(clock);
    await second.scheduler.catchUp();
    expect(deliveries).toHaveLength(1);
    expect(await second.store.getRun(runId)).toMatchObject({ status: 'posted', messageIds: ['msg-1'] });
    second.store.close();

    const third = startProcess(clock);
    await third.scheduler.catchUp();
    await third.scheduler.runDueFirings(new Date('2026-05-04T08:10:00Z'));
    expect(deliveries).toHaveLength(1);
  });

  it('GIVEN the process died after the platform took the post and before its message id was recorded THEN the restart does not post again and tells the admins', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const dying = new RecordingSink(deliveries);
    dying.hangAfterDelivery = true;
    const first = startProcess(clock, { sink: dying });
    await first.scheduler.catchUp();
    clock.set('2026-05-04T08:00:00Z');
    void first.scheduler.runDueFirings();
    await settle();
    expect(deliveries).toHaveLength(1);
    expect((await first.store.getRun(runId))?.status).toBe('posting');
    first.store.close();

    clock.set('2026-05-04T08:02:00Z');
    const second = startProcess(clock);
    await second.scheduler.catchUp();
    await second.scheduler.runDueFirings(new Date('2026-05-04T08:30:00Z'));
    expect(deliveries).toHaveLength(1);
    const run = await second.store.getRun(runId);
    expect(run?.status).toBe('failed');
    expect(run?.error).toMatch(/not posted again|never arrive twice/);
    expect(second.sink.notes).toHaveLength(1);
    expect(second.sink.notes[0]?.message).toMatch(/may not have arrived.*not posted again/);
  });

  it('GIVEN the platform refuses the post THEN the run is failed, not retried, and the admins hear why', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const refusing = new RecordingSink(deliveries);
    refusing.failWith = new Error('Missing Access (50001)');
    const first = startProcess(clock, { sink: refusing });
    await first.scheduler.catchUp();
    const outcomes = await first.scheduler.runDueFirings(new Date('2026-05-04T08:00:00Z'));
    expect(outcomes.map((o) => o.status)).toEqual(['failed']);
    expect(refusing.notes[0]?.message).toContain('Missing Access (50001)');
    first.store.close();

    const second = startProcess(clock);
    await second.scheduler.catchUp(new Date('2026-05-04T08:05:00Z'));
    expect(deliveries).toHaveLength(0);
    expect((await second.store.getRun(runId))?.status).toBe('failed');
  });
});

describe('a briefing that fails part-way', () => {
  it('GIVEN the platform took the first messages and refused the rest THEN the ledger keeps the ids already posted', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const halfway = new RecordingSink(deliveries);
    halfway.failWith = Object.assign(new Error('Missing Permissions (50013)'), { postedIds: ['m-1', 'm-2'] });
    const first = startProcess(clock, { sink: halfway });
    await first.scheduler.catchUp();
    await first.scheduler.runDueFirings(new Date('2026-05-04T08:00:00Z'));
    expect(await first.store.getRun(runId)).toEqual(expect.objectContaining({ status: 'failed', messageIds: ['m-1', 'm-2'] }));
  });
});

describe('firings missed while newsbot was down', () => {
  it('GIVEN a restart 2 h after a missed firing THEN it runs once at start-up', async () => {
    const clock = new ManualClock('2026-05-04T07:00:00Z');
    const first = startProcess(clock);
    await first.scheduler.catchUp();
    first.store.close();

    clock.set('2026-05-04T10:00:00Z');
    const second = startProcess(clock);
    const outcomes = await second.scheduler.catchUp();
    expect(outcomes.map((o) => [o.scheduledFor, o.status])).toEqual([['2026-05-04T08:00:00.000Z', 'posted']]);
    expect(deliveries).toHaveLength(1);
    expect(second.sink.notes).toHaveLength(0);
    await second.scheduler.runDueFirings(new Date('2026-05-04T10:01:00Z'));
    expect(deliveries).toHaveLength(1);
  });

  it('GIVEN a restart 10 h after a missed firing THEN it is recorded missed, the admins are told, and the next day runs normally', async () => {
    const clock = new ManualClock('2026-05-04T07:00:00Z');
    const first = startProcess(clock);
    await first.scheduler.catchUp();
    first.store.close();

    clock.set('2026-05-04T18:00:00Z');
    const second = startProcess(clock);
    await second.scheduler.catchUp();
    expect(deliveries).toHaveLength(0);
    expect((await second.store.getRun(runId))?.status).toBe('missed');
    expect(second.sink.notes).toEqual([{ target: 'console:main', message: expect.stringMatching(/due Mon 4 May 2026 08:00 UTC was missed.*next one is due Tue 5 May 2026 08:00 UTC/) }]);

    await second.scheduler.runDueFirings(new Date('2026-05-05T08:00:00Z'));
    expect(deliveries).toHaveLength(1);
  });

  it('GIVEN an hourly briefing down for three hours THEN start-up posts one catch-up briefing, not three', async () => {
    const store = db.open();
    await store.saveSchedule({ ...schedule, id: 'hourly', cron: '0 * * * *', createdAt: '2026-05-04T07:30:00.000Z' });
    store.close();
    const clock = new ManualClock('2026-05-04T10:30:00Z');
    const restarted = startProcess(clock);
    const outcomes = (await restarted.scheduler.catchUp()).filter((o) => o.scheduleId === 'hourly');
    expect(outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped', 'posted']);
    expect(deliveries).toHaveLength(2); // the hourly catch-up and the 08:00 daily one
  });
});

describe('several targets', () => {
  it('GIVEN one channel has no running connection THEN the others still get the briefing and that one is failed with what to do', async () => {
    const store = db.open();
    await store.saveSchedule({ ...schedule, id: 'both', targets: [{ platform: 'console', id: 'main' }, { platform: 'slack', id: 'C0123ABCD' }] });
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const scheduler = new Scheduler({ store, clock, sinks: [new RecordingSink(deliveries)] });
    await scheduler.catchUp();
    const outcomes = (await scheduler.runDueFirings(new Date('2026-05-04T08:00:00Z'))).filter((o) => o.scheduleId === 'both');
    expect(outcomes.map((o) => [o.target, o.status])).toEqual([
      ['console:main', 'posted'],
      ['slack:C0123ABCD', 'failed'],
    ]);
    expect(outcomes[1]?.error).toMatch(/no slack connection is running; configure it/);
    expect(await store.getRun('both@2026-05-04T08:00:00.000Z>console:main')).toMatchObject({ status: 'posted', messageIds: [expect.any(String)] });
  });
});

describe('two processes on the same database file', () => {
  it('GIVEN both fire the same minute THEN only one posts', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const a = startProcess(clock);
    const b = startProcess(clock);
    await Promise.all([a.scheduler.catchUp(), b.scheduler.catchUp()]);
    clock.set('2026-05-04T08:00:00Z');
    const [fromA, fromB] = await Promise.all([a.scheduler.runDueFirings(), b.scheduler.runDueFirings()]);
    expect(deliveries).toHaveLength(1);
    expect([...(fromA ?? []), ...(fromB ?? [])].map((o) => o.status).sort()).toEqual(['posted', 'taken']);
  });
});

describe('one schedule never runs twice at once', () => {
  it('GIVEN the 08:00 briefing is still posting when 09:00 comes THEN 09:00 waits for it', async () => {
    const store = db.open();
    await store.saveSchedule({ ...schedule, cron: '0 * * * *', createdAt: '2026-05-04T07:59:00.000Z' });
    let active = 0;
    let mostAtOnce = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const posted: string[] = [];
    const slowSink: BriefingSink = {
      platform: 'console',
      async postBriefing(_target: ChannelRef, digest: Digest) {
        active++;
        mostAtOnce = Math.max(mostAtOnce, active);
        await gate;
        posted.push(digest.generatedAt);
        active--;
        return ['m'];
      },
    };
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const scheduler = new Scheduler({ store, clock, sinks: [slowSink] });
    await scheduler.catchUp();
    const eight = scheduler.runDueFirings(new Date('2026-05-04T08:00:00Z'));
    const eightAgain = scheduler.runDueFirings(new Date('2026-05-04T08:00:30Z'));
    const nine = scheduler.runDueFirings(new Date('2026-05-04T09:00:00Z'));
    await settle();
    expect(active).toBe(1);
    release();
    await Promise.all([eight, eightAgain, nine]);
    expect(mostAtOnce).toBe(1);
    expect(posted).toHaveLength(2);
  });
});
