import { Command as Program } from 'commander';
import { loadConfig } from '../config.ts';
import { isPostgresUrl } from '../store/postgres/url.ts';

/** `newsbot migrate --to postgres://…`: copies the SQLite store into PostgreSQL and prints the counts on both sides. */
export function migrateCli(env: NodeJS.ProcessEnv): Program {
  const out = (text: string) => process.stdout.write(text + '\n');
  return new Program('migrate')
    .description('copy the SQLite store (articles, analyses, people, feeds, schedules, run ledger) into PostgreSQL; running it again copies nothing twice')
    .requiredOption('--to <url>', 'the PostgreSQL database, e.g. postgres://newsbot@127.0.0.1:5432/newsbot')
    .option('--from <path>', 'the SQLite file (default: NEWSBOT_DB, else ./data/newsbot.db)')
    .action(async (options: { to: string; from?: string }) => {
      // The stores and their drivers load only for this command, not for every `newsbot` start.
      const { copySqliteToPostgres, formatCounts } = await import('../store/copy-store.ts');
      if (!isPostgresUrl(options.to)) throw new Error(`--to ${options.to}: not a postgres:// URL`);
      const from = options.from ?? loadConfig(env).dbPath;
      const report = await copySqliteToPostgres(from, options.to);
      out(`SQLite ${from}: ${formatCounts(report.source)}`);
      out(`PostgreSQL ${report.targetUrl}: ${formatCounts(report.target)}`);
      out(`Copied now: ${formatCounts(report.copied)}`);
      for (const line of report.skipped) process.stderr.write(`warning: not copied: ${line}\n`);
      if (report.skipped.length > 0) process.exitCode = 1;
    });
}
