import { type Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { Agent, request, type Dispatcher } from 'undici';
import { IngestError, type IngestErrorCode } from '../feeds/errors.ts';
import { backoffDelay, defaultHttpLimits, Semaphore, type HttpLimits } from './limits.ts';
import { assertFetchableUrl, guardedLookup } from './url-guard.ts';

export interface HttpRequest {
  /** ETag from the previous fetch; sent as If-None-Match. */
  etag?: string;
  /** Last-Modified from the previous fetch; sent as If-Modified-Since. */
  lastModified?: string;
  accept?: string;
}

export interface HttpResponse {
  /** The URL the body came from, after redirects. */
  url: string;
  status: number;
  /** True for 304: nothing changed since `etag`/`lastModified`; the body is empty. */
  notModified: boolean;
  contentType?: string;
  etag?: string;
  lastModified?: string;
  /** Decompressed body bytes (at most `maxBytes`). */
  body: Uint8Array;
}

/** The HTTP function the ingest code is given: tests and other transports can pass their own. */
export type HttpGet = (url: string, request?: HttpRequest) => Promise<HttpResponse>;

export interface HttpClientOptions extends Partial<HttpLimits> {
  /** Allow loopback/private targets (NEWSBOT_ALLOW_PRIVATE_URLS, read by config.ts); default no. */
  allowPrivate?: boolean;
  /** Waits between retries; tests pass one that does not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Source of jitter, in [0, 1). */
  random?: () => number;
  userAgent?: string;
  /**
   * Origins (`http://10.0.0.5:8080`) exempt from the private-address guard, for a trusted
   * intranet feed. Use IP-literal origins: host names are still checked at connect time.
   */
  trustedOrigins?: string[];
}

export interface HttpClient {
  get: HttpGet;
  readonly limits: Readonly<HttpLimits>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const retryableSocketCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function tooLarge(url: string, maxBytes: number): IngestError {
  return new IngestError('E_TOO_LARGE', `${url}: response is larger than ${maxBytes} bytes; raise the size limit if this feed is really that big`);
}

/** Turns undici/socket/abort errors into IngestErrors with a code and a next step. */
function classify(error: unknown, url: string, limits: HttpLimits): IngestError {
  if (error instanceof IngestError) return error;
  const cause = error as { code?: unknown; name?: string; message?: string; cause?: unknown };
  // A DOMException (an aborted body read) carries a numeric code: only string codes name a socket error.
  const code = typeof cause.code === 'string' ? cause.code : '';
  if (cause.cause instanceof IngestError) return cause.cause;
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new IngestError('E_TIMEOUT', `${url}: no connection within ${limits.connectTimeoutMs} ms; the site may be down, try again later`, { retryable: true, cause: error });
  }
  if (cause.name === 'TimeoutError' || cause.name === 'AbortError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_ABORTED') {
    return new IngestError('E_TIMEOUT', `${url}: no complete answer within ${limits.totalTimeoutMs} ms; the site is slow or down, try again later`, { retryable: true, cause: error });
  }
  if (code === 'ENOTFOUND') {
    return new IngestError('E_CONNECTION', `${url}: host not found; check the address`, { cause: error });
  }
  const errorCode: IngestErrorCode = 'E_CONNECTION';
  return new IngestError(errorCode, `${url}: connection failed (${code || cause.message || 'unknown error'}); try again later`, {
    retryable: retryableSocketCodes.has(code) || code.startsWith('UND_ERR'),
    cause: error,
  });
}

/** Inflates zlib-wrapped or raw deflate, deciding on the first byte (a zlib stream starts with 0x?8). */
function deflateEither(): NodeJS.ReadWriteStream {
  let inner: Transform | undefined;
  const outer = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!inner) {
        inner = (chunk[0]! & 0x0f) === 8 ? createInflate() : createInflateRaw();
        inner.on('data', (data: Buffer) => outer.push(data));
        inner.on('error', (error) => outer.destroy(error));
      }
      if (inner.write(chunk)) callback();
      else inner.once('drain', () => callback());
    },
    flush(callback) {
      if (!inner) return callback();
      inner.once('end', () => callback());
      inner.end();
    },
  });
  return outer;
}

