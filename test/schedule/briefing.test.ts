import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { buildBriefing } from '../../src/app/build-briefing.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis } from '../helpers/analysis-factory.ts';
import { chatSchedule, RecordingSink, TempDatabase } from './support.ts';

let db: TempDatabase;
let store: Store;
const schedule = chatSchedule({ id: 'morning', cron: '0 8 * * *', timezone: 'UTC', createdAt: '2026-05-04T06:00:00.000Z', maxStories: 2 });

beforeEach(async () => {
  db = new TempDatabase();
  store = db.open();
  await store.saveSchedule(schedule);
});
afterEach(() => db.dispose());

const bridgeFact = 'The city council approved the new river bridge on Monday.';

describe('briefing content', () => {
  it('GIVEN no earlier briefing THEN the first one covers the last 24 hours', async () => {
    await store.saveAnalysis(makeAnalysis({ id: 'old', title: 'Old news', publishedAt: '2026-05-02T08:00:00Z', paragraphs: ['Something happened long ago in the harbour.'] }));
    await store.saveAnalysis(makeAnalysis({ id: 'fresh', title: 'Bridge approved', publishedAt: '2026-05-03T20:00:00Z', paragraphs: [bridgeFact] }));
    const digest = await buildBriefing(store, schedule, new Date('2026-05-04T08:00:00Z'));
    expect(digest.stories.flatMap((s) => s.articles.map((a) => a.id))).toEqual(['fresh']);
  });

  it('caps the briefing at the schedule maximum', async () => {
    for (const [i, topic] of ['harbour strike', 'school budget', 'tram line', 'museum fire'].entries()) {
      await store.saveAnalysis(makeAnalysis({ id: `a${i}`, title: `About the ${topic}`, publishedAt: `2026-05-04T0${i}:00:00Z`, paragraphs: [`Officials discussed the ${topic} at length today.`] }));
    }
    expect((await buildBriefing(store, schedule, new Date('2026-05-04T08:00:00Z'))).stories).toHaveLength(2);
  });

  it('GIVEN a posted briefing THEN the next covers only later articles and does not call its points new again', async () => {
    await store.saveAnalysis(makeAnalysis({ id: 'fresh', title: 'Bridge approved', publishedAt: '2026-05-03T20:00:00Z', paragraphs: [bridgeFact] }));
    const sink = new RecordingSink();
    const clock = new ManualClock('2026-05-04T07:59:00Z');
    const scheduler = new Scheduler({ store, clock, sinks: [sink] });
    await scheduler.catchUp();
    await scheduler.runDueFirings(new Date('2026-05-04T08:00:00Z'));
    const firstRun = await store.lastPostedRun('morning');
    expect(firstRun?.points).toContain(bridgeFact);

    await store.saveAnalysis(
      makeAnalysis({ id: 'follow-up', title: 'Bridge: building starts in June', publishedAt: '2026-05-04T12:00:00Z', paragraphs: [bridgeFact, 'Construction of the bridge will begin in June, the mayor said.'] }),
    );
    await scheduler.runDueFirings(new Date('2026-05-05T08:00:00Z'));
    const second = sink.deliveries[1]?.digest;
    expect(second?.stories.flatMap((s) => s.articles.map((a) => a.id))).toEqual(['follow-up']);
    expect(second?.stories.flatMap((s) => s.new)).not.toContain(bridgeFact);
    expect(second?.stories.flatMap((s) => s.new)).toContain('Construction of the bridge will begin in June, the mayor said.');
  });
});
