import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import { silentLogger, type Logger } from '../core/logger.ts';
import type { JobQueue, JobRequest, QueueDefinition, TakenJob } from './job-queue.ts';

export interface PgBossQueueOptions {
  /** The schema holding the queue's tables, created when missing; `pgboss` by default. */
  schema?: string;
  /** How often one instance of the deployment looks for expired jobs. Default 30 s. */
  maintenanceSeconds?: number;
  /** How often an idle worker asks for jobs. Default 2 s. */
  pollingSeconds?: number;
  /** Finished jobs are kept this long, so work sent again within it is recognised as done. Default 12 h. */
  keepFinishedSeconds?: number;
  /** Connections in the queue's own pool. Default 4. */
  maxConnections?: number;
  logger?: Logger;
}

/** A UUID derived from `identity`: pg-boss job ids are UUIDs, and equal ids make one job. */
function uuidOf(identity: string): string {
  const hex = createHash('sha256').update(identity).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const hourSeconds = 3600;

/**
 * The job queue on the deployment's PostgreSQL, through pg-boss 10. Several instances may open
 * it at once: pg-boss installs its tables under an advisory lock, and queue creation is idempotent.
 */
export async function openPgBossQueue(url: string, options: PgBossQueueOptions = {}): Promise<JobQueue> {
  const log = options.logger ?? silentLogger;
  const boss = new PgBoss({
    connectionString: url,
    ...(options.schema ? { schema: options.schema } : {}),
    max: options.maxConnections ?? 4,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    archiveCompletedAfterSeconds: Math.max(12 * hourSeconds, options.keepFinishedSeconds ?? 0),
    // newsbot's own schedules run through node-cron in each schedule's zone, not pg-boss cron.
    schedule: false,
  });
  // Without a listener an error event would end the process; a lost connection is retried by pg-boss.
  boss.on('error', (error: Error) => log.warn(`job queue: ${error.message}`));
  await boss.start();
  const pollingIntervalSeconds = options.pollingSeconds ?? 2;

  return {
    async define(queue: QueueDefinition) {
      const settings = {
        name: queue.name,
        policy: queue.onePerKeyAtATime ? ('singleton' as const) : ('standard' as const),
        expireInSeconds: queue.expireSeconds,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: true,
      };
      // Instances starting together race to create the queue's table, and PostgreSQL may end
      // the race with a deadlock for the loser: it finds the queue made on its next look.
      for (let attempt = 0; ; attempt++) {
        try {
          if (await boss.getQueue(queue.name)) return await boss.updateQueue(queue.name, settings);
          return await boss.createQueue(queue.name, settings);
        } catch (error) {
          if (attempt >= 4) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
        }
      }
    },

    async send<T extends object>(queue: string, jobs: Array<JobRequest<T>>) {
      if (jobs.length === 0) return;
      await boss.insert(
        jobs.map((job) => ({
          name: queue,
          data: job.data,
          ...(job.identity !== undefined ? { id: uuidOf(job.identity) } : {}),
          ...(job.key !== undefined ? { singletonKey: job.key } : {}),
          ...(job.periodSeconds !== undefined ? { singletonSeconds: job.periodSeconds } : {}),
        })),
      );
    },

    async work<T extends object>(queue: string, concurrency: number, handler: (job: TakenJob<T>) => Promise<void>) {
      // Several small batches rather than one big one: a worker fetches again only when its
      // whole batch is done, so one slow job holds back only the few beside it.
      const workers = Math.max(1, Math.min(concurrency, 4));
      const batchSize = Math.max(1, Math.ceil(concurrency / workers));
      for (let i = 0; i < workers; i++) {
        const worker: { id?: string } = {};
        worker.id = await boss.work<T>(queue, { batchSize, pollingIntervalSeconds, includeMetadata: true }, async (jobs) => {
          await Promise.all(
            jobs.map(async (job) => {
              try {
                await handler({ data: job.data, attempt: job.retryCount });
              } catch (error) {
                // Failed one by one, so the others of the batch complete; pg-boss retries this one later.
                const message = error instanceof Error ? error.message : String(error);
                log.warn(`job queue: a ${queue} job failed (${message}); it is retried later`);
                await boss.fail(queue, job.id, { message });
              }
            }),
          );
          // pg-boss waits a polling interval after every batch; a full batch means more are
          // waiting, so this worker asks again at once.
          if (jobs.length === batchSize && worker.id !== undefined) boss.notifyWorker(worker.id);
        });
      }
    },

    async stop(stopOptions = {}) {
      await boss.stop({ graceful: !stopOptions.abandonRunning, wait: true, timeout: 30_000 });
    },
  };
}
