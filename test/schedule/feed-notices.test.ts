import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { renderDigestMarkdown } from '../../src/digest/markdown.ts';
import type { Store } from '../../src/store/store.ts';
import { renderDigest as renderSlack } from '../../adapters/slack/render.ts';
import { renderDigest as renderDiscord } from '../../adapters/discord/render.ts';
import { makeAnalysis } from '../helpers/analysis-factory.ts';
import { chatSchedule, RecordingSink, TempDatabase } from './support.ts';

let db: TempDatabase;
let store: Store;
const broken = 'https://broken.example/rss';
const fine = 'https://fine.example/rss';

beforeEach(async () => {
  db = new TempDatabase();
  store = db.open();
  await store.addFeed({ url: broken, title: 'Broken Wire' });
  await store.updateFeed(broken, { health: 'failing', failingSince: '2026-05-03T05:30:00Z', lastError: 'HTTP 404 Not Found' });
  await store.addFeed({ url: fine });
  await store.updateFeed(fine, { health: 'ok', lastOkAt: '2026-05-04T07:00:00Z' });
  await store.addFeed({ url: 'https://new-failure.example/rss' });
  await store.updateFeed('https://new-failure.example/rss', { health: 'failing', failingSince: '2026-05-04T06:00:00Z', lastError: 'timeout' });
  await store.saveAnalysis(makeAnalysis({ id: 'fresh', title: 'Bridge approved', publishedAt: '2026-05-04T06:00:00Z', paragraphs: ['The council approved the bridge.'] }));
});
afterEach(() => db.dispose());

describe('a feed failing for 24 h, told in the briefing', () => {
  it('GIVEN an hourly briefing and a feed failing for over a day THEN it is named once, in the next briefing, and again only after another day', async () => {
    await store.saveSchedule(chatSchedule({ id: 'hourly', cron: '0 * * * *', timezone: 'UTC', createdAt: '2026-05-01T00:00:00.000Z' }));
    const sink = new RecordingSink();
    const scheduler = new Scheduler({ store, clock: new ManualClock('2026-05-04T07:59:00Z'), sinks: [sink] });
    await scheduler.catchUp();
    for (const hour of ['2026-05-04T08:00:00Z', '2026-05-04T09:00:00Z', '2026-05-04T10:00:00Z', '2026-05-05T05:00:00Z', '2026-05-05T06:00:00Z', '2026-05-05T07:00:00Z']) {
      await scheduler.runDueFirings(new Date(hour));
    }
    const notices = sink.deliveries.map((d) => d.digest.notices ?? []);
    // Catch-up posts the 07:00 briefing first; then 08:00, 09:00, 10:00 and the next day's 05:00, 06:00, 07:00.
    const once = `Feed Broken Wire (${broken}) has failed for a day: HTTP 404 Not Found.`;
    const twice = `Feed Broken Wire (${broken}) has failed for 2 days: HTTP 404 Not Found.`;
    expect(notices).toEqual([[once], [], [], [], [], [twice, 'Feed https://new-failure.example/rss has failed for a day: timeout.'], []]);

    const first = sink.deliveries[0]!.digest;
    expect(renderDigestMarkdown(first)).toContain('> ⚠ Feed Broken Wire');
    expect(JSON.stringify(renderSlack(first)[0]!.blocks)).toContain(':warning: Feed Broken Wire');
    expect(renderDiscord(first)[0]!.content).toContain('⚠ Feed Broken Wire');
  });

  it('GIVEN a schedule reading only a healthy feed THEN its briefing names no failing feed', async () => {
    await store.saveSchedule(chatSchedule({ id: 'fine-only', cron: '0 8 * * *', timezone: 'UTC', feeds: [fine], createdAt: '2026-05-01T00:00:00.000Z' }));
    const sink = new RecordingSink();
    const scheduler = new Scheduler({ store, clock: new ManualClock('2026-05-04T07:59:00Z'), sinks: [sink] });
    await scheduler.catchUp();
    await scheduler.runDueFirings(new Date('2026-05-04T08:00:00Z'));
    expect(sink.deliveries[0]?.digest.notices).toBeUndefined();
  });
});
