/**
 * The entry point: the one place that knows every adapter. It wires the core (src/) to the
 * platforms whose tokens are set, and falls back to the console when none are.
 */
import { resolve } from 'node:path';
import { main, type PlatformHooks, type Runtime } from '../src/cli.ts';
import { analyzeArticle } from '../src/analyze/pipeline.ts';
import type { Analysis } from '../src/analyze/types.ts';
import { runCommand } from '../src/commands/index.ts';
import type { Command } from '../src/commands/types.ts';
import { buildDigest } from '../src/digest/build.ts';
import { loadInputs } from '../src/ingest/inputs.ts';
import { pollFeeds } from '../src/ingest/poll.ts';
import { briefingFromLedger } from '../src/schedule/briefing.ts';
import { loadDigestFile } from '../src/schedule/digest-files.ts';
import { Scheduler } from '../src/schedule/scheduler.ts';
import type { BriefingSink } from '../src/schedule/types.ts';
import { createConsoleSink, runConsolePrompt } from './console/console-adapter.ts';
import { renderReplyText } from './console/render.ts';
import { createDiscordAdapter } from './discord/discord-adapter.ts';
import { registerCommands } from './discord/register.ts';
import { createSlackAdapter } from './slack/slack-adapter.ts';

const root = resolve(import.meta.dirname, '..');
const digestsDir = resolve(root, 'digests');
const demoDefinition = resolve(digestsDir, 'demo.yaml');
/** How often every stored feed is polled while the bot runs. */
const pollIntervalMs = 15 * 60 * 1000;

/**
 * Reads feed files or folders on this machine into the store. Their articles carry the file's
 * absolute path as their feed, as digest files name it, so schedules find them.
 */
async function ingestLocalFeeds(runtime: Runtime, paths: string[]): Promise<Analysis[]> {
  const analyses: Analysis[] = [];
  for (const path of paths) {
    const { articles, warnings } = await loadInputs([path], { allowPrivateUrls: runtime.config.allowPrivateUrls });
    for (const warning of warnings) runtime.log.warn(warning);
    for (const article of articles) {
      const analysis = analyzeArticle({ ...article, feedUrl: path });
      runtime.store.saveAnalysis(analysis);
      analyses.push(analysis);
    }
  }
  return analyses;
}

/** Prints the demo briefing: the embedded default when no platform is configured. */
async function printDemoBriefing(runtime: Runtime, sink: BriefingSink): Promise<void> {
  const schedule = loadDigestFile(demoDefinition);
  const analyses = await ingestLocalFeeds(runtime, schedule.feeds.filter((feed) => !isUrl(feed)));
  const now = runtime.clock.now();
  // The ledger, not this process, remembers the last demo briefing: a restart is not all news again.
  const digest = briefingFromLedger(runtime.store, `demo:${schedule.id}`, 'console:main', now, (previous) =>
    buildDigest(analyses, { now, maxStories: schedule.maxStories, title: schedule.title, ...(previous ? { previousPoints: previous.points, previousAt: previous.at } : {}) }),
  );
  await sink.postBriefing({ platform: 'console', id: 'main' }, digest);
}

const isUrl = (feed: string) => /^https?:/i.test(feed);

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
  const handleCommand = (command: Command) => runCommand(command, runtime.commandContext);
  const sinks: BriefingSink[] = [createConsoleSink()];
  const stops: Array<() => Promise<void>> = [];

  if (config.slack) {
    const slack = createSlackAdapter({ config: config.slack, handleCommand, log });
    const { port } = await slack.start();
    log.info(port === undefined ? 'Slack: connected in Socket Mode' : `Slack: listening on port ${port}, path /slack/events`);
    sinks.push(slack.sink);
    stops.push(() => slack.stop());
  }
  if (config.discord) {
    const discord = createDiscordAdapter({ config: config.discord, handleCommand, suggestPeople: (prefix, limit) => store.suggestPeople(prefix, limit), log });
    await discord.start();
    sinks.push(discord.sink);
    stops.push(() => discord.stop());
  }

  if (stops.length === 0) {
    await printDemoBriefing(runtime, sinks[0]!);
    process.stderr.write(connectHint.replace('%DB%', config.dbPath));
    if (options.once || !process.stdin.isTTY) return;
  }

  const scheduler = new Scheduler({
    store,
    clock: runtime.clock,
    sinks,
    digestsDir,
    defaultTimezone: config.timezone,
    logger: log,
    refreshFeeds: async (schedule) => {
      const urls = schedule.feeds.filter(isUrl);
      if (urls.length) await pollFeeds(store, { feeds: urls, allowPrivateUrls: config.allowPrivateUrls, clock: runtime.clock });
      await ingestLocalFeeds(runtime, schedule.feeds.filter((feed) => !isUrl(feed)));
    },
  });
  runtime.commandContext.onSchedulesChanged = () => scheduler.reload();
  const outcomes = await scheduler.start();
  for (const outcome of outcomes) log.info(`catch-up: ${outcome.scheduleId} due ${outcome.scheduledFor} for ${outcome.target}: ${outcome.status}`);
  const poll = () =>
    pollFeeds(store, { allowPrivateUrls: config.allowPrivateUrls, clock: runtime.clock })
      .then((report) => log.debug(`poll: ${report.new} new, ${report.failing} failing`))
      .catch((error: Error) => log.error(`poll failed: ${error.message}`));
  // Under discord.js sharding every shard runs this process; one poller is enough.
  const pollsFeeds = process.env['SHARDS'] === undefined || process.env['SHARDS'].split(',').includes('0');
  if (pollsFeeds) void poll();
  const pollTimer = pollsFeeds ? setInterval(poll, pollIntervalMs) : undefined;
  log.info(`newsbot is running with ${scheduler.schedules.length} schedule(s); Ctrl-C to stop.`);

  if (stops.length === 0) {
    process.stdout.write('Type a slash command (/who NAME, /quotes NAME, /story WORDS, /digest list), or Ctrl-D to quit.\n');
    await Promise.race([runConsolePrompt(runtime.commandContext), untilSignal()]);
  } else {
    await untilSignal();
  }
  if (pollTimer) clearInterval(pollTimer);
  await scheduler.stop();
  for (const stop of stops) await stop();
}

async function registerDiscord(runtime: Runtime, options: { guild?: string }): Promise<string> {
  const discord = runtime.config.discord;
  if (!discord) throw new Error('DISCORD_TOKEN and DISCORD_APP_ID must be set to register commands (see .env.example)');
  const result = await registerCommands({ token: discord.token, appId: discord.appId, ...(discord.apiUrl ? { apiUrl: discord.apiUrl } : {}), ...(options.guild ? { guildId: options.guild } : {}) });
  return `Registered ${result.commands.length} commands ${result.scope === 'guild' ? `in server ${result.guildId}` : 'globally (may take up to an hour to appear)'}: ${result.commands.map((c) => '/' + c.name).join(' ')}`;
}

const hooks: PlatformHooks = { renderReply: renderReplyText, serve, registerDiscord };

await main(hooks);
