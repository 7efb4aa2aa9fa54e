import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi, signSlackRequest, slashCommandBody } from './fakes/slack-api.ts';
import { freePort } from '../helpers/free-port.ts';

const repo = new URL('../..', import.meta.url).pathname;
const signingSecret = 'serve-signing-secret';

/**
 * Starts what `npm start` runs (bin/newsbot.js serve) and resolves once its log shows `ready`.
 * It runs in an empty folder with only the given environment, so no developer's .env leaks in.
 */
function startNewsbot(env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(process.execPath, [join(repo, 'bin/newsbot.js'), 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) resolve({ child, log: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`newsbot exited with ${code} before it was ready:\n${output}`)));
  });
}

async function stopNewsbot(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

let dir: string;
let fake: FakeSlackApi;
let child: ChildProcess | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-slack-serve-'));
  fake = new FakeSlackApi([{ id: 'UADMIN', name: 'ada', is_admin: true }]);
  await fake.start();
});

afterAll(async () => {
  await stopNewsbot(child);
  await fake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start with SLACK_* set', () => {
  it('GIVEN a bot token and signing secret THEN newsbot serves signed slash commands on SLACK_PORT at /slack/events', async () => {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      SLACK_BOT_TOKEN: 'xoxb-serve-token',
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: String(port),
      NEWSBOT_DB: join(dir, 'newsbot.db'),
      LOG_LEVEL: 'info',
    };
    const started = await startNewsbot(env, /listening on port \d+/i);
    child = started.child;
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-serve-token');

    const body = slashCommandBody({ command: '/digest', text: 'schedule daily 08:00 Europe/Berlin', userId: 'UADMIN', channelId: 'CSERVE', responseUrl: `${fake.url}/response/serve-1` });
    const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signSlackRequest(signingSecret, body, Math.floor(Date.now() / 1000)), body });
    expect(response.status).toBe(200);
    await fake.until(() => fake.responsesTo('/response/serve-1').length > 0);
    const [answer] = fake.responsesTo('/response/serve-1');
    expect(answer!.body).toMatchObject({ response_type: 'in_channel' });
    expect(String(answer!.body.text)).toMatch(/^Briefing scheduled/);

    const forged = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', headers: signSlackRequest('wrong', body, Math.floor(Date.now() / 1000)), body });
    expect(forged.status).toBe(401);
    await stopNewsbot(child);
  });

  it('GIVEN an app-level token THEN newsbot connects in Socket Mode and answers commands sent over the socket', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      SLACK_BOT_TOKEN: 'xoxb-serve-token',
      SLACK_APP_TOKEN: 'xapp-serve-token',
      SLACK_API_URL: fake.apiUrl,
      NEWSBOT_DB: join(dir, 'newsbot.db'),
      LOG_LEVEL: 'info',
    };
    child = (await startNewsbot(env, /socket mode/i)).child;
    expect(fake.callsTo('apps.connections.open').at(-1)?.token).toBe('xapp-serve-token');
    const payload = { command: '/digest', text: 'list', user_id: 'UADMIN', user_name: 'ada', channel_id: 'CSERVE', response_url: `${fake.url}/response/serve-2` };
    fake.sendOverSocket({ envelope_id: 'serve-env', type: 'slash_commands', accepts_response_payload: true, payload });
    await fake.until(() => fake.responsesTo('/response/serve-2').length > 0);
    expect(fake.socketFrames).toContainEqual({ envelope_id: 'serve-env', payload: {} });
    // The schedule made over HTTP in the first test is in the same database.
    expect(JSON.stringify(fake.responsesTo('/response/serve-2')[0]!.body)).toContain('daily 08:00');
    await stopNewsbot(child);
  });
});
