/**
 * One instance of the several-instances polling bench (see polling-postgres.ts), in a process
 * of its own as a deployed instance would be: it takes feed-poll jobs from the shared queue and
 * stores what it finds in the shared PostgreSQL store, then reports its CPU time.
 */
import { createAnalysisPool } from '../app/analysis-pool.ts';
import { pollFeeds } from '../app/poll-feeds.ts';
import { PollMemory } from '../app/poll-memory.ts';
import { parseFeedBytes } from '../ingest/feeds/parse.ts';
import { openPgBossQueue } from '../schedule/pg-boss-queue.ts';
import { startQueueRoles } from '../schedule/queue-roles.ts';
import { openPostgresStore } from '../store/postgres/postgres-store.ts';
import { feedXml, itemCount } from './feed-servers.ts';

export interface InstanceSetup {
  databaseUrl: string;
  storeSchema: string;
  queueSchema: string;
  /** Feed URLs in feed order; the bench serves feed i's items from `now`. */
  urls: string[];
  now: number;
}

export type InstanceMessage = { ready: true } | { polled: string } | { cpuSeconds: number };

const send = (message: InstanceMessage) => process.send!(message);

process.once('message', (setup: InstanceSetup) => void run(setup));

async function run(setup: InstanceSetup): Promise<void> {
  const store = await openPostgresStore(setup.databaseUrl, { schema: setup.storeSchema });
  // A running instance has seen every item but the newest of each feed, as in the one-process bench.
  const memory = new PollMemory();
  for (const [feed, url] of setup.urls.entries()) {
    const parsed = await parseFeedBytes(Buffer.from(feedXml(feed, itemCount(feed), setup.now)), url);
    memory.rememberItems(url, parsed.items.slice(1));
  }
  const pool = createAnalysisPool();
  const queue = await openPgBossQueue(setup.databaseUrl, { schema: setup.queueSchema, pollingSeconds: 1 });
  const cpuBefore = process.cpuUsage();
  const roles = await startQueueRoles({
    queue,
    expireSeconds: 300,
    listFeeds: async () => [],
    pollFeed: async (url) => {
      await pollFeeds(store, { feeds: [url], allowPrivateUrls: true, memory, fullArticles: false, analyze: pool.analyze, toArticle: pool.toArticle });
      send({ polled: url });
    },
    runFiring: async () => undefined,
  });
  send({ ready: true });
  process.once('message', async () => {
    await roles.stop();
    const cpu = process.cpuUsage(cpuBefore);
    send({ cpuSeconds: (cpu.user + cpu.system) / 1e6 });
    await pool.close();
    await store.close();
    process.disconnect();
  });
}
