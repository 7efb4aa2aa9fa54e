import { silentLogger, type Logger } from '../core/logger.ts';
import type { JobQueue } from './job-queue.ts';

/** The queue of feed polls: one job per feed per poll interval. */
export const feedPollQueue = 'newsbot-feed-poll';
/** The queue of briefing firings: one job per firing of a schedule. */
export const briefingQueue = 'newsbot-briefing';

export interface FeedPollJob {
  url: string;
}

export interface FiringJob {
  scheduleId: string;
  /** ISO time the firing was due. */
  scheduledFor: string;
}

export interface QueueRolesOptions {
  queue: JobQueue;
  /** How long a job may run before it is presumed lost and another instance retries it. */
  expireSeconds: number;
  /** Every stored feed is polled once per this period across the deployment; unset, this instance plans no polls. */
  pollIntervalMs?: number;
  /** The feeds to poll this period. */
  listFeeds(): Promise<string[]>;
  pollFeed(url: string): Promise<void>;
  /** Runs one firing; `attempt` > 0 when an earlier try failed or died with its instance. */
  runFiring(job: FiringJob, attempt: number): Promise<void>;
  /** Jobs this instance runs at once. */
  pollConcurrency?: number;
  briefingConcurrency?: number;
  logger?: Logger;
}

export interface QueueRoles {
  /** Sends one firing as a job; every instance may send it, and one instance runs it. */
  dispatchFiring(scheduleId: string, scheduledFor: Date): Promise<void>;
  /** Sends this period's poll of every feed (ones already sent this period are dropped). */
  planPolls(): Promise<void>;
  /** Stops planning and taking jobs (see JobQueue.stop). */
  stop(options?: { abandonRunning?: boolean }): Promise<void>;
}

const minuteMs = 60_000;

/**
 * The work every instance of a deployment shares: each one sends the same polls and firings,
 * the queue keeps one job of each, and whichever instance is free runs it. There is no leader
 * to lose: an instance that dies takes no role with it, only jobs that expire and are retried.
 */
export async function startQueueRoles(options: QueueRolesOptions): Promise<QueueRoles> {
  const { queue, expireSeconds } = options;
  const log = options.logger ?? silentLogger;
  const retryDelaySeconds = Math.max(1, Math.round(expireSeconds / 10));
  // Polls of one feed never overlap: a slow poll still running when the next period begins
  // holds the next one back instead of fetching the feed twice at once. pg-boss 10 hands out no
  // other poll meanwhile; that pause is bounded by the HTTP timeouts and `expireSeconds`.
  await queue.define({ name: feedPollQueue, expireSeconds, retryLimit: 2, retryDelaySeconds, onePerKeyAtATime: true });
  // A firing is retried until the ledger has settled it; the ledger, not the queue, keeps it to one post.
  await queue.define({ name: briefingQueue, expireSeconds, retryLimit: 5, retryDelaySeconds });

  const periodSeconds = options.pollIntervalMs === undefined ? undefined : Math.max(1, Math.round(options.pollIntervalMs / 1000));
  const planPolls = async () => {
    if (periodSeconds === undefined) return;
    const urls = await options.listFeeds();
    await queue.send<FeedPollJob>(
      feedPollQueue,
      urls.map((url) => ({ data: { url }, key: url, periodSeconds })),
    );
  };

  await queue.work<FeedPollJob>(feedPollQueue, options.pollConcurrency ?? 4, (job) => options.pollFeed(job.data.url));
  await queue.work<FiringJob>(briefingQueue, options.briefingConcurrency ?? 4, (job) => options.runFiring(job.data, job.attempt));

  let timer: NodeJS.Timeout | undefined;
  if (options.pollIntervalMs !== undefined) {
    const plan = () => planPolls().catch((error: Error) => log.error(`planning feed polls failed: ${error.message}`));
    await plan();
    // Each instance plans every minute, so a new period starts on time even when others are down.
    timer = setInterval(plan, Math.min(minuteMs, options.pollIntervalMs));
  }

  return {
    async dispatchFiring(scheduleId, scheduledFor) {
      const job: FiringJob = { scheduleId, scheduledFor: scheduledFor.toISOString() };
      await queue.send<FiringJob>(briefingQueue, [{ data: job, identity: `firing:${job.scheduleId}@${job.scheduledFor}` }]);
    },
    planPolls,
    async stop(stopOptions) {
      if (timer) clearInterval(timer);
      await queue.stop(stopOptions);
    },
  };
}
