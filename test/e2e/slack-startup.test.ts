import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { errorReply } from '../../src/commands/types.ts';
import { FakeSlackApi } from './fakes/slack-api.ts';

const unused = async () => errorReply('internal', 'not used here');
let fake: FakeSlackApi | undefined;
let adapter: SlackAdapter | undefined;

afterEach(async () => {
  await adapter?.stop().catch(() => undefined);
  await fake?.stop();
  adapter = undefined;
  fake = undefined;
});

describe('starting the Slack adapter', () => {
  it('GIVEN Slack rejects the bot token THEN start fails with E_SLACK_AUTH saying which token to copy from where', async () => {
    fake = new FakeSlackApi();
    await fake.start();
    fake.failures.set('auth.test', 'invalid_auth');
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-revoked', signingSecret: 'secret', apiUrl: fake.apiUrl, port: 0, adminUserIds: [] },
      handleCommand: unused,
      host: '127.0.0.1',
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const failure = await adapter.start().then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_SLACK_AUTH' });
    expect((failure as Error).message).toContain('SLACK_BOT_TOKEN');
    expect((failure as Error).message).toContain('OAuth & Permissions');
    adapter = undefined;
  });

  it('GIVEN Slack rejects the app-level token THEN start fails with E_SLACK_AUTH naming SLACK_APP_TOKEN and the scope it needs', async () => {
    fake = new FakeSlackApi();
    await fake.start();
    fake.failures.set('apps.connections.open', 'invalid_auth');
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test', appToken: 'xapp-revoked', apiUrl: fake.apiUrl, port: 0, adminUserIds: [] },
      handleCommand: unused,
      clientOptions: { retryConfig: { retries: 0 } },
    });
    const failure = await adapter.start().then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_SLACK_AUTH' });
    expect((failure as Error).message).toContain('SLACK_APP_TOKEN');
    expect((failure as Error).message).toContain('connections:write');
    adapter = undefined;
  });

  it('GIVEN HTTP mode without a signing secret THEN the adapter refuses to start unprotected', () => {
    expect(() => createSlackAdapter({ config: { botToken: 'xoxb-test', port: 0, adminUserIds: [] }, handleCommand: unused })).toThrow(
      expect.objectContaining({ code: 'E_SLACK_CONFIG', message: expect.stringContaining('SLACK_SIGNING_SECRET') }),
    );
  });
});

describe('starting the Slack adapter with no network', () => {
  it('GIVEN Slack cannot be resolved (ENOTFOUND) THEN start gives up after a few quick tries with one line naming the address', async () => {
    const started = Date.now();
    adapter = createSlackAdapter({
      config: { botToken: 'xoxb-test', signingSecret: 'secret', apiUrl: 'http://newsbot-no-such-host.invalid/api/', port: 0, adminUserIds: [] },
      handleCommand: unused,
      host: '127.0.0.1',
    });
    const failure = await adapter.start().then(() => undefined, (error: unknown) => error);
    expect(failure).toMatchObject({ code: 'E_SLACK_CONNECT' });
    expect((failure as Error).message).toBe(
      'Cannot reach Slack at http://newsbot-no-such-host.invalid/api/ (ENOTFOUND) after 5 tries: check the network, a proxy, or SLACK_API_URL, then start newsbot again.',
    );
    expect((failure as Error).message).not.toContain('\n');
    expect(Date.now() - started).toBeLessThan(25_000);
    adapter = undefined;
  });
});
