import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { parseFeedBytes } from '../ingest/feeds/parse.ts';
import { createAnalysisPool } from '../app/analysis-pool.ts';
import { pollFeeds } from '../app/poll-feeds.ts';
import { PollMemory } from '../app/poll-memory.ts';
import { openStore } from '../store/sqlite/sqlite-store.ts';

const FEEDS = 1_000;
export const HOSTS = 50;
const NOT_MODIFIED_SHARE = 0.2;
const COLD_FEEDS = 40;

const vocabulary =
  'council minister election budget harbour police court hospital school river bridge strike union market energy price inflation storm flood drought farmer village mayor governor senator protest treaty border army ceasefire talks embassy summit vaccine research university museum festival airport railway tunnel factory export import tariff'.split(
    ' ',
  );
const people = ['Anna Kovacs', 'Pedro Alves', 'Mei Lin', 'John Okafor', 'Sara Lindqvist', 'Omar Haddad', 'Ines Duarte', 'Tomasz Nowak'];

/** Deterministic words, so every run serves the same feeds. */
function paragraph(seed: number, length: number): string {
  const words: string[] = [];
  let state = seed * 2654435761;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    words.push(vocabulary[state % vocabulary.length]!);
  }
  const person = people[seed % people.length]!;
  return `${person} said the ${words.slice(0, 3).join(' ')} plan for item ${seed} was ready. ${words.join(' ')}. "We will deliver the ${words[3]} on time," ${person.split(' ')[1]} told reporters.`;
}

/** Mixed sizes: most feeds are short, some long. */
export function itemCount(feed: number): number {
  const bucket = feed % 10;
  return bucket < 6 ? 5 : bucket < 9 ? 20 : 60;
}

export function feedXml(feed: number, items: number, now: number): string {
  const entries: string[] = [];
  for (let i = items - 1; i >= 0; i--) {
    const seed = feed * 1_000 + i;
    const published = new Date(now - (items - i) * 3_600_000).toUTCString();
    const html = [0, 1, 2, 3].map((p) => `<p>${paragraph(seed * 7 + p, 40)}</p>`).join('');
    entries.push(
      `<item><title>Feed ${feed} story ${i}: ${paragraph(seed, 4).slice(0, 60)}</title><link>http://news.example/${feed}/${i}</link><guid>http://news.example/${feed}/${i}</guid><pubDate>${published}</pubDate><description><![CDATA[${html}]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>http://news.example/${feed}</link>${entries.join('')}</channel></rss>`;
}


// The feed servers run on their own thread, as remote servers would: their work must not be
// counted as polling time on the main thread.
const serverThread = `
const { parentPort, workerData } = require('node:worker_threads');
const { createServer } = require('node:http');
const feeds = new Map(workerData.feeds.map((feed) => [feed.path, feed]));
const servers = [];
(async () => {
  const ports = [];
  for (let i = 0; i < workerData.hosts; i++) {
    const server = createServer((req, res) => {
      const feed = feeds.get(String(i) + (req.url || ''));
      if (!feed) return void res.writeHead(404).end();
      if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: feed.etag, 'content-length': String(feed.body.length) }).end(Buffer.from(feed.body));
    });
    await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
    servers.push(server);
    ports.push(server.address().port);
  }
  parentPort.postMessage(ports);
  parentPort.on('message', () => {
    for (const server of servers) { server.closeAllConnections(); server.close(); }
    parentPort.close();
  });
})();
`;

export interface ServedFeed {
  /** Host index and path, e.g. "3/feeds/3.xml". */
  path: string;
  body: Uint8Array;
  etag: string;
}

/** The generated feeds `count` of them, spread over the hosts, each with its ETag. */
export function servedFeeds(count: number, now: number): ServedFeed[] {
  const feeds: ServedFeed[] = [];
  for (let feed = 0; feed < count; feed++) {
    const body = Buffer.from(feedXml(feed, itemCount(feed), now));
    feeds.push({ path: `${feed % HOSTS}/feeds/${feed}.xml`, body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` });
  }
  return feeds;
}

export async function startServers(feeds: ServedFeed[]): Promise<{ origins: string[]; stop: () => Promise<void> }> {
  const worker = new Worker(serverThread, { eval: true, workerData: { hosts: HOSTS, feeds } });
  const ports = await new Promise<number[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return {
    origins: ports.map((port) => `http://127.0.0.1:${port}`),
    stop: async () => {
      worker.postMessage('stop');
      await worker.terminate();
    },
  };
}

/**
 * Polls 1,000 feeds served on 127.0.0.1 (50 hosts, 5/20/60 items, 20% answering 304) with the
 * default HTTP limits, in the steady state of a running bot: earlier polls saw every item but
 * the newest of each feed, so each changed feed brings one new article to extract, analyse and
 * store. Also reports a cold first poll of 40 feeds, where every item is new.
 * Analysis runs on the worker pool, as in the bot. Returns seconds, feeds/s, articles stored and
 * peak RSS (the worker threads included: they share the process).
 */
export async function benchPolling(): Promise<Record<string, unknown>> {
  const now = Date.now();
  const feeds = servedFeeds(FEEDS, now);
  const bytes = feeds.reduce((sum, feed) => sum + feed.body.length, 0);
  const servers = await startServers(feeds);
  const urlOf = (feed: number) => `${servers.origins[feed % HOSTS]}/feeds/${feed}.xml`;
  const dir = mkdtempSync(join(tmpdir(), 'newsbot-bench-poll-'));
  const store = openStore(join(dir, 'bench.db'));
  const memory = new PollMemory();
  // As the bot polls: analysis on the worker pool.
  const pool = createAnalysisPool();
  try {
    for (const [feed, served] of feeds.entries()) {
      const url = urlOf(feed);
      await store.addFeed({ url });
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
      // CPU time of the process (the server thread included): steadier than wall time when
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
