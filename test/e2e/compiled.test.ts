import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm install` compiles newsbot to dist/ and bin/newsbot.js runs that; these tests compile a
// copy of their own (dist/ may be stale or missing here) and check it against the sources.
const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const articles = join(repo, 'test', 'fixtures', 'articles');
// Inside the repository, so the compiled modules find package.json, digests/ and node_modules above them.
const compiledDir = join(repo, 'node_modules', '.cache', `newsbot-compiled-${process.pid}`);
let dataDir: string;
let env: NodeJS.ProcessEnv;

async function newsbot(entry: string[], ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [...entry, ...args], { cwd: dataDir, env, maxBuffer: 20 << 20 });
  return stdout;
}
const compiled = () => [join(compiledDir, 'adapters', 'main.js')];
const tsxLoader = pathToFileURL(join(repo, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const fromSources = () => ['--import', tsxLoader, join(repo, 'adapters', 'main.ts')];

beforeAll(async () => {
  await run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(repo, 'tsconfig.build.json'), '--outDir', compiledDir, '--tsBuildInfoFile', join(compiledDir, '.tsbuildinfo')], { cwd: repo });
  dataDir = mkdtempSync(join(tmpdir(), 'newsbot-compiled-'));
  env = { ...process.env, NEWSBOT_DB: join(dataDir, 'newsbot.db'), LOG_LEVEL: 'warn', CI: 'true' };
  delete env.DISCORD_TOKEN;
  delete env.SLACK_BOT_TOKEN;
}, 180_000);

afterAll(() => {
  rmSync(compiledDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled program', () => {
  it('holds the word lists the analysis reads, beside its modules', () => {
    expect(existsSync(join(compiledDir, 'src', 'analyze', 'lexicon', 'words.json'))).toBe(true);
  });

  it('prints the same briefing as the sources, its articles analysed on pool threads', async () => {
    const withoutTime = (json: string) => ({ ...JSON.parse(json), generatedAt: undefined });
    const [built, sources] = await Promise.all([
      newsbot(compiled(), 'digest', articles, '--format', 'json', '--no-store'),
      newsbot(fromSources(), 'digest', articles, '--format', 'json', '--no-store'),
    ]);
    expect(withoutTime(built).stories.length).toBeGreaterThan(1);
    expect(withoutTime(built)).toEqual(withoutTime(sources));
  }, 120_000);

  it('finds its version and the bundled demo digest from dist/ as it does from src/', async () => {
    const version = (await newsbot(compiled(), '--version')).trim();
    expect(version).toBe((await newsbot(fromSources(), '--version')).trim());
    const demo = await newsbot(compiled(), 'digest', join(repo, 'digests', 'demo.yaml'), '--format', 'json', '--no-store');
    expect(JSON.parse(demo).stories.length).toBeGreaterThan(0);
  }, 120_000);
});
