import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command as Program, InvalidArgumentError, Option } from 'commander';
import type { Analysis } from '../analyze/types.ts';
import type { Reply } from '../commands/types.ts';
import { NewsbotError } from '../core/errors.ts';
import { packageRoot } from '../core/package-root.ts';
import type { Digest } from '../digest/types.ts';
import { feedsCli } from './feeds.ts';
import { migrateCli } from './migrate.ts';
import { createProgress } from './progress.ts';
import type { createRuntime as CreateRuntime, Runtime } from './runtime.ts';

// Each command imports what it runs when it runs (see `preAction` and the actions below), so
// `newsbot --help` loads commander and little else, and `ask` no NLP, feed or HTTP code.
export type { Runtime } from './runtime.ts';

/** What only the entry point can provide: the platform adapters. */
export interface PlatformHooks {
  /** Renders a Reply as terminal text (the console adapter's renderer). */
  renderReply(reply: Reply): string;
  /** Starts the long-running bot: scheduler plus every configured adapter. */
  serve(runtime: Runtime, options: { once: boolean }): Promise<void>;
  /** Registers Discord slash commands (guild or global). */
  registerDiscord?(runtime: Runtime, options: { guild?: string }): Promise<string>;
}

export class CliError extends NewsbotError<'E_USAGE'> {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super('E_USAGE', message);
  }
}

const consoleCaller = { id: 'local-operator', name: 'local operator', isAdmin: true };
const consoleChannel = { platform: 'console' as const, id: 'main' };

function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
}

function isoTime(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError(`"${value}" is not an ISO date or time (e.g. 2025-09-24 or 2025-09-24T08:00:00Z)`);
  return new Date(t).toISOString();
}

/** Builds the `newsbot` program. `hooks` brings in what lives outside src/ (the adapters). */
export function createProgram(hooks: PlatformHooks, env: NodeJS.ProcessEnv = process.env): Program {
  let runtime: Runtime | undefined;
  let createRuntime: typeof CreateRuntime | undefined;
  const getRuntime = (): Runtime => {
    if (!createRuntime) throw new Error('the runtime is loaded before a command runs');
    return (runtime ??= createRuntime(env));
  };
  const out = (text: string) => process.stdout.write(text.endsWith('\n') ? text : text + '\n');

  const program = new Program('newsbot')
    .description('News digest bot: reads feeds, finds who said what, groups stories across outlets, posts briefings to Discord and Slack.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  program.hook('preAction', async () => {
    ({ createRuntime } = await import('./runtime.ts'));
  });
  program.hook('postAction', async () => {
    const closing = runtime;
    runtime = undefined;
    await closing?.store.close();
  });

  program
    .command('analyze')
    .description("print one article's analysis: clean text, people with roles, quotes with speakers, key points")
    .argument('<input>', 'a plain-text file (first line = title), an HTML page, a JSON article, or an http(s) URL')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'text']).default('text'))
    .action(async (input: string, options: { format: 'json' | 'text' }) => {
      const [{ loadConfig }, { loadInputs }, { analyzeArticle }, { toAnalysisJson }] = await Promise.all([
        import('../config.ts'),
        import('../ingest/inputs.ts'),
        import('../analyze/pipeline.ts'),
        import('../analyze/json.ts'),
      ]);
      const config = loadConfig(env);
      const { articles, warnings } = await loadInputs([input], { allowPrivateUrls: config.allowPrivateUrls, limits: config.httpLimits, single: true });
      const article = articles[0];
      if (!article) throw new CliError(warnings[0] ?? `${input}: no article found`);
      const analysis = analyzeArticle(article);
      out(options.format === 'json' ? JSON.stringify(toAnalysisJson(analysis), null, 2) : renderAnalysisText(analysis));
    });

  program
    .command('digest')
    .description('build a briefing from files, folders, feed files, feed URLs or a digests/NAME.yaml, and store the articles')
    .argument('<inputs...>', 'files, folders, feed files (.xml .rss .atom), feed URLs, or digests/NAME.yaml')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'markdown']).default('markdown'))
    .option('--since <iso>', 'keep articles published at or after this time', isoTime)
    .option('--max-stories <n>', 'at most this many stories (default: all)', positiveInt)
    .option('--no-store', 'do not save the articles in the database')
    .action(async (inputs: string[], options: { format: 'json' | 'markdown'; since?: string; maxStories?: number; store: boolean }) => {
      const digest = await digestFromInputs(getRuntime, inputs, options);
      const { renderDigestMarkdown } = await import('../digest/markdown.ts');
      out(options.format === 'json' ? JSON.stringify(digest, null, 2) : renderDigestMarkdown(digest));
    });

  program
    .command('ask')
    .description('run a slash command against the local store, as the local admin in the console channel')
    .argument('<command>', 'e.g. "/who lavrov", "/quotes trump 3", "/story moldova", "/digest schedule daily 08:00 Europe/Berlin"')
    .action(async (text: string) => {
      const rt = getRuntime();
      const { runSlashText } = await import('../commands/index.ts');
      const reply = await runSlashText(text, consoleCaller, consoleChannel, rt.commandContext);
      out(hooks.renderReply(reply));
      if (reply.kind === 'error') process.exitCode = 1;
    });

  program
    .command('serve')
    .description('run the bot: Discord and/or Slack when their tokens are set, else the console with the demo briefing')
    .option('--once', 'post the console briefing and exit instead of waiting for schedules')
    .action(async (options: { once?: boolean }) => {
      await hooks.serve(getRuntime(), { once: options.once ?? false });
    });


  program.addCommand(feedsCli(getRuntime));
  program.addCommand(migrateCli(env));

  if (hooks.registerDiscord) {
    const register = hooks.registerDiscord;
    program
      .command('discord')
      .description('Discord administration')
      .command('register')
      .description('register the slash commands with Discord (idempotent)')
      .option('--guild <id>', 'register in one server (instant, for development) instead of globally')
      .action(async (options: { guild?: string }) => {
        out(await register(getRuntime(), options.guild ? { guild: options.guild } : {}));
      });
  }
  return program;
}

