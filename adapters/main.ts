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
import { packageRoot } from '../src/core/package-root.ts';
import type { JobQueue } from '../src/schedule/job-queue.ts';
import type { BriefingSink } from '../src/schedule/types.ts';
import { renderReplyText } from './console/render.ts';

const digestsDir = resolve(packageRoot, 'digests');
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

/** The launcher of several Discord shards runs nothing else: each shard process is a full `serve`. */
async function serveShards(runtime: Runtime, discord: NonNullable<Runtime['config']['discord']>, shards: NonNullable<Runtime['config']['shardManager']>): Promise<void> {
  const { launchShards } = await import('./discord/shard-manager.ts');
  const running = await launchShards({ discord, shards, entry: resolve(packageRoot, 'bin/newsbot.js'), args: ['serve'], log: runtime.log });
  await untilSignal();
  await running.stop();
}

async function serve(runtime: Runtime, options: { once: boolean }): Promise<void> {
  const { config, store, log } = runtime;
  if (config.shardManager && config.discord) return serveShards(runtime, config.discord, config.shardManager);
  // In a Discord shard process (spawned by the launcher): on SQLite the process with shard 0
  // holds the deployment's roles (polling, briefings, Slack); on PostgreSQL the queue shares them.
  const shardProcess = config.shards !== undefined;
  const holdsShardZero = config.shards === undefined || config.shards.ids.includes(0);
  const [{ postDefinitionNow, startBot }, { runCommand }, { createConsoleSink, runConsolePrompt }] = await Promise.all([
    import('../src/app/bot.ts'),
    import('../src/commands/index.ts'),
    import('./console/console-adapter.ts'),
  ]);
  const handleCommand = (command: Command) => runCommand(command, runtime.commandContext);
  const sinks: BriefingSink[] = [createConsoleSink()];
  const stops: Array<() => Promise<void>> = [];

  if (config.slack && holdsShardZero) {
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

  const untilStopped = async () => {
    if (!shardProcess) return untilSignal();
    const { untilShardManagerGone } = await import('./discord/shard-manager.ts');
    await Promise.race([untilSignal(), untilShardManagerGone()]);
  };
  const stopPlatforms = async () => {
    for (const stop of stops) await stop();
    // The channel to the manager would keep a shard process alive after everything else stopped.
    if (shardProcess && process.connected) process.disconnect();
  };
  if (!config.databaseUrl && !holdsShardZero) {
    // Commands only: schedules made here reach shard 0's scheduler through the store.
    log.info(`newsbot is running Discord shard(s) ${config.shards?.ids.join(', ')}; shard 0 polls feeds and posts briefings.`);
    await untilStopped();
    await stopPlatforms();
    return;
  }

  // On PostgreSQL the job queue decides which instance polls a feed or posts a briefing.
  let queue: { jobs: JobQueue; expireSeconds: number } | undefined;
  if (config.databaseUrl) {
    const { openPgBossQueue } = await import('../src/schedule/pg-boss-queue.ts');
    const { expireSeconds, schema } = config.queue;
    const jobs = await openPgBossQueue(config.databaseUrl, { schema, maintenanceSeconds: Math.min(30, Math.max(1, Math.floor(expireSeconds / 4))), logger: log });
    queue = { jobs, expireSeconds };
  }
  const bot = await startBot(runtime, { sinks, digestsDir, pollIntervalMs: config.pollIntervalMs, ...(queue ? { queue } : {}), ...(shardProcess ? { schedulesChangeElsewhere: true } : {}) });
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
    await untilStopped();
  }
  await bot.stop();
  await stopPlatforms();
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
