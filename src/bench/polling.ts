import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultFeedMaxAgeDays } from '../ingest/feeds/dates.ts';
import { parseFeedBytes } from '../ingest/feeds/parse.ts';
import { createAnalysisPool } from '../app/analysis-pool.ts';
import { pollFeeds } from '../app/poll-feeds.ts';
import { PollMemory } from '../app/poll-memory.ts';
import { openStore } from '../store/sqlite/sqlite-store.ts';
import { HOSTS, servedFeed, startServers } from './feed-servers.ts';

const FEEDS = 1_000;
const NOT_MODIFIED_SHARE = 0.2;
const COLD_FEEDS = 40;

/**
 * Polls 1,000 feeds served on 127.0.0.1 (50 hosts, 5/20/60 items, 20% answering 304) with the
 * default HTTP limits, in the steady state of a running bot: earlier polls saw every item but
 * the newest of each feed, so each changed feed brings one new article to extract, analyse and
 * store. Also reports a cold first poll of 40 feeds, where every item is new.
 * Analysis runs on the worker pool, as in the bot. Returns seconds, feeds/s, articles stored and
 * peak RSS of this process, the polling one (its pool threads included: they share the process).
 * The feed servers run in a child process of their own (see startServers), as remote servers
 * would, so neither their memory nor their CPU time counts as the poller's.
 */
export async function benchPolling(): Promise<Record<string, unknown>> {
  const now = Date.now();
  const servers = await startServers(FEEDS, now);
  const urlOf = (feed: number) => `${servers.origins[feed % HOSTS]}/feeds/${feed}.xml`;
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-poll-'));
  const store = openStore(join(dir, 'bench.db'));
  const memory = new PollMemory();
  // As the bot polls: analysis on the worker pool.
  const pool = createAnalysisPool();
  try {
    let bytes = 0;
    // One feed at a time, made again here as the servers made it: this process keeps no bodies.
    for (let feed = 0; feed < FEEDS; feed++) {
      const served = servedFeed(feed, now);
      bytes += served.body.length;
      const url = urlOf(feed);
      await store.addFeed({ url });
      // Read in full before with today's maximum item age, as a running bot's feeds are.
      memory.rememberMaxAge(url, defaultFeedMaxAgeDays * 86_400_000);
      if (feed < FEEDS * NOT_MODIFIED_SHARE) {
        await store.updateFeed(url, { etag: served.etag, health: 'ok' });
      } else {
        // The previous poll saw every item except the newest one.
        const previous = await parseFeedBytes(served.body, url);
        memory.rememberItems(url, previous.items.slice(1));
      }
    }

    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await pollFeeds(store, { allowPrivateUrls: true, memory, fullArticles: false, analyze: pool.analyze, toArticle: pool.toArticle });
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (performance.now() - started) / 1000;

    const coldStore = openStore(join(dir, 'cold.db'));
    for (let feed = FEEDS - COLD_FEEDS; feed < FEEDS; feed++) await coldStore.addFeed({ url: urlOf(feed) });
    const coldStarted = performance.now();
    const cold = await pollFeeds(coldStore, { allowPrivateUrls: true, fullArticles: false, analyze: pool.analyze, toArticle: pool.toArticle });
    const coldSeconds = (performance.now() - coldStarted) / 1000;
    await coldStore.close();

    return {
      feeds: FEEDS,
      hosts: HOSTS,
      megabytesServed: Number((bytes / 1e6).toFixed(1)),
      seconds: Number(seconds.toFixed(2)),
      // CPU time of this process (its pool threads included, the feed servers not): steadier than wall time when
      // other processes share the cores, which loadAverage shows.
      cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
      loadAverage: Number(loadavg()[0]!.toFixed(1)),
      feedsPerSecond: Math.round(FEEDS / seconds),
      notModified: report.notModified,
      newArticles: report.new,
      unchangedItems: report.duplicates,
      failing: report.failing,
      targetSeconds: 15,
      targetPeakRssMB: 400,
      coldFirstPoll: {
        feeds: COLD_FEEDS,
        seconds: Number(coldSeconds.toFixed(2)),
        newArticles: cold.new,
        articlesPerSecond: Math.round(cold.new / coldSeconds),
      },
      peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await pool.close();
    await store.close();
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
