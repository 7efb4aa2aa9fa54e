import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { firingsBetween } from '../../src/schedule/cron-times.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { formatInZone } from '../../src/schedule/timezone.ts';
import { chatSchedule, RecordingSink, TempDatabase } from './support.ts';

let db: TempDatabase;
afterEach(() => db?.dispose());

const fiveMinutes = 5 * 60_000;

/** Moves a real scheduler through [from, to) one step at a time and returns when each briefing was posted. */
async function postsWhileTimePasses(cron: string, timezone: string, from: string, to: string, stepMs: number): Promise<string[]> {
  db = new TempDatabase();
  const store = db.open();
  await store.saveSchedule(chatSchedule({ cron, timezone, createdAt: from }));
  const clock = new ManualClock(from);
  const sink = new RecordingSink();
  const scheduler = new Scheduler({ store, clock, sinks: [sink] });
  await scheduler.catchUp();
  const postedAt: string[] = [];
  while (clock.now().getTime() < Date.parse(to)) {
    clock.advance(stepMs);
    const outcomes = await scheduler.runDueFirings();
    for (const o of outcomes.filter((x) => x.status === 'posted')) postedAt.push(formatInZone(new Date(o.scheduledFor), timezone));
  }
  expect(sink.deliveries).toHaveLength(postedAt.length);
  return postedAt;
}

describe('daylight saving neither skips nor doubles a briefing', () => {
  it('GIVEN daily 02:30 in Berlin on spring-forward day THEN it runs once, at 03:30 CEST', async () => {
    const posted = await postsWhileTimePasses('30 2 * * *', 'Europe/Berlin', '2026-03-27T23:00:00Z', '2026-03-30T23:00:00Z', fiveMinutes);
    expect(posted).toEqual(['Sat 28 Mar 2026 02:30 CET', 'Sun 29 Mar 2026 03:30 CEST', 'Mon 30 Mar 2026 02:30 CEST']);
  });

  it('GIVEN daily 02:30 in Berlin on fall-back day THEN it runs once, at the first 02:30', async () => {
    const posted = await postsWhileTimePasses('30 2 * * *', 'Europe/Berlin', '2026-10-23T22:00:00Z', '2026-10-26T23:00:00Z', fiveMinutes);
    expect(posted).toEqual(['Sat 24 Oct 2026 02:30 CEST', 'Sun 25 Oct 2026 02:30 CEST', 'Mon 26 Oct 2026 02:30 CET']);
  });

  it('GIVEN daily 02:30 in New York on spring-forward day THEN it runs once, at 03:30 EDT', async () => {
    const posted = await postsWhileTimePasses('30 2 * * *', 'America/New_York', '2026-03-07T05:00:00Z', '2026-03-10T05:00:00Z', fiveMinutes);
    expect(posted).toEqual(['Sat 7 Mar 2026 02:30 EST', 'Sun 8 Mar 2026 03:30 EDT', 'Mon 9 Mar 2026 02:30 EDT']);
  });

  it('GIVEN daily 01:30 in New York on fall-back day THEN it runs once, at 01:30 EDT', async () => {
    const posted = await postsWhileTimePasses('30 1 * * *', 'America/New_York', '2026-10-31T04:00:00Z', '2026-11-03T05:00:00Z', fiveMinutes);
    expect(posted).toEqual(['Sat 31 Oct 2026 01:30 EDT', 'Sun 1 Nov 2026 01:30 EDT', 'Mon 2 Nov 2026 01:30 EST']);
  });

  it('GIVEN an hourly briefing THEN the 23-hour and 25-hour days get one briefing per real hour', async () => {
    const springDay = firingsBetween('0 * * * *', 'Europe/Berlin', new Date('2026-03-28T22:59:00Z'), new Date('2026-03-29T21:59:00Z'));
    const fallDay = firingsBetween('0 * * * *', 'America/New_York', new Date('2026-11-01T03:59:00Z'), new Date('2026-11-02T04:59:00Z'));
    expect(springDay).toHaveLength(23);
    expect(fallDay).toHaveLength(25);
    for (const day of [springDay, fallDay]) {
      const gaps = day.slice(1).map((d, i) => d.getTime() - (day[i] as Date).getTime());
      expect(new Set(gaps)).toEqual(new Set([3_600_000]));
    }
  });
});
