import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.ts';
import { describeWithPostgres, dropSchema, testDatabaseUrl, uniqueSchema } from '../helpers/postgres.ts';
import { FakeSlackApi, signSlackRequest, slashCommandBody } from './fakes/slack-api.ts';
import { freePort } from '../helpers/free-port.ts';

// The issue's drill: 200 briefings due in the same minute and 300 feeds, more than one instance
// polls at once.
const scheduleCount = 200;
const feedCount = 300;
const expireSeconds = 15;

const repo = new URL('../..', import.meta.url).pathname;
const schema = uniqueSchema('newsbot_fault');
const queueSchema = `${schema}_jobs`;
const signingSecret = 'fault-signing-secret';
const databaseUrl = `${testDatabaseUrl}${testDatabaseUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

function paragraphs(subject: string): string {
  return [
    `<p>The council of ${subject} voted on Tuesday to rebuild the harbour wall before the winter storms, after two years of delays and rising repair bills.</p>`,
    `<p>"We cannot wait for another flood," said Mara Lindqvist, the council's chair, adding that the works would start next month and last until spring.</p>`,
    `<p>Residents of ${subject} had petitioned for the repairs since the last storm left the lower town under water for three days.</p>`,
  ].join('');
}

function rss(title: string, items: Array<{ guid: string; title: string; subject: string }>): string {
  const now = new Date().toUTCString();
  const entries = items
    .map((item) => `<item><guid>${item.guid}</guid><title>${item.title}</title><link>https://news.example/${item.guid}</link><pubDate>${now}</pubDate><description><![CDATA[${paragraphs(item.subject)}]]></description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>${entries}</channel></rss>`;
}

interface Instance {
  child: ChildProcess;
  port: number;
  log: () => string;
}

let dir: string;
let feeds: FeedServer;
let slack: FakeSlackApi;
const instances: Instance[] = [];

function startInstance(port: number): Promise<Instance> {
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    DATABASE_URL: databaseUrl,
    NEWSBOT_QUEUE_SCHEMA: queueSchema,
    NEWSBOT_JOB_EXPIRE_SECONDS: String(expireSeconds),
    // One poll period covers the whole test, so each feed is due exactly once.
    NEWSBOT_POLL_INTERVAL_MINUTES: '1440',
    NEWSBOT_ALLOW_PRIVATE_URLS: '1',
    SLACK_BOT_TOKEN: 'xoxb-fault-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slack.apiUrl,
    SLACK_PORT: String(port),
    SLACK_ADMIN_USER_IDS: 'UADMIN',
    LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, [join(repo, 'bin/newsbot.js'), 'serve'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/newsbot is running with \d+ schedule/.test(output)) resolve({ child, port, log: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`newsbot exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

async function stopInstance(instance: Instance): Promise<void> {
  const { child } = instance;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function until(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${instances.map((i) => i.log().split('\n').filter((line) => !/^(briefing|catch-up)/.test(line)).join('\n').slice(-3000)).join('\n----\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const channelOf = (i: number) => `CFAULT${i}`;
const feedPath = (i: number) => `/fault/feed-${i}.xml`;

await describeWithPostgres('several instances on one PostgreSQL', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsbot-fault-'));
    mkdirSync(join(dir, 'briefs'));
    feeds = await startFeedServer();
    slack = new FakeSlackApi([{ id: 'UADMIN', name: 'ada', is_admin: true }]);
    await slack.start();
    await dropSchema(schema);
    await dropSchema(queueSchema);
    const admin = new pg.Client({ connectionString: testDatabaseUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();

    for (let i = 0; i < feedCount; i++) {
      const body = Buffer.from(rss(`Feed ${i}`, [{ guid: `feed-${i}-a`, title: `Harbour wall vote in town ${i}`, subject: `town ${i}` }]));
      feeds.route(feedPath(i), (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
    }
    // Every schedule is due in the minute the instances start: one that began a moment ago.
    const now = new Date();
    const store = await openPostgresStore(testDatabaseUrl, { schema, maxConnections: 2 });
    try {
      for (let i = 0; i < feedCount; i++) await store.addFeed({ url: `${feeds.url}${feedPath(i)}` });
      for (let i = 0; i < scheduleCount; i++) {
        const file = join(dir, 'briefs', `brief-${i}.xml`);
        writeFileSync(file, rss(`Brief ${i}`, [{ guid: `brief-${i}`, title: `Storm repairs in district ${i}`, subject: `district ${i}` }]));
        await store.saveSchedule({
          id: `fault${i}`,
          title: `Briefing ${i}`,
          cron: `${now.getUTCMinutes()} ${now.getUTCHours()} * * *`,
          when: 'daily',
          timezone: 'UTC',
          targets: [{ platform: 'slack', id: channelOf(i) }],
          feeds: [file],
          maxStories: 5,
          origin: 'chat',
          createdAt: new Date(now.getTime() - 3_600_000).toISOString(),
        });
      }
    } finally {
      await store.close();
    }
  });

  afterAll(async () => {
    for (const instance of instances) await stopInstance(instance).catch(() => undefined);
    await slack?.stop();
    await feeds?.close();
    await dropSchema(schema);
    await dropSchema(queueSchema);
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN three instances and one killed mid-run THEN every briefing is posted at most once, every one not left mid-post exactly once, every feed polled and nothing lost', async () => {
    const started = new Date();
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    const starting = ports.map((port) => startInstance(port));
    const victim = await starting[0]!;
    instances.push(victim);
    const posts = () => slack.callsTo('chat.postMessage').filter((call) => String(call.args.channel).startsWith('CFAULT'));
    await until('the first briefings', () => posts().length >= 3);
    // Killed with work in hand: firings claimed or being posted, feeds being polled.
    victim.child.kill('SIGKILL');
    instances.push(...(await Promise.all(starting.slice(1))));

    const store = await openPostgresStore(testDatabaseUrl, { schema, maxConnections: 2 });
    try {
      const settledRun = async (i: number) => (await store.listRuns(`fault${i}`, 5)).find((run) => run.status === 'posted' || run.status === 'failed');
      const allSettled = async () => (await Promise.all(Array.from({ length: scheduleCount }, (_, i) => settledRun(i)))).every(Boolean);
      const allPolled = async () => (await store.listFeeds()).filter((feed) => feed.url.includes('/fault/') && feed.lastOkAt !== undefined).length === feedCount;
      await until('every firing settled', allSettled);
      await until('every feed polled', allPolled);

      // Exactly once: each channel shows one briefing, recorded as posted with the ids it got.
      const lostWhilePosting: number[] = [];
      for (let i = 0; i < scheduleCount; i++) {
        const runs = await store.listRuns(`fault${i}`, 5);
        expect(runs, `schedule ${i} has one run`).toHaveLength(1);
        const run = runs[0]!;
        const received = posts().filter((call) => call.args.channel === channelOf(i));
        if (run.status === 'posted') {
          expect(received.length, `channel ${i}`).toBe(run.messageIds.length);
          expect(run.messageIds.length).toBeGreaterThan(0);
        } else {
          // Left `posting` by the killed instance: never posted a second time, and the admins hear of it.
          expect(run.error).toMatch(/stopped/);
          expect(received.length).toBeLessThanOrEqual(1);
          lostWhilePosting.push(i);
        }
      }
      // Only the few briefings the killed instance was posting at that moment can be in doubt.
      expect(lostWhilePosting.length).toBeLessThanOrEqual(4);
      const notices = slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'UADMIN' && /may not have arrived/.test(String(call.args.text)));
      expect(notices).toHaveLength(lostWhilePosting.length);

      const fetches = Array.from({ length: feedCount }, (_, i) => feeds.hits.get(feedPath(i)) ?? 0);
      const periodsSpanned = new Date().getUTCDate() === started.getUTCDate() ? 1 : 2;
      expect(fetches.every((count) => count >= 1)).toBe(true);
      expect(fetches.filter((count) => count > periodsSpanned).length).toBeLessThanOrEqual(8);

      // Nothing lost: one article per feed and one per briefing's own feed file.
      expect(await store.countArticles()).toBe(feedCount + scheduleCount);
    } finally {
      await store.close();
    }
  }, 240_000);

  it('GIVEN Slack in HTTP mode THEN either surviving instance answers a slash command from the shared store', async () => {
    for (const [n, instance] of instances.slice(1).entries()) {
      const body = slashCommandBody({ command: '/digest', text: 'list', userId: 'UADMIN', channelId: channelOf(1), responseUrl: `${slack.url}/response/fault-${n}` });
      const response = await fetch(`http://127.0.0.1:${instance.port}/slack/events`, { method: 'POST', headers: signSlackRequest(signingSecret, body, Math.floor(Date.now() / 1000)), body });
      expect(response.status).toBe(200);
      await slack.until(() => slack.responsesTo(`/response/fault-${n}`).length > 0);
      expect(JSON.stringify(slack.responsesTo(`/response/fault-${n}`)[0]!.body)).toContain('Briefing 1');
    }
  }, 30_000);
});
