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
const scheduleId = 'sharded';

let fake: FakeDiscord;
let dir: string;
let dbPath: string;
let launcher: ChildProcess | undefined;
let output = '';

/** A daily schedule whose firing was due five minutes ago: the scheduler's catch-up posts it at start. */
function dueScheduleCron(now: Date): string {
  const due = new Date(now.getTime() - 5 * 60_000);
  return `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-discord-shards-'));
  dbPath = join(dir, 'newsbot.db');
  fake = new FakeDiscord({ recommendedShards: 2, heartbeatIntervalMs: 5_000 });
  await fake.start();
  const store = openStore(dbPath);
  const seeds = join(root, '../shared/fixtures/seeds/articles');
  for (const article of (await loadInputs([seeds])).articles) await store.saveAnalysis(analyzeArticle(article));
  const now = new Date();
  await store.saveSchedule({
    id: scheduleId,
    title: 'Morning briefing',
    cron: dueScheduleCron(now),
    when: 'daily',
    timezone: 'UTC',
    targets: [{ platform: 'discord', id: fake.channelId }],
    feeds: [],
    maxStories: 5,
    origin: 'chat',
    createdAt: new Date(now.getTime() - 60 * 60_000).toISOString(),
  });
  store.close();
});

afterAll(async () => {
  if (launcher && launcher.exitCode === null) {
    const exited = new Promise((resolve) => launcher!.once('exit', resolve));
    launcher.kill('SIGTERM');
    await exited;
  }
  await fake?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`newsbot never printed ${pattern}; output:\n${output}`)), timeoutMs);
    const check = () => {
      if (!pattern.test(output)) return;
      clearTimeout(timer);
      launcher!.stderr!.off('data', check);
      resolve();
    };
    launcher!.stderr!.on('data', check);
    check();
  });
}

describe('newsbot serve with SHARD_COUNT=auto on a bot Discord wants in two shards', () => {
  test('THEN both shards connect in processes of their own, a scheduled briefing is posted once, and the shard holding the server answers /who', async () => {
    // Only what the bot needs: no tokens of the machine running the tests leak in.
    const env = { PATH: process.env.PATH, HOME: dir, NEWSBOT_DB: dbPath, DISCORD_TOKEN: 'test-token', DISCORD_APP_ID: fake.appId, DISCORD_API_URL: fake.apiUrl, SHARD_COUNT: 'auto', LOG_LEVEL: 'info' };
    launcher = spawn(process.execPath, [bin, 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForOutput(/2 shard process\(es\) ready/, 40_000);

    const identified = fake.gatewayFrames.filter((frame) => frame.op === 2).map((frame) => frame.d.shard as [number, number]);
    expect(identified.sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);

    const store = openStore(dbPath);
    try {
      const runs = await store.listRuns(scheduleId);
      expect(runs.map((run) => run.status)).toEqual(['posted']);
      const posts = fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${fake.channelId}/messages`);
      expect(posts.length).toBeGreaterThan(0);
      expect(posts.map((post) => post.response.id)).toEqual(runs[0]!.messageIds);
    } finally {
      store.close();
    }

    // The fake server falls in shard 1, which runs commands only: it answers from the shared store.
    const interaction = fake.sendChatInput('who', [{ name: 'name', type: 3, value: 'lavrov' }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 15_000);
    expect(callback.body.data.embeds[0].title).toBe('Sergey Lavrov');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fake.requests.filter((r) => r.path.startsWith(`/interactions/${interaction.id}/`))).toHaveLength(1);

    const exited = new Promise<number | null>((resolve) => launcher!.once('exit', resolve));
    launcher.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/shard \d stopped/);
  }, 60_000);
});
