import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createAnalysisPool } from '../app/analysis-pool.ts';
import { pollFeeds } from '../app/poll-feeds.ts';
import { runSlashText } from '../commands/index.ts';
import { systemClock } from '../core/clock.ts';
import { openStore } from '../store/sqlite/sqlite-store.ts';
import { HOSTS, startServers } from './feed-servers.ts';

const FEEDS = Number(process.env.BENCH_CHAT_FEEDS ?? 200);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * What chat feels like while the bot reads feeds: a cold poll of 200 local feeds (every item
 * new) runs in this process while a `/who` is asked every 25 ms and the event loop's delay is
 * sampled. Run twice: analysis on this thread (as before the pool) and on the worker pool (as
 * the bot runs it). Targets: event-loop delay p99 <= 50 ms, `/who` p99 <= 100 ms.
 */
export async function benchResponsiveness(): Promise<Record<string, unknown>> {
  const now = Date.now();
  const servers = await startServers(FEEDS, now);
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-chat-'));
  const results: Record<string, unknown> = { feeds: FEEDS, targets: { eventLoopDelayP99Ms: 50, whoP99Ms: 100 } };
  try {
    for (const mode of ['mainThread', 'workerPool'] as const) {
      const store = openStore(join(dir, `${mode}.db`));
      for (let feed = 0; feed < FEEDS; feed++) await store.addFeed({ url: `${servers.origins[feed % HOSTS]}/feeds/${feed}.xml` });
      const pool = mode === 'workerPool' ? createAnalysisPool() : undefined;
      const delay = monitorEventLoopDelay({ resolution: 10 });
      const who: number[] = [];
      let polling = true;
      const ask = async () => {
        const ctx = { store, clock: systemClock, defaultTimezone: 'UTC' };
        for (let i = 0; polling; i++) {
          const asked = performance.now();
          await new Promise((resolve) => setTimeout(resolve, 25));
          // Latency as a user sees it: from asking (the timer was due) to the reply.
          await runSlashText(`/who ${['Kovacs', 'Alves', 'Okafor', 'Haddad'][i % 4]}`, { id: 'bench', isAdmin: false }, { platform: 'console', id: 'bench' }, ctx);
          who.push(performance.now() - asked - 25);
        }
      };
      const started = performance.now();
      delay.enable();
      const asking = ask();
      const report = await pollFeeds(store, { allowPrivateUrls: true, fullArticles: false, ...(pool ? { analyze: pool.analyze, toArticle: pool.toArticle } : {}) });
      polling = false;
      await asking;
      delay.disable();
      const seconds = (performance.now() - started) / 1000;
      await pool?.close();
      await store.close();
      who.sort((a, b) => a - b);
      results[mode] = {
        seconds: Number(seconds.toFixed(2)),
        newArticles: report.new,
        eventLoopDelayMs: { p50: Number((delay.percentile(50) / 1e6).toFixed(1)), p99: Number((delay.percentile(99) / 1e6).toFixed(1)), max: Number((delay.max / 1e6).toFixed(1)) },
        whoMs: { p50: Number(percentile(who, 50).toFixed(1)), p99: Number(percentile(who, 99).toFixed(1)), runs: who.length },
        loadAverage: Number(loadavg()[0]!.toFixed(1)),
      };
    }
  } finally {
    await servers.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
