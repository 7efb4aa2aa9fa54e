import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/feeds/errors.ts';
import { createHttpClient } from '../../src/ingest/http/fetch.ts';
import { loadConfig } from '../../src/config.ts';
import { assertFetchableUrl, isBlockedAddress } from '../../src/ingest/http/url-guard.ts';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.ts';

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected a refusal');
}

describe('the URL guard', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
  ])('GIVEN %s THEN it is refused', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('GIVEN public %s THEN it is allowed', (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  it('GIVEN a non-http scheme or credentials THEN the URL is refused before any connection', () => {
    expect(() => assertFetchableUrl('file:///etc/passwd', false)).toThrow(/only http/);
    expect(() => assertFetchableUrl('ftp://example.org/feed', true)).toThrow(/only http/);
    expect(() => assertFetchableUrl('http://user:pw@example.org/', true)).toThrow(/credentials/);
    expect(() => assertFetchableUrl('http://[::ffff:7f00:1]/', false)).toThrow(/private or local/);
  });

  it('GIVEN NEWSBOT_ALLOW_PRIVATE_URLS THEN private URLs are allowed only when it says yes', () => {
    const allowed = (value?: string) => loadConfig(value === undefined ? {} : { NEWSBOT_ALLOW_PRIVATE_URLS: value }).allowPrivateUrls;
    expect(allowed('1')).toBe(true);
    expect(allowed('true')).toBe(true);
    expect(allowed('')).toBe(false);
    expect(allowed()).toBe(false);
  });

  it('GIVEN a loopback IP without the allowance THEN the client refuses it and the server sees nothing', async () => {
    const http = createHttpClient({ allowPrivate: false, retries: 0 });
    const error = await refusal(http.get(`${server.url}/feeds/rss-parser/narro.rss?guard=ip`));
    expect(error.code).toBe('E_PRIVATE_ADDRESS');
    expect(error.message).toMatch(/NEWSBOT_ALLOW_PRIVATE_URLS/);
    expect(server.hits.get('/feeds/rss-parser/narro.rss')).toBeUndefined();
    await http.close();
  });

  it('GIVEN a host name that resolves to loopback THEN the connect-time check refuses it', async () => {
    const http = createHttpClient({ allowPrivate: false, retries: 0 });
    const port = new URL(server.url).port;
    const error = await refusal(http.get(`http://localhost:${port}/feeds/rss-parser/heraldsun.rss`));
    expect(error.code).toBe('E_PRIVATE_ADDRESS');
    expect(server.hits.get('/feeds/rss-parser/heraldsun.rss')).toBeUndefined();
    await http.close();
  });
});
