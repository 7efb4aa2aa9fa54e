import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Config } from '../config.ts';
import { buildDigest } from '../digest/build.ts';
import { loadDigestFile } from '../schedule/digest-files.ts';
import type { JobQueue } from '../schedule/job-queue.ts';
import { startQueueRoles, type QueueRoles } from '../schedule/queue-roles.ts';
import type { BriefingSink, Schedule } from '../schedule/types.ts';
import type { Store } from '../store/store.ts';
import { createAnalysisPool, type AnalysisPool } from './analysis-pool.ts';
import { ingestInputs, type Analyze } from './ingest-articles.ts';
import { pollFeeds, type PollOptions } from './poll-feeds.ts';
import type { ToArticle } from '../ingest/article.ts';
import { Scheduler, type FiringOutcome } from './scheduler.ts';
import { briefingFromLedger, buildBriefing } from './build-briefing.ts';
import { withStoredNames } from './stored-names.ts';

/** What the running bot is built from; the entry point wires it. */
export interface BotDeps {
  config: Pick<Config, 'timezone' | 'allowPrivateUrls' | 'httpLimits' | 'feedMaxAgeDays'>;
  store: Store;
  clock: Clock;
  log: Logger;
  /** The analysis step; by default startBot runs it on a worker pool of its own. */
  analyze?: Analyze;
  /** Cleaning pages and feed items into articles; by default on that same pool. */
  toArticle?: ToArticle;
}

/** The poll settings every poll of the bot shares: its analysis and cleaning, limits and clock. */
function pollSettings(deps: BotDeps): PollOptions {
  return {
    ...(deps.analyze ? { analyze: deps.analyze } : {}),
    ...(deps.toArticle ? { toArticle: deps.toArticle } : {}),
    allowPrivateUrls: deps.config.allowPrivateUrls, limits: deps.config.httpLimits, maxAgeDays: deps.config.feedMaxAgeDays, clock: deps.clock,
  };
}

export interface BotOptions {
  sinks: BriefingSink[];
  /** Folder of digests/*.yaml definitions. */
  digestsDir: string;
  /**
   * Poll every stored feed on this interval. Without a queue: off on all but one process (one
   * poller per deployment). With one: every instance plans the polls and the queue keeps one per feed.
   */
  pollIntervalMs?: number;
  /**
   * The job queue shared by several instances (PostgreSQL): feed polls and briefing firings
   * become jobs any instance may run. Without it this process runs them itself.
   */
  queue?: { jobs: JobQueue; expireSeconds: number };
  /** Other processes (Discord shards) add schedules to the same store; see the Scheduler's option. */
  schedulesChangeElsewhere?: boolean;
}

export interface RunningBot {
  scheduler: Scheduler;
  /** What catch-up did with firings missed while the bot was down. */
  catchUp: FiringOutcome[];
  stop(): Promise<void>;
}

const isUrl = (feed: string) => /^https?:/i.test(feed);

/**
 * Reads feed files or folders on this machine into the store. Their articles carry the path
 * as their feed, as digest files name it, so schedules find them.
 */
async function ingestLocalFeeds(deps: BotDeps, paths: string[]) {
  const analyses = [];
  for (const path of paths) {
    const result = await ingestInputs([path], deps, { feedUrl: path, clock: deps.clock, allowPrivateUrls: deps.config.allowPrivateUrls, limits: deps.config.httpLimits });
    analyses.push(...result.analyses);
  }
  return analyses;
}

/** Fetches what one schedule reads just before its briefing: its feed URLs and local feed files. */
export async function refreshScheduleFeeds(deps: BotDeps, schedule: Schedule): Promise<void> {
  const urls = schedule.feeds.filter(isUrl);
  if (urls.length) {
    await pollFeeds(deps.store, { ...pollSettings(deps), feeds: urls });
  }
  await ingestLocalFeeds(deps, schedule.feeds.filter((feed) => !isUrl(feed)));
}

