/**
 * Speed work must not change what newsbot prints. `tsx src/bench/same-output.ts save DIR`
 * writes `analyze --format json` of every fixture page and seed, and `digest --format json`
 * (generatedAt left out, --no-store) of the seeds, this repo's articles and every fixture
 * feed, all through the real CLI; `... check DIR` runs the same and names every output that
 * is not byte-identical to the saved one (exit code 1). Save on the old version, check on the new;
 * a third argument runs another checkout's CLI (`save DIR ../main`) over the same fixtures.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { packageRoot } from '../core/package-root.ts';

const run = promisify(execFile);
const REPO = packageRoot;
const FIXTURES = resolve(REPO, '..', 'shared', 'fixtures');

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter(keep)
    .sort();
}

interface Job {
  name: string;
  args: string[];
}

function jobs(): Job[] {
  const pages = filesUnder(join(FIXTURES, 'pages'), (p) => p.endsWith('source.html'));
  const seeds = filesUnder(join(FIXTURES, 'seeds'), (p) => /seeds[\\/][^\\/]+\.txt$/.test(p));
  const feeds = filesUnder(join(FIXTURES, 'feeds'), (p) => /\.(xml|rss|atom)$/i.test(p));
  const name = (path: string) => relative(FIXTURES, path).replace(/[\\/]/g, '_');
  return [
    ...[...pages, ...seeds].map((path) => ({ name: `analyze_${name(path)}.json`, args: ['analyze', path, '--format', 'json'] })),
    { name: 'digest_seeds.json', args: ['digest', ...seeds, '--format', 'json', '--no-store'] },
    { name: 'digest_seed-articles.json', args: ['digest', join(FIXTURES, 'seeds', 'articles'), '--format', 'json', '--no-store'] },
    { name: 'digest_test-articles.json', args: ['digest', join(REPO, 'test', 'fixtures', 'articles'), '--format', 'json', '--no-store'] },
    { name: 'digest_feeds.json', args: ['digest', ...feeds, '--format', 'json', '--no-store'] },
  ];
}

async function snapshot(cli: string): Promise<Map<string, string>> {
  const db = mkdtempSync(join(tmpdir(), 'newsbot-same-output-'));
  const env = { ...process.env, NEWSBOT_DB: join(db, 'newsbot.db'), LOG_LEVEL: 'error' };
  const outputs = new Map<string, string>();
  const queue = jobs();
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      let stdout: string;
      try {
        ({ stdout } = await run(process.execPath, [join(cli, 'bin', 'newsbot.js'), ...job.args], { env, cwd: cli, maxBuffer: 256 * 1024 * 1024 }));
      } catch (error) {
        stdout = `exit ${(error as { code?: number }).code}\n${(error as { stdout?: string }).stdout ?? ''}`;
      }
      // The digest's time is the clock's, not the input's.
      outputs.set(job.name, stdout.replace(/^ {2}"generatedAt": ".*",\n/m, ''));
      process.stderr.write('.');
    }
  };
  try {
    await Promise.all([worker(), worker()]);
  } finally {
    rmSync(db, { recursive: true, force: true });
    process.stderr.write('\n');
  }
  return outputs;
}

const [mode, dir, cli] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'check') || !dir) {
  process.stderr.write('usage: tsx src/bench/same-output.ts save|check DIR [CHECKOUT]\n');
  process.exit(2);
}
const outputs = await snapshot(resolve(cli ?? REPO));
if (mode === 'save') {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of outputs) writeFileSync(join(dir, name), text);
  process.stdout.write(`saved ${outputs.size} outputs in ${dir}\n`);
} else {
  const differ = [...outputs].filter(([name, text]) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== text).map(([name]) => name);
  process.stdout.write(differ.length ? `differ (${differ.length} of ${outputs.size}):\n${differ.join('\n')}\n` : `all ${outputs.size} outputs byte-identical to ${dir}\n`);
  process.exitCode = differ.length ? 1 : 0;
}
