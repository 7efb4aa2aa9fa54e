/**
 * A job queue shared by every instance of a deployment. Jobs outlive the instance that took
 * them: one that is not finished within its queue's `expireSeconds` (the instance died, or hung)
 * goes back to the queue and another instance retries it, later each time.
 */
export interface JobQueue {
  /** Creates the queue when no instance has yet; safe to call from every instance at once. */
  define(queue: QueueDefinition): Promise<void>;
  /**
   * Adds jobs. A job whose `identity` was already sent, or whose `key` already has a job in the
   * same period, is dropped: every instance may send the same work and it is done once.
   */
  send<T extends object>(queue: string, jobs: Array<JobRequest<T>>): Promise<void>;
  /**
   * Runs `handler` on this instance for jobs of `queue`, up to `concurrency` at once. A job
   * whose handler throws is retried later (see QueueDefinition); one that returns is done.
   */
  work<T extends object>(queue: string, concurrency: number, handler: (job: TakenJob<T>) => Promise<void>): Promise<void>;
  /**
   * Stops taking jobs, waits for the running ones, and closes the connection. With
   * `abandonRunning` it does not wait: running jobs go back to the queue for another instance.
   */
  stop(options?: { abandonRunning?: boolean }): Promise<void>;
}

export interface QueueDefinition {
  name: string;
  /** A job running longer than this is presumed lost with its instance and given to another. */
  expireSeconds: number;
  /** Tries after the first; each waits `retryDelaySeconds`, doubling. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Never two jobs with the same `key` running at once, on any instance. */
  onePerKeyAtATime?: boolean;
}

export interface JobRequest<T> {
  data: T;
  /** Jobs sent with the same identity are one job, however many instances send it. */
  identity?: string;
  /** With `periodSeconds`: at most one job per key in each period (periods start at the Unix epoch). */
  key?: string;
  periodSeconds?: number;
}

export interface TakenJob<T> {
  data: T;
  /** 0 on the first try; more when an earlier try failed or its instance was lost. */
  attempt: number;
}