/** Polls one feed taken from the job queue; a failing feed is recorded in its health, not retried. */
async function pollFeedJob(deps: BotDeps, url: string): Promise<void> {
  // A feed removed after its poll was planned stays removed.
  if (!(await deps.store.getFeed(url))) return;
  const report = await pollFeeds(deps.store, { ...pollSettings(deps), feeds: [url] });
  for (const feed of report.feeds) if (feed.skipped) deps.log.warn(`${feed.url}: ${feed.skipped} item(s) skipped: ${feed.itemErrors.join('; ')}`);
}

/** Posts the briefing a digest definition describes, from its local feeds, to one sink now. */
export async function postDefinitionNow(deps: BotDeps, definitionPath: string, sink: BriefingSink): Promise<void> {
  const schedule = loadDigestFile(definitionPath);
  const analyses = await ingestLocalFeeds(deps, schedule.feeds.filter((feed) => !isUrl(feed)));
  const now = deps.clock.now();
  // The ledger, not this process, remembers the last briefing of this definition: a restart or
  // `serve --once` does not make every story new again.
  const digest = await briefingFromLedger(deps.store, `now:${schedule.id}`, 'console:main', now, (previous) =>
    buildDigest(analyses, { now, maxStories: schedule.maxStories, title: schedule.title, ...(previous ? { previousPoints: previous.points, previousAt: previous.at } : {}) }),
  );
  await sink.postBriefing({ platform: 'console', id: 'main' }, await withStoredNames(digest, deps.store));
}

/**
 * Starts the scheduler (with catch-up) and, when asked, the periodic poll of every stored feed.
 * Articles are cleaned and analysed, and briefings' stories built, on a worker pool (unless
 * `deps.analyze` says otherwise), so this thread keeps to I/O, the store and chat; `stop()` ends
 * the pool too.
 */
export async function startBot(botDeps: BotDeps, options: BotOptions): Promise<RunningBot> {
  let pool: AnalysisPool | undefined;
  if (!botDeps.analyze) pool = createAnalysisPool();
  const deps: BotDeps = pool ? { ...botDeps, analyze: pool.analyze, toArticle: botDeps.toArticle ?? pool.toArticle } : botDeps;
  const { store, clock, log, config } = deps;
  let roles: QueueRoles | undefined;
  const scheduler = new Scheduler({
    store,
    clock,
    sinks: options.sinks,
    digestsDir: options.digestsDir,
    defaultTimezone: config.timezone,
    logger: log,
    refreshFeeds: (schedule) => refreshScheduleFeeds(deps, schedule),
    ...(pool ? { build: (store: Store, schedule: Schedule, now: Date) => buildBriefing(store, schedule, now, pool.buildStory) } : {}),
    ...(options.schedulesChangeElsewhere ? { schedulesChangeElsewhere: true } : {}),
    ...(options.queue ? { dispatch: (scheduleId: string, scheduledFor: Date) => roles!.dispatchFiring(scheduleId, scheduledFor) } : {}),
  });
  if (options.queue) {
    roles = await startQueueRoles({
      queue: options.queue.jobs,
      expireSeconds: options.queue.expireSeconds,
      ...(options.pollIntervalMs !== undefined ? { pollIntervalMs: options.pollIntervalMs } : {}),
      listFeeds: async () => (await store.listFeeds()).map((feed) => feed.url),
      pollFeed: (url) => pollFeedJob(deps, url),
      runFiring: async (job, attempt) => {
        await scheduler.runQueuedFiring(job, attempt);
      },
      logger: log,
    });
  }
  const catchUp = await scheduler.start();
  const poll = () =>
    pollFeeds(store, pollSettings(deps))
      .then((report) => {
        log.debug(`poll: ${report.new} new, ${report.failing} failing`);
        for (const feed of report.feeds) if (feed.skipped) log.warn(`${feed.url}: ${feed.skipped} item(s) skipped: ${feed.itemErrors.join('; ')}`);
      })
      .catch((error: Error) => log.error(`poll failed: ${error.message}`));
  let timer: NodeJS.Timeout | undefined;
  if (options.pollIntervalMs !== undefined && !roles) {
    void poll();
    timer = setInterval(poll, options.pollIntervalMs);
  }
  return {
    scheduler,
    catchUp,
    async stop() {
      if (timer) clearInterval(timer);
      await scheduler.stop();
      await roles?.stop();
      await pool?.close();
    },
  };
}
