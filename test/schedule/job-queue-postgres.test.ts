import { afterAll, beforeEach, expect, it } from 'vitest';
import { Scheduler } from '../../src/app/scheduler.ts';
import type { ChannelRef } from '../../src/core/channels.ts';
import { ManualClock } from '../../src/core/clock.ts';
import type { Digest } from '../../src/digest/types.ts';
import { openPgBossQueue } from '../../src/schedule/pg-boss-queue.ts';
import { startQueueRoles, type QueueRoles } from '../../src/schedule/queue-roles.ts';
import type { BriefingSink } from '../../src/schedule/types.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../src/store/store.ts';
import { describeWithPostgres, dropSchema, testDatabaseUrl, uniqueSchema } from '../helpers/postgres.ts';
import { chatSchedule, RecordingSink, type Delivery } from './support.ts';

const schema = uniqueSchema('newsbot_queue');
const queueSchema = `${schema}_jobs`;
const expireSeconds = 2;

interface Instance {
  store: Store;
  scheduler: Scheduler;
  roles: QueueRoles;
  polled: string[];
}

/** One instance of a deployment in this process: its own pool, queue connection, scheduler and roles. */
async function startInstance(clock: ManualClock, sink: BriefingSink, options: { build?: () => Promise<Digest> } = {}): Promise<Instance> {
  const store = await openPostgresStore(testDatabaseUrl, { clock, schema, maxConnections: 3 });
  const jobs = await openPgBossQueue(testDatabaseUrl, { schema: queueSchema, maintenanceSeconds: 1, pollingSeconds: 0.5, maxConnections: 3 });
  const scheduler = new Scheduler({
    store,
    clock,
    sinks: [sink],
    // Called only once the instance runs, after `roles` below exists.
    dispatch: (scheduleId, scheduledFor) => roles.dispatchFiring(scheduleId, scheduledFor),
    ...(options.build ? { build: options.build } : {}),
  });
  const polled: string[] = [];
  const roles = await startQueueRoles({
    queue: jobs,
    expireSeconds,
    pollIntervalMs: 3_600_000,
    listFeeds: async () => (await store.listFeeds()).map((feed) => feed.url),
    pollFeed: async (url) => {
      polled.push(url);
    },
    runFiring: async (job, attempt) => {
      await scheduler.runQueuedFiring(job, attempt);
    },
  });
  await scheduler.ready();
  return { store, scheduler, roles, polled };
}

