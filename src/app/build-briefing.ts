import { buildDigestWith, type BuildDigestOptions, type StoryBuilder } from '../digest/build.ts';
import { digestPoints } from '../digest/points.ts';
import type { Digest } from '../digest/types.ts';
import type { Store } from '../store/store.ts';
import { storyPasses } from '../schedule/filters.ts';
import { feedNotices } from './feed-notices.ts';
import { withStoredNames } from './stored-names.ts';
import { keepStoryIds } from './story-identity.ts';
import { DEFAULT_QUIET_HOURS } from '../stories/cluster/story-clusters.ts';
import type { Schedule } from '../schedule/types.ts';

const firstBriefingLookbackMs = 24 * 3_600_000;
/** How far before the last briefing a threaded one looks for the rest of today's stories: a story closes after as many quiet hours. */
const threadLookbackMs = DEFAULT_QUIET_HOURS * 3_600_000;

/**
 * The briefing a schedule posts at `now`: articles of its feeds (every feed when it names
 * none) published since its last posted briefing, or in the last 24 h before the first one,
 * kept or dropped by the schedule's filters, capped at `maxStories`. "New" is measured
 * against the points that last briefing posted; a feed failing for a day is named once a day.
 *
 * With `threads`, the stories are clustered over the days before as well, so an article that
 * continues a story joins it (and its thread) instead of starting another; only stories with
 * an article since the last briefing are kept, and "new" leaves out every point the briefings
 * of those days said. Each story goes by its lasting id (see keepStoryIds).
 */
export async function buildBriefing(store: Store, schedule: Schedule, now: Date, buildStory?: StoryBuilder): Promise<Digest> {
  const previous = await store.lastPostedRun(schedule.id);
  const since = previous?.scheduledFor ?? new Date(now.getTime() - firstBriefingLookbackMs).toISOString();
  const threaded = schedule.threads === true;
  const windowStart = threaded ? new Date(Date.parse(since) - threadLookbackMs).toISOString() : since;
  const analyses = await store.listAnalyses({ since: windowStart, until: now.toISOString(), ...(schedule.feeds.length > 0 ? { feeds: schedule.feeds } : {}) });
  const previousPoints = threaded ? await pointsPostedSince(store, schedule.id, windowStart) : previous?.points;
  const digestOptions: BuildDigestOptions = {
    now,
    since: windowStart,
    ...(threaded ? { freshSince: since } : {}),
    // Filters drop stories before the cap, so a filtered briefing still gets up to maxStories.
    ...(schedule.filters ? {} : { maxStories: schedule.maxStories }),
    title: schedule.title,
    ...(previous && previousPoints ? { previousPoints, previousAt: previous.scheduledFor } : {}),
  };
  // On the bot's pool the stories are built off the thread that answers chat.
  const built = await buildDigestWith(analyses, digestOptions, buildStory);
  const notices = await feedNotices(store, schedule, now, previous?.scheduledFor);
  const named = await withStoredNames(notices.length > 0 ? { ...built, notices } : built, store);
  const digest = schedule.filters
    ? { ...named, stories: named.stories.filter((story) => storyPasses(story, schedule.filters)).slice(0, schedule.maxStories) }
    : named;
  return keepStoryIds(store, digest, now);
}

/** Every point the schedule's briefings posted at or after `since`. */
async function pointsPostedSince(store: Store, scheduleId: string, since: string): Promise<string[]> {
  const runs = (await store.listRuns(scheduleId, 200)).filter((run) => run.status === 'posted' && run.scheduledFor >= since);
  return [...new Set(runs.flatMap((run) => run.points))];
}

/**
 * A briefing posted outside the scheduler (the demo briefing of `serve`, `serve --once`,
 * `newsbot digest --store`): "new" is measured against the last briefing the ledger recorded as
 * posted under `ledgerKey`, never against process memory, and this one is recorded in turn, so a
 * restart does not mark every story new again. `build` receives the previous briefing's points and time.
 */
export async function briefingFromLedger(
  store: Pick<Store, 'lastPostedRun' | 'claimRun'>,
  ledgerKey: string,
  target: string,
  now: Date,
  build: (previous: { points: string[]; at: string } | undefined) => Digest | Promise<Digest>,
): Promise<Digest> {
  const last = await store.lastPostedRun(ledgerKey);
  const digest = await build(last === undefined ? undefined : { points: last.points, at: last.scheduledFor });
  const at = now.toISOString();
  await store.claimRun({ id: `${ledgerKey}@${at}>${target}`, scheduleId: ledgerKey, scheduledFor: at, target, status: 'posted', messageIds: [], points: digestPoints(digest) });
  return digest;
}
