/**
 * The entry point: the one place that knows every adapter. It wires the core (src/) to the
 * platforms whose tokens are set, and falls back to the console when none are.
 */
import { resolve } from 'node:path';
import { main, type PlatformHooks, type Runtime } from '../src/cli.ts';
import { analyzeArticle } from '../src/analyze/pipeline.ts';
import { runCommand } from '../src/commands/index.ts';
import type { Command } from '../src/commands/types.ts';
import { buildDigest } from '../src/digest/build.ts';
import { loadInputs } from '../src/ingest/inputs.ts';
import { loadDigestFile } from '../src/schedule/digest-files.ts';
import type { BriefingSink } from '../src/schedule/types.ts';
import { createConsoleSink, runConsolePrompt } from './console/console-adapter.ts';
import { renderReplyText } from './console/render.ts';

const demoDefinition = resolve(import.meta.dirname, '../digests/demo.yaml');

/** Prints the demo briefing: the embedded default when no platform is configured. */
async function printDemoBriefing(runtime: Runtime, sink: BriefingSink): Promise<void> {
  const schedule = loadDigestFile(demoDefinition);
  const feeds = schedule.feeds.map((feed) => (/^https?:/i.test(feed) ? feed : resolve(import.meta.dirname, '..', feed)));
  const { articles, warnings } = await loadInputs(feeds, { allowPrivateUrls: runtime.config.allowPrivateUrls });
  for (const warning of warnings) runtime.log.warn(warning);
  const analyses = articles.map((article) => analyzeArticle(article));
  for (const analysis of analyses) runtime.store.saveAnalysis(analysis);
  const digest = buildDigest(analyses, { now: runtime.clock.now(), maxStories: schedule.maxStories, title: schedule.title });
  await sink.postBriefing({ platform: 'console', id: 'main' }, digest);
}

const connectHint = `
newsbot is running on its embedded default: SQLite at %DB%, the bundled demo feed and the console.
To post briefings in chat, set tokens in .env (see .env.example and README.md):
  Slack:   SLACK_BOT_TOKEN + SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP)
  Discord: DISCORD_TOKEN + DISCORD_APP_ID, then: npx newsbot discord register --guild <server id>
Try:  npx newsbot ask "/who dovrenko"   npx newsbot ask "/story rationing"
`;

async function serve(runtime: Runtime, options: { once: boolean }): Promise<void> {
  const consoleSink = createConsoleSink();
  const handleCommand = (command: Command) => runCommand(command, runtime.commandContext);
  void handleCommand;
  const platforms: string[] = [];
  if (platforms.length === 0) {
    await printDemoBriefing(runtime, consoleSink);
    process.stderr.write(connectHint.replace('%DB%', runtime.config.dbPath));
    if (options.once || !process.stdin.isTTY) return;
    process.stdout.write('Type a slash command (/who NAME, /quotes NAME, /story WORDS, /digest list), or Ctrl-D to quit.\n');
    await runConsolePrompt(runtime.commandContext);
  }
}

const hooks: PlatformHooks = { renderReply: renderReplyText, serve };

await main(hooks);