async function stopInstance(instance: Instance): Promise<void> {
  await instance.roles.stop();
  await instance.store.close();
}

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A channel that takes a post and then hangs, as an instance does when it is frozen or cut off. */
class HangingSink extends RecordingSink {
  #release: Array<() => void> = [];
  override async postBriefing(target: ChannelRef, digest: Digest): Promise<string[]> {
    this.deliveries.push({ target: `${target.platform}:${target.id}`, storyCount: digest.stories.length, digest });
    await new Promise<void>((resolve) => this.#release.push(resolve));
    return ['late'];
  }
  release(): void {
    for (const resolve of this.#release.splice(0)) resolve();
  }
}

await describeWithPostgres('the job queue shared by several instances on PostgreSQL', () => {
  const dropBoth = async () => {
    await dropSchema(schema);
    await dropSchema(queueSchema);
  };
  afterAll(dropBoth);
  beforeEach(dropBoth);

  it('GIVEN three instances sending the same firings and feed polls THEN each briefing is posted once and each feed polled once per interval', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const setup = await openPostgresStore(testDatabaseUrl, { clock, schema, maxConnections: 2 });
    for (let i = 0; i < 20; i++) {
      await setup.saveSchedule(chatSchedule({ id: `s${i}`, cron: '0 8 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z', targets: [{ platform: 'console', id: `c${i}` }] }));
    }
    for (let i = 0; i < 30; i++) await setup.addFeed({ url: `https://feeds.example/${i}.xml` });
    await setup.close();

    const deliveries: Delivery[] = [];
    const instances = await Promise.all([1, 2, 3].map(() => startInstance(clock, new RecordingSink(deliveries))));
    try {
      await Promise.all(instances.map((i) => i.scheduler.catchUp()));
      clock.set('2026-05-04T08:00:00Z');
      const outcomes = (await Promise.all(instances.map((i) => i.scheduler.runDueFirings()))).flat();
      expect(outcomes.filter((o) => o.status === 'queued')).toHaveLength(60);

      await until(() => deliveries.length >= 20);
      const polled = () => instances.flatMap((i) => i.polled);
      await until(() => polled().length >= 30);
      // Planning again within the same interval, from every instance, adds no poll.
      await Promise.all(instances.map((i) => i.roles.planPolls()));
      await new Promise((resolve) => setTimeout(resolve, 1_500));

      expect(deliveries.map((d) => d.target).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `console:c${i}`).sort());
      expect(polled().sort()).toEqual(Array.from({ length: 30 }, (_, i) => `https://feeds.example/${i}.xml`).sort());
      const runs = await instances[0]!.store.listRuns('s7');
      expect(runs.map((r) => r.status)).toEqual(['posted']);
    } finally {
      for (const instance of instances) await stopInstance(instance);
    }
  }, 60_000);

  it('GIVEN the instance running a firing is lost THEN another instance posts a claim it left and never posts again one it left posting', async () => {
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const setup = await openPostgresStore(testDatabaseUrl, { clock, schema, maxConnections: 2 });
    await setup.saveSchedule(chatSchedule({ id: 'claimed-only', cron: '0 8 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z', targets: [{ platform: 'console', id: 'a' }] }));
    await setup.saveSchedule(chatSchedule({ id: 'posting', cron: '0 9 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z', targets: [{ platform: 'console', id: 'b' }] }));
    await setup.close();

    const deliveries: Delivery[] = [];
    let releaseBuild: () => void = () => undefined;
    const stuckBuild = () =>
      new Promise<Digest>((resolve) => {
        releaseBuild = () => resolve({ generatedAt: clock.now().toISOString(), stories: [] });
      });
    // The first instance claims the 08:00 firing and is lost before posting it.
    const lostBeforePosting = await startInstance(clock, new RecordingSink(deliveries), { build: stuckBuild });
    const hanging = new HangingSink(deliveries);
    const instances = [lostBeforePosting];
    try {
      await lostBeforePosting.scheduler.catchUp();
      clock.set('2026-05-04T08:00:00Z');
      await lostBeforePosting.scheduler.runDueFirings();
      await until(async () => (await lostBeforePosting.store.getRun('claimed-only@2026-05-04T08:00:00.000Z>console:a'))?.status === 'claimed');
      await lostBeforePosting.roles.stop({ abandonRunning: true });

      const survivorSink = new RecordingSink(deliveries);
      const survivor = await startInstance(clock, survivorSink);
      instances.push(survivor);
      await until(() => deliveries.length === 1);
      expect(deliveries[0]!.target).toBe('console:a');
      await until(async () => (await survivor.store.getRun('claimed-only@2026-05-04T08:00:00.000Z>console:a'))?.status === 'posted');

      // The next instance is lost after its post reached the channel, before recording it.
      const lostWhilePosting = await startInstance(clock, hanging);
      instances.push(lostWhilePosting);
      await survivor.roles.stop({ abandonRunning: true });
      await lostWhilePosting.scheduler.catchUp();
      clock.set('2026-05-04T09:00:00Z');
      await lostWhilePosting.scheduler.runDueFirings();
      await until(() => deliveries.length === 2);
      await lostWhilePosting.roles.stop({ abandonRunning: true });

      const last = await startInstance(clock, survivorSink);
      instances.push(last);
      await until(async () => (await last.store.getRun('posting@2026-05-04T09:00:00.000Z>console:b'))?.status === 'failed');
      expect(deliveries.map((d) => d.target)).toEqual(['console:a', 'console:b']);
      expect(survivorSink.notes.map((n) => n.target)).toEqual(['console:b']);
    } finally {
      releaseBuild();
      hanging.release();
      for (const instance of instances) {
        await instance.roles.stop({ abandonRunning: true }).catch(() => undefined);
        await instance.store.close();
      }
    }
  }, 60_000);
});
