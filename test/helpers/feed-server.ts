import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The shared feed samples, found relative to the repository (tests only). */
export const feedFixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures/feeds');

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface FeedServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Requests seen per path (query excluded). */
  hits: Map<string, number>;
  /** Most requests in flight at once, over the server's life. */
  maxInFlight(): number;
  /** Serves `body` (or the handler's answer) at `path` from now on. */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

function etagOf(bytes: Uint8Array): string {
  return `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
}

const fixedLastModified = 'Mon, 02 Nov 2026 10:00:00 GMT';

/**
 * Serves `bytes` with the switches given in the query string:
 * `etag=1` (ETag + Last-Modified, 304 when they match), `gzip=1`, `delay=MS` (before headers),
 * `type=...` (Content-Type, default application/rss+xml), `charset=...`.
 */
export function sendBody(req: IncomingMessage, res: ServerResponse, url: URL, bytes: Uint8Array): void | Promise<void> {
  const send = () => {
    const type = url.searchParams.get('type') ?? 'application/rss+xml';
    const charset = url.searchParams.get('charset');
    const headers: Record<string, string> = { 'content-type': charset ? `${type}; charset=${charset}` : type };
    if (url.searchParams.get('etag') === '1') {
      const etag = etagOf(bytes);
      headers['etag'] = etag;
      headers['last-modified'] = fixedLastModified;
      if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === fixedLastModified) {
        res.writeHead(304, headers).end();
        return;
      }
    }
    let body = bytes;
    if (url.searchParams.get('gzip') === '1') {
      body = gzipSync(bytes);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(body.length);
    res.writeHead(200, headers).end(body);
  };
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay > 0) {
    return new Promise<void>((done) => {
      const timer = setTimeout(() => {
        if (!res.destroyed) send();
        done();
      }, delay);
      res.on('close', () => {
        clearTimeout(timer);
        done();
      });
    });
  }
  send();
}

/**
 * A node:http server on 127.0.0.1 serving the feed samples under /feeds/<folder>/<file>, plus:
 * /redirect-loop/N (endless redirects), /redirect/N?to=PATH (N redirects then PATH),
 * /huge (a 10 MB body), /bomb (10 MB of zeros gzipped to a few KB), /truncated (a body cut
 * short), /status/CODE, /flaky/N/<feed path> (500 for the first N requests, then the feed),
 * /private-link.xml (an item linking to a private address). Switches: see `sendBody`.
 */
export async function startFeedServer(): Promise<FeedServer> {
  const hits = new Map<string, number>();
  const routes = new Map<string, Handler>();
  let inFlight = 0;
  let maxInFlight = 0;

  const builtIn: Handler = async (req, res, url) => {
    const path = url.pathname;
    let match: RegExpExecArray | null;
    if (path.startsWith('/feeds/')) {
      const file = normalize(join(feedFixturesDir, decodeURIComponent(path.slice('/feeds/'.length))));
      if (!file.startsWith(feedFixturesDir)) return void res.writeHead(403).end();
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
      return sendBody(req, res, url, bytes);
    }
    if ((match = /^\/redirect-loop\/(\d+)$/.exec(path))) {
      return void res.writeHead(302, { location: `/redirect-loop/${Number(match[1]) + 1}` }).end();
    }
    if ((match = /^\/redirect\/(\d+)$/.exec(path))) {
      const left = Number(match[1]);
      const to = url.searchParams.get('to') ?? '/';
      return void res.writeHead(301, { location: left <= 1 ? to : `/redirect/${left - 1}?to=${encodeURIComponent(to)}` }).end();
    }
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      return pump();
    }
    if (path === '/bomb') {
      const body = gzipSync(Buffer.alloc(10 * 1024 * 1024));
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body);
    }
    if (path === '/truncated') {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '100000' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Cut short</title><item><title>One</title>');
      return void setTimeout(() => res.destroy(), 10);
    }
    if ((match = /^\/status\/(\d{3})$/.exec(path))) {
      return void res.writeHead(Number(match[1]), { 'content-type': 'text/plain' }).end(`status ${match[1]}`);
    }
    if ((match = /^\/flaky\/(\d+)(\/.*)$/.exec(path))) {
      const seen = hits.get(path) ?? 0;
      if (seen <= Number(match[1])) return void res.writeHead(500).end('try later');
      const file = join(feedFixturesDir, match[2] ?? '');
      return sendBody(req, res, url, readFileSync(file));
    }
    if (path === '/private-link.xml') {
      const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Private links</title>
<item><title>Metadata</title><link>http://169.254.169.254/latest/meta-data/</link><guid>private-1</guid><description>Read more...</description></item>
<item><title>Intranet</title><link>http://10.0.0.1/admin</link><guid>private-2</guid><description>Continue reading</description></item>
</channel></rss>`;
      return sendBody(req, res, url, Buffer.from(xml));
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('no such route');
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    const handler = routes.get(url.pathname) ?? builtIn;
    Promise.resolve(handler(req, res, url)).catch(() => res.destroy());
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    maxInFlight: () => maxInFlight,
    route: (path, handler) => void routes.set(path, handler),
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
