import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeArticle } from '../../src/analyze/pipeline.ts';
import { loadInputs } from '../../src/ingest/inputs.ts';
import { openStore } from '../../src/store/sqlite/sqlite-store.ts';
import { FakeDiscord } from './fakes/discord-server.ts';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/newsbot.js');

let fake: FakeDiscord;
let dir: string;
let env: NodeJS.ProcessEnv;
let bot: ChildProcess | undefined;
let stderr = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-serve-'));
  const dbPath = join(dir, 'newsbot.db');
  const store = openStore(dbPath);
  const seeds = join(root, '../shared/fixtures/seeds/articles');
  for (const article of (await loadInputs([seeds])).articles) await store.saveAnalysis(analyzeArticle(article));
  store.close();
  fake = new FakeDiscord();
  const apiUrl = await fake.start();
  // Only what the bot needs: no tokens of the machine running the tests leak in.
  env = { PATH: process.env.PATH, HOME: dir, NEWSBOT_DB: dbPath, DISCORD_TOKEN: 'test-token', DISCORD_APP_ID: fake.appId, DISCORD_API_URL: apiUrl, LOG_LEVEL: 'info' };
});

afterAll(async () => {
  if (bot && bot.exitCode === null) {
    const exited = new Promise((resolve) => bot!.once('exit', resolve));
    bot.kill('SIGTERM');
    await exited;
  }
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the running bot has written a line matching `pattern` to stderr. */
function waitForOutput(pattern: RegExp, timeoutMs = 40_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot never printed ${pattern}; stderr:\n${stderr}`)), timeoutMs);
    const check = () => {
      if (!pattern.test(stderr)) return;
      clearTimeout(timer);
      bot!.stderr!.off('data', check);
      resolve();
    };
    bot!.stderr!.on('data', check);
    check();
  });
}

/** Runs newsbot to completion without blocking this process, which serves the fake Discord. */
function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the newsbot command with DISCORD_* set', () => {
  test('WHEN `newsbot discord register --guild ID` runs THEN the five commands are registered in that server', async () => {
    const result = await run([bin, 'discord', 'register', '--guild', fake.guildId]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('/who');
    expect(fake.commands.get(fake.guildId)?.map((c) => c.name).sort()).toEqual(['digest', 'feeds', 'quotes', 'story', 'who']);
  }, 60_000);

  test('WHEN `newsbot serve` runs THEN it connects to Discord and answers /who lavrov from the store', async () => {
    bot = spawn(process.execPath, [bin, 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    bot.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const identify = await fake.waitForGatewayFrame((f) => f.op === 2, 40_000).catch((error: Error) => {
      throw new Error(`${error.message}\nbot stderr:\n${stderr}`);
    });
    expect(identify.d.token).toBe('test-token');
    await waitForOutput(/connected as newsbot/);

    const interaction = fake.sendChatInput('who', [{ name: 'name', type: 3, value: 'lavrov' }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 20_000);
    expect(callback.body.data.embeds[0].title).toBe('Sergey Lavrov');
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  }, 60_000);
});
