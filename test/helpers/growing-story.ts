import type { Analysis } from '../../src/analyze/types.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import type { BriefingSink } from '../../src/schedule/types.ts';
import type { ManualClock } from '../../src/core/clock.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from './analysis-factory.ts';

/**
 * One story over three days, one report a day, each adding one new point: a dock strike starts,
 * its talks stall, it ends with a deal. Published before the 08:00 Berlin briefing of its day.
 */
const okafor = person('e1', 'Marta Okafor', ['Okafor'], 'union leader');

export const strikeDays = [
  {
    publishedAt: '2026-11-23T05:00:00Z',
    newPoint: 'The strike halted all container traffic at the port, the harbour authority said.',
    analysis: makeAnalysis({
      id: 'strike-day1',
      source: 'Harbour Gazette',
      title: 'Port of Lindholm dockworkers strike over pay',
      url: 'https://gazette.example/lindholm-strike',
      publishedAt: '2026-11-23T05:00:00Z',
      paragraphs: [
        'Dockworkers at the Port of Lindholm walked out on Monday in a strike over pay, union leader Marta Okafor said.',
        'The strike halted all container traffic at the port, the harbour authority said.',
      ],
      entities: [okafor],
    }),
  },
  {
    publishedAt: '2026-11-24T05:00:00Z',
    newPoint: 'Talks between the union and the harbour authority broke down late on Monday without a new offer.',
    analysis: makeAnalysis({
      id: 'strike-day2',
      source: 'Coastal Ledger',
      title: 'Lindholm port strike enters second day as talks stall',
      url: 'https://ledger.example/lindholm-talks',
      publishedAt: '2026-11-24T05:00:00Z',
      paragraphs: [
        'Dockworkers at the Port of Lindholm stayed out on strike over pay for a second day, union leader Marta Okafor said.',
        'Talks between the union and the harbour authority broke down late on Monday without a new offer.',
      ],
      entities: [okafor],
    }),
  },
  {
    publishedAt: '2026-11-25T05:00:00Z',
    newPoint: 'Under the deal, wages rise by six percent over two years and night shifts get a new bonus.',
    analysis: makeAnalysis({
      id: 'strike-day3',
      source: 'Northern Wire',
      title: 'Lindholm dockworkers end port strike after pay deal',
      url: 'https://wire.example/lindholm-deal',
      publishedAt: '2026-11-25T05:00:00Z',
      paragraphs: [
        'Dockworkers at the Port of Lindholm ended their strike over pay on Tuesday night, union leader Marta Okafor said.',
        'Under the deal, wages rise by six percent over two years and night shifts get a new bonus.',
      ],
      entities: [okafor],
    }),
  },
] satisfies Array<{ publishedAt: string; newPoint: string; analysis: Analysis }>;

/** The 08:00 Berlin firings of the three days, and a minute after each. */
export const strikeFirings = ['2026-11-23T07:00:00Z', '2026-11-24T07:00:00Z', '2026-11-25T07:00:00Z'];

/**
 * Stores each day's report and fires that day's briefing; then a later tick and a restarted
 * process catching up, which must post nothing again. Returns each firing's status.
 */
export async function fireThreeDailyBriefings(store: Store, clock: ManualClock, sink: BriefingSink): Promise<string[]> {
  const scheduler = new Scheduler({ store, clock, sinks: [sink] });
  const statuses: string[] = [];
  for (const [day, firing] of strikeFirings.entries()) {
    await store.saveAnalysis(strikeDays[day]!.analysis);
    clock.set(new Date(Date.parse(firing) + 20_000));
    statuses.push(...(await scheduler.runDueFirings()).map((run) => run.status));
    clock.set(new Date(Date.parse(firing) + 60_000));
    await scheduler.runDueFirings();
    await new Scheduler({ store, clock, sinks: [sink] }).catchUp();
  }
  return statuses;
}
