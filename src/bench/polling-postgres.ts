import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPgBossQueue } from '../schedule/pg-boss-queue.ts';
import { feedPollQueue, type FeedPollJob } from '../schedule/queue-roles.ts';
import { dropPostgresSchema, openPostgresStore } from '../store/postgres/postgres-store.ts';
import type { InstanceMessage, InstanceSetup } from './polling-instance.ts';
import { HOSTS, startServers } from './feed-servers.ts';

const FEEDS = 1_000;

/**
 * Polls 1,000 local feeds (served as in the one-process polling bench) through the job queue
 * on PostgreSQL, with 1 and with 3 instances, each a process of its own. Each instance has seen
 * every item but the newest of each feed, so every poll stores one new article; there are no
 * 304s, since an instance that has not read a feed since it started asks unconditionally.
 * Every feed is one job; the time runs from sending the jobs to the last poll stored. CPU
 * seconds are the instances' own (their analysis threads included), not the feed servers'.
 */
export async function benchPollingPostgres(): Promise<Record<string, unknown>> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const now = Date.now();
  const servers = await startServers(FEEDS, now);
  const urls = Array.from({ length: FEEDS }, (_, feed) => `${servers.origins[feed % HOSTS]}/feeds/${feed}.xml`);
  try {
    const runs: Record<string, unknown> = {};
    for (const instances of [1, 3]) runs[`instances${instances}`] = await pollWithInstances(url, instances, urls, now);
    return { feeds: FEEDS, hosts: HOSTS, ...runs };
  } finally {
    await servers.stop();
  }
}

async function pollWithInstances(url: string, instances: number, urls: string[], now: number): Promise<Record<string, unknown>> {
  const storeSchema = `newsbot_bench_poll_${process.pid}_${instances}`;
  const queueSchema = `newsbot_bench_jobs_${process.pid}_${instances}`;
  const children: ChildProcess[] = [];
  try {
    const store = await openPostgresStore(url, { schema: storeSchema });
    for (const feedUrl of urls) await store.addFeed({ url: feedUrl });
    await store.close();

    const setup: InstanceSetup = { databaseUrl: url, storeSchema, queueSchema, urls, now };
    const polled = new Set<string>();
    let allPolled: () => void = () => undefined;
    let lost: (error: Error) => void = () => undefined;
    const done = new Promise<void>((resolve, reject) => {
      allPolled = resolve;
      lost = reject;
    });
    const ready = [];
    for (let i = 0; i < instances; i++) {
      const child = fork(join(import.meta.dirname, `polling-instance${extname(import.meta.url)}`), [], { execArgv: import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      ready.push(
        new Promise<void>((resolve, reject) => {
          child.on('message', (message: InstanceMessage) => {
            if ('ready' in message) resolve();
            if ('polled' in message) {
              polled.add(message.polled);
              if (polled.size === urls.length) allPolled();
            }
          });
          child.once('exit', (code) => {
            const error = new Error(`a polling instance exited with ${code} after ${polled.size} of ${urls.length} polls`);
            reject(error);
            if (polled.size < urls.length) lost(error);
          });
        }),
      );
      child.send(setup);
    }
    await Promise.all(ready);

    const queue = await openPgBossQueue(url, { schema: queueSchema });
    const started = performance.now();
    await queue.send<FeedPollJob>(
      feedPollQueue,
      urls.map((feedUrl) => ({ data: { url: feedUrl }, key: feedUrl, periodSeconds: 3600 })),
    );
    await done;
    const seconds = (performance.now() - started) / 1000;
    await queue.stop();

    const cpuSeconds = await Promise.all(
      children.map(
        (child) =>
          new Promise<number>((resolve) => {
            child.on('message', (message: InstanceMessage) => {
              if ('cpuSeconds' in message) resolve(message.cpuSeconds);
            });
            child.send('stop');
          }),
      ),
    );
    const check = await openPostgresStore(url, { schema: storeSchema });
    const articles = await check.countArticles();
    await check.close();
    return {
      seconds: round(seconds),
      feedsPerSecond: Math.round(urls.length / seconds),
      cpuSeconds: round(cpuSeconds.reduce((sum, s) => sum + s, 0)),
      cpuSecondsPerInstance: cpuSeconds.map(round),
      newArticles: articles,
      loadAverage: round(loadavg()[0]!),
    };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await dropPostgresSchema(url, storeSchema);
    await dropPostgresSchema(url, queueSchema);
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
