import { afterAll, beforeEach, expect, it } from 'vitest';
import { Scheduler } from '../../src/app/scheduler.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { describeWithPostgres, dropSchema, testDatabaseUrl, uniqueSchema } from '../helpers/postgres.ts';
import { chatSchedule, RecordingSink, settle, type Delivery } from './support.ts';

const schema = uniqueSchema('newsbot_ledger');
const open = (clock: ManualClock) => openPostgresStore(testDatabaseUrl, { clock, schema, maxConnections: 3 });

await describeWithPostgres('exactly once across instances on PostgreSQL', () => {
  afterAll(() => dropSchema(schema));
  beforeEach(() => dropSchema(schema));

  it('GIVEN three instances firing 20 schedules in the same minute THEN each briefing reaches its channel once', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const deliveries: Delivery[] = [];
    const setup = await open(clock);
    for (let i = 0; i < 20; i++) {
      await setup.saveSchedule(chatSchedule({ id: `s${i}`, cron: '0 8 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z', targets: [{ platform: 'console', id: `c${i}` }] }));
    }
    await setup.close();
    const stores: Store[] = await Promise.all([1, 2, 3].map(() => open(clock)));
    try {
      const schedulers = stores.map((store) => new Scheduler({ store, clock, sinks: [new RecordingSink(deliveries)] }));
      await Promise.all(schedulers.map((s) => s.catchUp()));
      clock.set('2026-05-04T08:00:00Z');
      const outcomes = (await Promise.all(schedulers.map((s) => s.runDueFirings()))).flat();
      expect(deliveries.map((d) => d.target).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `console:c${i}`).sort());
      expect(outcomes.filter((o) => o.status === 'posted')).toHaveLength(20);
      expect(outcomes.filter((o) => o.status === 'taken')).toHaveLength(40);
      // A restart of every instance posts nothing again.
      await Promise.all(schedulers.map((s) => s.catchUp(new Date('2026-05-04T08:05:00Z'))));
      expect(deliveries).toHaveLength(20);
    } finally {
      for (const store of stores) await store.close();
    }
  });

  it('GIVEN an instance died while posting THEN another instance never posts that firing again and tells the admins', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const deliveries: Delivery[] = [];
    const first = await open(clock);
    await first.saveSchedule(chatSchedule({ id: 'morning', cron: '0 8 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z' }));
    const dying = new RecordingSink(deliveries);
    dying.hangAfterDelivery = true;
    const firstScheduler = new Scheduler({ store: first, clock, sinks: [dying] });
    await firstScheduler.catchUp();
    clock.set('2026-05-04T08:00:00Z');
    void firstScheduler.runDueFirings();
    await settle();
    for (let i = 0; i < 50 && deliveries.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(deliveries).toHaveLength(1);

    const second = await open(clock);
    try {
      const sink = new RecordingSink(deliveries);
      const outcomes = await new Scheduler({ store: second, clock, sinks: [sink] }).catchUp(new Date('2026-05-04T08:02:00Z'));
      expect(outcomes.map((o) => o.status)).toEqual(['failed']);
      expect(deliveries).toHaveLength(1);
      expect(sink.notes).toHaveLength(1);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
