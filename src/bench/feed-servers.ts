/**
 * The bench's feeds and the local servers that answer for them. The servers run in a process of
 * their own, as remote servers would: their memory and CPU time are not the poller's. Run as a
 * script (see startServers) this file is that process.
 */
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

export const HOSTS = 50;

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

export interface ServedFeed {
  /** Host index and path, e.g. "3/feeds/3.xml". */
  path: string;
  body: Uint8Array;
  etag: string;
}

/** Feed `feed` as served from `now`, with its ETag. */
export function servedFeed(feed: number, now: number): ServedFeed {
  const body = Buffer.from(feedXml(feed, itemCount(feed), now));
  return { path: `${feed % HOSTS}/feeds/${feed}.xml`, body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
}

/** The generated feeds, `count` of them, spread over the hosts, each with its ETag. */
export function servedFeeds(count: number, now: number): ServedFeed[] {
  return Array.from({ length: count }, (_, feed) => servedFeed(feed, now));
}

interface ServerSetup {
  count: number;
  now: number;
}

/**
 * Serves `count` generated feeds from `now` on HOSTS local ports, in a child process that makes
 * the feeds itself, so this process holds none of them. Returns each host's origin.
 */
export async function startServers(count: number, now: number): Promise<{ origins: string[]; stop: () => Promise<void> }> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ports = await new Promise<number[]>((resolve, reject) => {
    child.once('message', (message) => resolve(message as number[]));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the feed servers exited with ${code} before listening`)));
    child.send({ count, now } satisfies ServerSetup);
  });
  return {
    origins: ports.map((port) => `http://127.0.0.1:${port}`),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.send('stop');
      await exited;
    },
  };
}

async function serve({ count, now }: ServerSetup): Promise<void> {
  const feeds = new Map(servedFeeds(count, now).map((feed) => [feed.path, feed]));
  const servers: Server[] = [];
  const ports: number[] = [];
  for (let host = 0; host < HOSTS; host++) {
    const server = createServer((req, res) => {
      const feed = feeds.get(String(host) + (req.url ?? ''));
      if (!feed) return void res.writeHead(404).end();
      if (req.headers['if-none-match'] === feed.etag) return void res.writeHead(304, { etag: feed.etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: feed.etag, 'content-length': String(feed.body.length) }).end(feed.body);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    servers.push(server);
    const address = server.address();
    ports.push(typeof address === 'object' && address ? address.port : 0);
  }
  process.send!(ports);
  process.on('message', () => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
    process.disconnect();
  });
  // The parent gone (a crashed bench) means no one asks any more.
  process.on('disconnect', () => process.exit(0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.once('message', (setup: ServerSetup) => void serve(setup));
