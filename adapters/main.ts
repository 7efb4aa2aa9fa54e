/**
 * The entry point: the one place that knows every adapter. It wires the core (src/) to the
 * platforms whose tokens are set, and falls back to the console when none are.
 *
 * The bot, discord.js and Bolt are imported where they are used, not here: loading them takes
 * seconds, and `newsbot --help` or `newsbot ask` must start in a fraction of one.
 */
import { resolve } from 'node:path';
import { main, type PlatformHooks, type Runtime } from '../src/cli/main.ts';
import type { Command } from '../src/commands/types.ts';
import type { JobQueue } from '../src/schedule/job-queue.ts';
import type { BriefingSink } from '../src/schedule/types.ts';
import { renderReplyText } from './console/render.ts';

const root = resolve(import.meta.dirname, '..');
const digestsDir = resolve(root, 'digests');
const demoDefinition = resolve(digestsDir, 'demo.yaml');

const connectHint = `
newsbot is running on its embedded default: SQLite at %DB%, the bundled demo feed and the console.
To post briefings in chat, set tokens in .env (see .env.example and README.md):
  Slack:   SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)
  Discord: DISCORD_TOKEN + DISCORD_APP_ID, then: npx newsbot discord register --guild <server id>
Try:  npx newsbot ask "/who dovrenko"   npx newsbot ask "/story rationing"
`;

function untilSignal(): Promise<void> {
  return new Promise((resolvePromise) => {
    const stop = () => resolvePromise();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

async function serve(runtime: Runtime, options: { once: boolean }): Promise<void> {
  const { config, store, log } = runtime;
  const [{ postDefinitionNow, startBot }, { runCommand }, { createConsoleSink, runConsolePrompt }] = await Promise.all([
    import('../src/app/bot.ts'),
    import('../src/commands/index.ts'),
    import('./console/console-adapter.ts'),
  ]);
  const handleCommand = (command: Command) => runCommand(command, runtime.commandContext);
  const sinks: BriefingSink[] = [createConsoleSink()];
  const stops: Array<() => Promise<void>> = [];

  if (config.slack) {
    const { createSlackAdapter } = await import('./slack/slack-adapter.ts');
    const slack = createSlackAdapter({ config: config.slack, handleCommand, log });
    const { port } = await slack.start();
    log.info(port === undefined ? 'Slack: connected in Socket Mode' : `Slack: listening on port ${port}, path /slack/events`);
    sinks.push(slack.sink);
    stops.push(() => slack.stop());
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('./discord/discord-adapter.ts');
    const discord = createDiscordAdapter({ config: config.discord, handleCommand, suggestPeople: (prefix, limit) => store.suggestPeople(prefix, limit), log });
    await discord.start();
    sinks.push(discord.sink);
    stops.push(() => discord.stop());
  }

  if (stops.length === 0) {
    await postDefinitionNow(runtime, demoDefinition, sinks[0]!);
    process.stderr.write(connectHint.replace('%DB%', config.dbPath));
    if (options.once || !process.stdin.isTTY) return;
  }

  // On PostgreSQL the job queue decides which instance polls a feed or posts a briefing. Without
  // it, under discord.js sharding every shard runs this process and one poller is enough.
  let queue: { jobs: JobQueue; expireSeconds: number } | undefined;
  if (config.databaseUrl) {
    const { openPgBossQueue } = await import('../src/schedule/pg-boss-queue.ts');
    const { expireSeconds, schema } = config.queue;
    const jobs = await openPgBossQueue(config.databaseUrl, { schema, maintenanceSeconds: Math.min(30, Math.max(1, Math.floor(expireSeconds / 4))), logger: log });
    queue = { jobs, expireSeconds };
  }
  const pollsFeeds = queue !== undefined || config.shards === undefined || config.shards.ids.includes(0);
  const bot = await startBot(runtime, { sinks, digestsDir, ...(pollsFeeds ? { pollIntervalMs: config.pollIntervalMs } : {}), ...(queue ? { queue } : {}) });
  const scheduler = bot.scheduler;
  runtime.commandContext.onSchedulesChanged = () => {
    scheduler.reload().catch((error: Error) => log.error(`reloading the schedules failed: ${error.message}`));
  };
  for (const outcome of bot.catchUp) log.info(`catch-up: ${outcome.scheduleId} due ${outcome.scheduledFor} for ${outcome.target}: ${outcome.status}`);
  log.info(`newsbot is running with ${scheduler.schedules.length} schedule(s); Ctrl-C to stop.`);

  if (stops.length === 0) {
    process.stdout.write('Type a slash command (/who NAME, /quotes NAME, /story WORDS, /digest list), or Ctrl-D to quit.\n');
    await Promise.race([runConsolePrompt(runtime.commandContext), untilSignal()]);
  } else {
    await untilSignal();
  }
  await bot.stop();
  for (const stop of stops) await stop();
}

async function registerDiscord(runtime: Runtime, options: { guild?: string }): Promise<string> {
  const discord = runtime.config.discord;
  if (!discord) throw new Error('DISCORD_TOKEN and DISCORD_APP_ID must be set to register commands (see .env.example)');
  const { registerCommands } = await import('./discord/register.ts');
  const result = await registerCommands({ token: discord.token, appId: discord.appId, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}), ...(options.guild ? { guildId: options.guild } : {}) });
  return `Registered ${result.commands.length} commands ${result.scope === 'guild' ? `in server ${result.guildId}` : 'globally (may take up to an hour to appear)'}: ${result.commands.map((c) => '/' + c.name).join(' ')}`;
}

const hooks: PlatformHooks = { renderReply: renderReplyText, serve, registerDiscord };

await main(hooks);
