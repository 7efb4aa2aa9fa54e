import { brotliCompressSync, deflateRawSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/feeds/errors.ts';
import { createHttpClient, type HttpClientOptions } from '../../src/ingest/http/fetch.ts';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

let server: FeedServer;
const noWait = async () => undefined;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

function client(options: HttpClientOptions = {}) {
  return createHttpClient({ allowPrivate: true, sleep: noWait, totalTimeoutMs: 2_000, connectTimeoutMs: 1_000, ...options });
}

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected the request to fail');
}

describe('the HTTP layer', () => {
  it('GIVEN a gzipped feed THEN the body arrives decompressed', async () => {
    const http = client();
    const plain = await http.get(`${server.url}/feeds/rss-parser/heraldsun.rss`);
    const zipped = await http.get(`${server.url}/feeds/rss-parser/heraldsun.rss?gzip=1`);
    expect(Buffer.from(zipped.body).toString('latin1')).toBe(Buffer.from(plain.body).toString('latin1'));
    expect(Buffer.from(zipped.body).toString('latin1')).toContain('RSS0.92 Example');
    await http.close();
  });

  it.each([
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
    ['deflate', deflateRawSync],
  ] as const)('GIVEN a body encoded with %s THEN it arrives decoded', async (encoding, compress) => {
    const text = '<rss version="2.0"><channel><title>Ünïcödé feed</title></channel></rss>'.repeat(50);
    const path = `/encoded-${encoding}-${compress.name}`;
    server.route(path, (req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-encoding': encoding }).end(compress(Buffer.from(text))));
    const http = client();
    const response = await http.get(`${server.url}${path}`);
    expect(Buffer.from(response.body).toString('utf8')).toBe(text);
    await http.close();
  });

  it('GIVEN the ETag of the last fetch THEN an unchanged feed answers 304 with no body', async () => {
    const http = client();
    const first = await http.get(`${server.url}/feeds/rss-parser/narro.rss?etag=1`);
    expect(first.notModified).toBe(false);
    expect(first.etag).toBeTruthy();
    const second = await http.get(`${server.url}/feeds/rss-parser/narro.rss?etag=1`, { etag: first.etag! });
    expect(second.status).toBe(304);
    expect(second.notModified).toBe(true);
    expect(second.body.length).toBe(0);
    expect(second.etag).toBe(first.etag);
    const byDate = await http.get(`${server.url}/feeds/rss-parser/narro.rss?etag=1`, { lastModified: first.lastModified! });
    expect(byDate.notModified).toBe(true);
    await http.close();
  });

  it('GIVEN a server slower than the total timeout THEN the request fails as a timeout after its retries', async () => {
    const http = client({ totalTimeoutMs: 150, retries: 1 });
    const error = await failure(http.get(`${server.url}/feeds/rss-parser/instant-article.rss?delay=2000`));
    expect(error.code).toBe('E_TIMEOUT');
    expect(error.message).toContain('/feeds/rss-parser/instant-article.rss');
    expect(server.hits.get('/feeds/rss-parser/instant-article.rss')).toBe(2);
    await http.close();
  });

  it('GIVEN a server that trickles its body past the total timeout THEN the warning says timeout, not a type error', async () => {
    server.route('/trickle.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title>');
      const timer = setInterval(() => res.write('<!-- . -->'), 20);
      res.on('close', () => clearInterval(timer));
    });
    const http = client({ totalTimeoutMs: 300, retries: 0 });
    const error = await failure(http.get(`${server.url}/trickle.xml`));
    expect(error.message).not.toContain('is not a function');
    expect(error.code).toBe('E_TIMEOUT');
    expect(error.message).toBe(`${server.url}/trickle.xml: no complete answer within 300 ms; the site is slow or down, try again later`);
    await http.close();
  });

  it('GIVEN a redirect loop THEN the request stops after five redirects with a clear error', async () => {
    const http = client();
    const error = await failure(http.get(`${server.url}/redirect-loop/0`));
    expect(error.code).toBe('E_TOO_MANY_REDIRECTS');
    expect(error.message).toMatch(/more than 5 redirects/);
    expect(server.hits.get('/redirect-loop/5')).toBe(1);
    expect(server.hits.has('/redirect-loop/6')).toBe(false);
    await http.close();
  });

  it('GIVEN five redirects THEN the feed at the end is returned with its final URL', async () => {
    const http = client();
    const response = await http.get(`${server.url}/redirect/5?to=${encodeURIComponent('/feeds/rss-parser/narro.rss')}`);
    expect(response.url).toBe(`${server.url}/feeds/rss-parser/narro.rss`);
    expect(Buffer.from(response.body).toString('utf8')).toContain('foobar on Narro');
    await http.close();
  });

  it('GIVEN a 10 MB body THEN the request fails at the 5 MB cap', async () => {
    const http = client();
    const error = await failure(http.get(`${server.url}/huge`));
    expect(error.code).toBe('E_TOO_LARGE');
    expect(error.message).toContain('5242880 bytes');
    await http.close();
  });

  it('GIVEN a gzip bomb THEN decompression stops at the cap', async () => {
    const http = client({ maxBytes: 1024 * 1024 });
    const error = await failure(http.get(`${server.url}/bomb`));
    expect(error.code).toBe('E_TOO_LARGE');
    await http.close();
  });

  it('GIVEN a body cut off before its declared length THEN the request fails as a dropped connection', async () => {
    const http = client({ retries: 0 });
    const error = await failure(http.get(`${server.url}/truncated`));
    expect(['E_CONNECTION', 'E_UNREADABLE_INPUT']).toContain(error.code);
    await http.close();
  });

  it('GIVEN a 500 THEN the request is retried with growing backoff and then fails naming the status', async () => {
    const delays: number[] = [];
    const http = client({ retries: 3, sleep: async (ms) => void delays.push(ms), random: () => 0.5 });
    const error = await failure(http.get(`${server.url}/status/500`));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.status).toBe(500);
    expect(server.hits.get('/status/500')).toBe(4);
    expect(delays).toHaveLength(3);
    expect(delays[1]!).toBeGreaterThan(delays[0]!);
    expect(delays[2]!).toBeGreaterThan(delays[1]!);
    await http.close();
  });

  it('GIVEN a feed that fails twice with 500 THEN the third attempt succeeds', async () => {
    const http = client({ retries: 2 });
    const response = await http.get(`${server.url}/flaky/2/rss-parser/narro.rss`);
    expect(response.status).toBe(200);
    expect(server.hits.get('/flaky/2/rss-parser/narro.rss')).toBe(3);
    await http.close();
  });

  it('GIVEN a 404 THEN the request is not retried', async () => {
    const http = client({ retries: 3 });
    const error = await failure(http.get(`${server.url}/status/404`));
    expect(error.code).toBe('E_HTTP_STATUS');
    expect(error.message).toMatch(/HTTP 404.*remove it/);
    expect(server.hits.get('/status/404')).toBe(1);
    await http.close();
  });

  it('GIVEN many requests to one host THEN at most two are in flight at once', async () => {
    const local = await startFeedServer();
    const http = client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => http.get(`${local.url}/feeds/rss-parser/narro.rss?delay=30&n=${i}`)));
    expect(local.maxInFlight()).toBe(2);
    await http.close();
    await local.close();
  });

  it('GIVEN a global limit of one THEN requests to different hosts still go one at a time', async () => {
    const a = await startFeedServer();
    const b = await startFeedServer();
    const http = client({ globalConcurrency: 1 });
    let inFlight = 0;
    let most = 0;
    const track = async (url: string) => {
      inFlight++;
      most = Math.max(most, inFlight);
      try {
        return await http.get(url);
      } finally {
        inFlight--;
      }
    };
    await Promise.all([a, b, a, b].map((s, i) => track(`${s.url}/feeds/rss-parser/narro.rss?delay=20&n=${i}`)));
    expect(a.maxInFlight() + b.maxInFlight()).toBe(2);
    expect(most).toBe(4);
    await http.close();
    await a.close();
    await b.close();
  });

  it('GIVEN a charset in the Content-Type header THEN the caller gets it to decode with', async () => {
    const http = client();
    const response = await http.get(`${server.url}/feeds/node-feedparser/iconv.xml?type=application/xml&charset=windows-1251`);
    expect(response.contentType).toBe('application/xml; charset=windows-1251');
    await http.close();
  });
});

describe('limits given as options', () => {
  it('GIVEN a smaller body limit THEN a larger feed is refused as too large', async () => {
    const small = createHttpClient({ maxBytes: 1000, allowPrivate: true });
    const error = await failure(small.get(`${server.url}/feeds/rss-parser/guardian.rss`));
    expect(error.code).toBe('E_TOO_LARGE');
    await small.close();
  });
});