function decoderFor(encoding: string): NodeJS.ReadWriteStream | undefined {
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'br':
      return createBrotliDecompress();
    case 'deflate':
      // Many servers send raw deflate under this name; deflateEither tells them apart.
      return deflateEither();
    default:
      return undefined;
  }
}

/**
 * Reads a body into memory, decompressing it, and stops as soon as either the compressed or
 * the decompressed size passes `maxBytes` (so a compression bomb costs at most that much).
 */
async function readCappedBody(body: Readable, contentEncoding: string | undefined, maxBytes: number, url: string): Promise<Uint8Array> {
  const encodings = (contentEncoding ?? '').toLowerCase().split(',').map((part) => part.trim()).filter((part) => part && part !== 'identity');
  let rawBytes = 0;
  let rawTooLarge = false;
  let stream: Readable = body;
  if (encodings.length > 0) {
    body.on('data', (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawBytes > maxBytes && !rawTooLarge) {
        rawTooLarge = true;
        body.destroy(tooLarge(url, maxBytes));
      }
    });
    // Encodings are listed in the order they were applied; undo them in reverse.
    for (const encoding of [...encodings].reverse()) {
      const decoder = decoderFor(encoding);
      if (!decoder) continue;
      const source = stream;
      source.on('error', (error) => (decoder as unknown as Readable).destroy(error));
      stream = source.pipe(decoder) as unknown as Readable;
    }
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(url, maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    body.destroy();
    if (error instanceof IngestError) throw error;
    const raw = (error as { code?: unknown }).code;
    const code = typeof raw === 'string' ? raw : '';
    if (code.startsWith('Z_') || code.startsWith('ERR_')) {
      throw new IngestError('E_UNREADABLE_INPUT', `${url}: the ${encodings.join('+') || 'response'} body is corrupt (${(error as Error).message})`);
    }
    throw error;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
}

/**
 * Creates the HTTP client ingest uses for feeds and pages. Returns `get`, which follows up to
 * `maxRedirects` redirects (each hop re-checked by the URL guard), decodes gzip/deflate/br
 * under the size cap, answers 304s without a body, and retries timeouts, dropped connections
 * and 5xx with exponential backoff; 4xx answers are not retried. Host names are checked for
 * private addresses at connect time, on the address actually connected to. Limits are the
 * defaults unless `options` set them (config.ts reads NEWSBOT_HTTP_* into such options).
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const limits: HttpLimits = { ...defaultHttpLimits };
  for (const key of Object.keys(defaultHttpLimits) as Array<keyof HttpLimits>) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
  }
  const allowPrivate = options.allowPrivate ?? false;
  const trustedOrigins = new Set((options.trustedOrigins ?? []).map((origin) => new URL(origin).origin));
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const userAgent = options.userAgent ?? 'newsbot/0.1 (news digest bot; RSS/Atom reader)';
  const agent = new Agent({
    connect: { timeout: limits.connectTimeoutMs, ...(allowPrivate ? {} : { lookup: guardedLookup }) },
    connections: limits.perHostConcurrency,
    headersTimeout: limits.totalTimeoutMs,
    bodyTimeout: limits.totalTimeoutMs,
    keepAliveTimeout: 4_000,
  });
  const global = new Semaphore(limits.globalConcurrency);
  const hosts = new Map<string, Semaphore>();

  const hostSlot = (host: string) => {
    let semaphore = hosts.get(host);
    if (!semaphore) {
      semaphore = new Semaphore(limits.perHostConcurrency);
      hosts.set(host, semaphore);
    }
    return semaphore;
  };

  /** One request to one URL, no redirects followed, no retries. */
  async function fetchOnce(url: URL, req: HttpRequest): Promise<HttpResponse | { redirect: string }> {
    const host = url.host.toLowerCase();
    const releaseHost = await hostSlot(host).acquire();
    const releaseGlobal = await global.acquire();
    const signal = AbortSignal.timeout(limits.totalTimeoutMs);
    try {
      const headers: Record<string, string> = {
        'user-agent': userAgent,
        accept: req.accept ?? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (req.etag) headers['if-none-match'] = req.etag;
      if (req.lastModified) headers['if-modified-since'] = req.lastModified;
      const response = await request(url, { method: 'GET', headers, dispatcher: agent, signal });
      const status = response.statusCode;
      const location = header(response.headers, 'location');
      if (status >= 300 && status < 400 && status !== 304 && location) {
        await response.body.dump();
        return { redirect: new URL(location, url).href };
      }
      if (status === 304) {
        await response.body.dump();
        return { url: url.href, status, notModified: true, body: new Uint8Array(0), ...pick(response.headers, req) };
      }
      if (status < 200 || status >= 300) {
        await response.body.dump().catch(() => undefined);
        throw new IngestError(
          'E_HTTP_STATUS',
          `${url.href}: the server answered HTTP ${status}${status === 404 || status === 410 ? '; the feed is gone, check its address or remove it' : status >= 500 ? '; the site has a problem, try again later' : '; check the address and access rights'}`,
          { status, retryable: status >= 500 },
        );
      }
      const declaredLength = Number(header(response.headers, 'content-length') ?? NaN);
      if (declaredLength > limits.maxBytes) {
        response.body.destroy();
        throw tooLarge(url.href, limits.maxBytes);
      }
      const body = await readCappedBody(response.body, header(response.headers, 'content-encoding'), limits.maxBytes, url.href);
      return { url: url.href, status, notModified: false, body, ...pick(response.headers, {}) };
    } catch (error) {
      throw classify(error, url.href, limits);
    } finally {
      releaseGlobal();
      releaseHost();
    }
  }

  /** Follows redirects for one attempt. */
  async function fetchFollowing(startUrl: string, req: HttpRequest): Promise<HttpResponse> {
    let current = startUrl;
    for (let hop = 0; ; hop++) {
      const origin = URL.canParse(current) ? new URL(current).origin : '';
      const url = assertFetchableUrl(current, allowPrivate || trustedOrigins.has(origin));
      const result = await fetchOnce(url, req);
      if (!('redirect' in result)) return result;
      if (hop >= limits.maxRedirects) {
        throw new IngestError('E_TOO_MANY_REDIRECTS', `${startUrl}: more than ${limits.maxRedirects} redirects; the address loops or moved too often, check it in a browser`);
      }
      current = result.redirect;
    }
  }

  async function get(url: string, req: HttpRequest = {}): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fetchFollowing(url, req);
      } catch (error) {
        const failure = classify(error, url, limits);
        if (!failure.retryable || attempt >= limits.retries) throw failure;
        await sleep(backoffDelay(attempt, limits, random));
      }
    }
  }

  return {
    get,
    limits,
    close: () => agent.close(),
  };
}

function pick(headers: Dispatcher.ResponseData['headers'], req: HttpRequest): Pick<HttpResponse, 'contentType' | 'etag' | 'lastModified'> {
  const picked: Pick<HttpResponse, 'contentType' | 'etag' | 'lastModified'> = {};
  const contentType = header(headers, 'content-type');
  if (contentType) picked.contentType = contentType;
  // A 304 may omit validators; keep the ones that still hold.
  const etag = header(headers, 'etag') ?? req.etag;
  if (etag) picked.etag = etag;
  const lastModified = header(headers, 'last-modified') ?? req.lastModified;
  if (lastModified) picked.lastModified = lastModified;
  return picked;
}