/** The `digest` command: the use case with a progress line on a terminal. */
async function digestFromInputs(
  getRuntime: () => Runtime,
  inputs: string[],
  options: { since?: string; maxStories?: number; store: boolean },
): Promise<Digest> {
  const runtime = getRuntime();
  const [{ createAnalysisPool }, { digestInputs }] = await Promise.all([import('../app/analysis-pool.ts'), import('../app/digest-inputs.ts')]);
  const pool = createAnalysisPool({ batch: true });
  let progress: ReturnType<typeof createProgress> | undefined;
  try {
    return await digestInputs(inputs, { ...runtime, analyze: pool.analyzeForClustering, toArticle: pool.toArticle, buildStory: pool.buildStory }, {
      clock: runtime.clock,
      store: options.store,
      limits: runtime.config.httpLimits,
      allowPrivateUrls: runtime.config.allowPrivateUrls,
      ...(options.since ? { since: options.since } : {}),
      ...(options.maxStories ? { maxStories: options.maxStories } : {}),
      onProgress: (done, total) => {
        progress ??= createProgress(total, 'inputs');
        progress.update(done);
      },
    });
  } finally {
    progress?.done();
    await pool.close();
  }
}

function renderAnalysisText(analysis: Analysis): string {
  const lines: string[] = [analysis.article.title, `${analysis.article.source}${analysis.article.url ? ' — ' + analysis.article.url : ''}`, ''];
  const people = analysis.entities.filter((e) => e.type === 'person');
  if (people.length) {
    lines.push('People:');
    for (const p of people) lines.push(`  ${p.name}${p.role ? ` (${p.role})` : ''}${p.aliases.length ? ` — also ${p.aliases.join(', ')}` : ''}`);
    lines.push('');
  }
  const others = analysis.entities.filter((e) => e.type !== 'person');
  if (others.length) lines.push(`Organisations and places: ${others.map((e) => e.name).join(', ')}`, '');
  const quotes = analysis.quotes.filter((q) => !q.partial);
  if (quotes.length) {
    lines.push('Quotes:');
    for (const q of quotes) lines.push(`  “${q.text}” — ${q.speaker ?? 'unattributed'}`);
    lines.push('');
  }
  if (analysis.keyPoints.length) {
    lines.push('Key points:');
    for (const k of analysis.keyPoints) lines.push(`  • ${k}`);
  }
  if (analysis.article.removed.length) lines.push('', `Removed ${analysis.article.removed.length} boilerplate line(s).`);
  return lines.join('\n');
}

/** Runs the program; prints errors as one line naming what went wrong, with a non-zero exit. */
export async function main(hooks: PlatformHooks, argv: string[] = process.argv): Promise<void> {
  const program = createProgram(hooks);
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const e = error as Error & { code?: string; exitCode?: number };
    if (typeof e.code === 'string' && e.code.startsWith('commander.')) {
      process.exitCode = e.exitCode ?? 1;
      return;
    }
    process.stderr.write(`error: ${e.message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : 1;
  }
}
