import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/slack-adapter.ts';
import { readSlashCommand, slashCommandPattern } from '../../adapters/slack/slash-command.ts';
import type { Command, Reply } from '../../src/commands/types.ts';
import { FakeSlackApi, slashCommandFields } from './fakes/slack-api.ts';

const received: Command[] = [];
async function handleCommand(command: Command): Promise<Reply> {
  received.push(command);
  return { kind: 'text', ephemeral: false, sections: [{ heading: 'Feeds', lines: ['https://news.example/rss'] }] };
}

let fake: FakeSlackApi;
let adapter: SlackAdapter;

beforeAll(async () => {
  fake = new FakeSlackApi([{ id: 'UADMIN', name: 'ada', is_admin: true }]);
  await fake.start();
  adapter = createSlackAdapter({
    config: { botToken: 'xoxb-test-token', appToken: 'xapp-test-token', apiUrl: fake.apiUrl, port: 0, adminUserIds: [] },
    handleCommand,
    clientOptions: { retryConfig: { retries: 0 } },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await fake?.stop();
});

describe('Slack in Socket Mode', () => {
  it('GIVEN SLACK_APP_TOKEN THEN the app opens a socket with the app token and listens on no port', async () => {
    const started = await adapter.start();
    expect(started.port).toBeUndefined();
    const open = fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-test-token');
    expect(fake.socketConnected).toBe(true);
  });

  it('GIVEN a slash command over the socket THEN its envelope is acknowledged and the answer goes to response_url', async () => {
    const payload = slashCommandFields({ command: '/feeds', text: 'list', userId: 'UADMIN', channelId: 'CNEWS', responseUrl: `${fake.url}/response/socket-1` });
    fake.sendOverSocket({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload });
    await fake.until(() => fake.socketFrames.some((frame) => frame.envelope_id === 'env-1') && fake.responsesTo('/response/socket-1').length > 0);
    expect(fake.socketFrames.find((frame) => frame.envelope_id === 'env-1')).toEqual({ envelope_id: 'env-1', payload: {} });
    expect(received[0]).toMatchObject({ name: 'feeds', args: ['list'], caller: { id: 'UADMIN', isAdmin: true } });
    const [answer] = fake.responsesTo('/response/socket-1');
    expect(answer!.body).toMatchObject({ response_type: 'in_channel' });
    expect(JSON.stringify(answer!.body)).toContain('https://news.example/rss');
  });
});

describe('the Slack app manifest', () => {
  const manifest = parse(readFileSync(new URL('../../adapters/slack/manifest.yaml', import.meta.url), 'utf8')) as {
    features: { slash_commands: Array<{ command: string; should_escape?: boolean }> };
    oauth_config: { scopes: { bot: string[] } };
    settings: { socket_mode_enabled: boolean };
  };

  it('GIVEN the manifest THEN every command it registers is one the adapter answers, all six (with /help) are there, and Socket Mode is on', () => {
    const commands = manifest.features.slash_commands.map((entry) => entry.command);
    for (const command of commands) {
      expect(command).toMatch(slashCommandPattern);
      expect(readSlashCommand({ command, text: 'x' })).toBeDefined();
    }
    expect(commands.sort()).toEqual(['/digest', '/feeds', '/help', '/quotes', '/story', '/who']);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('GIVEN the manifest THEN it asks only for the scopes the adapter uses', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'chat:write.public', 'commands', 'users:read']);
  });
});
