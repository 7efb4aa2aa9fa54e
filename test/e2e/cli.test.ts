import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
const seeds = resolve(repo, '../shared/fixtures/seeds');
let dir: string;
let env: NodeJS.ProcessEnv;

async function newsbot(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repo, 'bin/newsbot.js'), ...args], { cwd: dir, env, maxBuffer: 20 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-cli-'));
  env = { ...process.env, NEWSBOT_DB: join(dir, 'data', 'newsbot.db'), LOG_LEVEL: 'warn', CI: 'true' };
  delete env.DISCORD_TOKEN;
  delete env.SLACK_BOT_TOKEN;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the newsbot command, run as a user would', () => {
  it('prints the analysis of a seed article in the JSON contract, with the boilerplate in removed', async () => {
    const { stdout, code } = await newsbot('analyze', join(seeds, '002_a7fd2f92f3b9b7ac.txt'), '--format', 'json');
    expect(code).toBe(0);
    const analysis = JSON.parse(stdout);
    expect(Object.keys(analysis).sort()).toEqual(['entities', 'keyPoints', 'quotes', 'removed', 'sentences', 'source', 'text', 'title'].sort());
    expect(analysis.text).not.toContain('Support The Moscow Times');
    expect(analysis.text).not.toContain('Sign up for our free weekly newsletter');
    expect(analysis.removed.join('\n')).toContain('Sign up for our free weekly newsletter');
    expect(analysis.entities.some((e: { name: string }) => /Lavrov/.test(e.name))).toBe(true);
  });

  it('groups the two founding articles into one story naming both outlets, and /who answers from the store afterwards', async () => {
    const digest = await newsbot('digest', join(seeds, 'articles'), '--format', 'json');
    expect(digest.code).toBe(0);
    const { stories } = JSON.parse(digest.stdout);
    expect(stories).toHaveLength(1);
    expect(stories[0].articles.map((a: { source: string }) => a.source).sort()).toEqual(['News.Az', 'The Moscow Times']);

    const markdown = await newsbot('digest', join(seeds, 'articles'), '--format', 'markdown', '--no-store');
    expect(markdown.stdout).toMatch(/News\.Az/);
    expect(markdown.stdout).toMatch(/The Moscow Times/);

    const who = await newsbot('ask', '/who lavrov');
    expect(who.code).toBe(0);
    expect(who.stdout).toMatch(/Lavrov/);
    expect(who.stdout).toMatch(/Foreign Minister/i);
    expect(who.stdout).toMatch(/News\.Az/);
    expect(who.stdout).toMatch(/The Moscow Times/);
  });

  it('prints a briefing of the bundled demo feed with serve --once and says how to connect a chat platform', async () => {
    const { stdout, stderr, code } = await newsbot('serve', '--once');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Marenport/);
    expect(stdout).toMatch(/Coastal Wire/);
    expect(stderr).toMatch(/SLACK_BOT_TOKEN/);
    expect(stderr).toMatch(/DISCORD_TOKEN/);
  });

  it('GIVEN a missing file THEN analyze fails with one line naming it', async () => {
    const { stderr, code } = await newsbot('analyze', 'no-such-article.txt');
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('no-such-article.txt');
  });

  it('GIVEN a malformed JSON article among good ones THEN digest warns about it and keeps the rest', async () => {
    const folder = join(dir, 'mixed');
    rmSync(folder, { recursive: true, force: true });
    await run('mkdir', ['-p', folder]);
    writeFileSync(join(folder, 'broken.json'), '{ "title": "Half an article", ');
    writeFileSync(join(folder, 'good.txt'), 'Harbour reopens\nThe harbour of Marenport reopened on Monday, the port authority said.\n');
    const before = JSON.parse((await newsbot('digest', join(seeds, 'articles'), '--format', 'json')).stdout);
    const { stdout, stderr, code } = await newsbot('digest', folder, '--format', 'json');
    expect(code).toBe(0);
    expect(stderr).toMatch(/broken\.json/);
    expect(JSON.parse(stdout).stories.flatMap((s: { articles: Array<{ id: string }> }) => s.articles.map((a) => a.id))).toEqual(['good']);
    expect(before.stories.length).toBeGreaterThan(0);
    const who = await newsbot('ask', '/who lavrov');
    expect(who.stdout).toMatch(/Lavrov/);
  });

  it('GIVEN a bad option value THEN it says what is wrong', async () => {
    const { stderr, code } = await newsbot('digest', join(seeds, 'articles'), '--since', 'yesterday-ish');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/yesterday-ish/);
  });
});
