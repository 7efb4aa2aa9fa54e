import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');

const lastModified = 'Mon, 23 Nov 2026 08:30:00 GMT';

const bridgeFeed = (base: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>City Wire</title><link>${base}/</link>
<item><title>Harbour bridge opens after three years of works</title><link>${base}/bridge-opens</link><guid isPermaLink="false">wire-1</guid>
<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
<description>The harbour bridge opened on Monday after three years of works, the city said. Read more</description></item>
</channel></rss>`;

// The page behind the feed's teaser item: read on the first run only.
const bridgePage = `<!doctype html><html><head><title>Harbour bridge opens after three years of works</title>
<meta property="og:site_name" content="City Wire"></head><body><article>
<h1>Harbour bridge opens after three years of works</h1>
<p>The harbour bridge opened on Monday after three years of works, the city said.</p>
<p>Mayor Anna Berg cut the ribbon at dawn and walked across with the engineers who built it.</p>
<p>"This bridge joins two halves of the city that have waited far too long," Berg told the crowd.</p>
<p>Traffic is expected to ease across the old town from Tuesday, when buses start using the new lanes.</p>
<p>The bridge cost the city twice what was planned, after floods stopped the works for most of a year.</p>
<p>Cyclists get a lane of their own on the east side, and the footpath stays open through the night.</p>
</article></body></html>`;

const ferryPage = `<!doctype html><html><head><title>Ferry line to close as the bridge takes its passengers</title>
<meta property="og:site_name" content="Harbour Times"></head><body><article>
<h1>Ferry line to close as the bridge takes its passengers</h1>
<p>The harbour ferry will make its last crossing on Friday after ninety years of service, its operator said on Monday.</p>
<p>Most of its passengers are expected to use the new harbour bridge, which opened the same morning.</p>
<p>"We carried the city for ninety years and we are proud to hand it over," the operator's chief, Lars Holm, said in a statement.</p>
<p>The ferry boats will be sold to a company in the north, the operator added.</p>
</article></body></html>`;

interface SeenRequest {
  path: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

let dir: string;
let server: Server;
let base: string;
const seen: SeenRequest[] = [];

/** Serves the feed and the page with validators, answering 304 when the client's validators match. */
function startServer(): Promise<void> {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const body = { '/feed.xml': bridgeFeed(base), '/bridge-opens': bridgePage, '/ferry.html': ferryPage }[path];
    const request: SeenRequest = { path, status: 200 };
    if (typeof req.headers['if-none-match'] === 'string') request.ifNoneMatch = req.headers['if-none-match'];
    if (typeof req.headers['if-modified-since'] === 'string') request.ifModifiedSince = req.headers['if-modified-since'];
    seen.push(request);
    if (body === undefined) {
      request.status = 404;
      return void res.writeHead(404).end('not found');
    }
    const etag = `"${path.length}-v1"`;
    const headers = { etag, 'last-modified': lastModified, 'content-type': path.endsWith('.xml') ? 'application/rss+xml' : 'text/html; charset=utf-8' };
    if (request.ifNoneMatch === etag || request.ifModifiedSince === lastModified) {
      request.status = 304;
      return void res.writeHead(304, headers).end();
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', ready));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-digest-conditional-'));
  await startServer();
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

async function digest(): Promise<{ stdout: string; stderr: string }> {
  const env = { ...process.env, NEWSBOT_DB: join(dir, 'newsbot.db'), NEWSBOT_ALLOW_PRIVATE_URLS: 'true', LOG_LEVEL: 'warn', CI: 'true' };
  return run(process.execPath, [join(repo, 'bin/newsbot.js'), 'digest', `${base}/feed.xml`, `${base}/ferry.html`, '--format', 'markdown'], { cwd: dir, env });
}

const headlines = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('## '));

describe('newsbot digest URL run twice against one store', () => {
  it('GIVEN a feed URL and a page URL read before THEN the second run asks with If-None-Match and If-Modified-Since and, answered 304, lists the same stories', { timeout: 120_000 }, async () => {
    const first = await digest();
    expect(seen.map((r) => [r.path, r.status]).sort()).toEqual([['/bridge-opens', 200], ['/feed.xml', 200], ['/ferry.html', 200]]);
    expect(seen.every((r) => r.ifNoneMatch === undefined && r.ifModifiedSince === undefined)).toBe(true);
    expect(first.stdout).toContain('Anna Berg');
    expect(first.stdout).toContain('Harbour bridge opens after three years of works');
    expect(first.stdout).toContain('Ferry line to close as the bridge takes its passengers');

    seen.length = 0;
    const second = await digest();
    expect(seen.map((r) => r.path).sort()).toEqual(['/feed.xml', '/ferry.html']);
    for (const request of seen) {
      expect(request).toMatchObject({ ifNoneMatch: `"${request.path.length}-v1"`, ifModifiedSince: lastModified, status: 304 });
    }
    expect(second.stderr).toBe('');
    expect(headlines(second.stdout)).toEqual(headlines(first.stdout));
    expect(second.stdout).toContain('Harbour bridge opens after three years of works');
    expect(second.stdout).toContain('Ferry line to close as the bridge takes its passengers');
    // The stored full text of the teaser item, not the teaser.
    expect(second.stdout).toContain('Anna Berg');
  });
});
