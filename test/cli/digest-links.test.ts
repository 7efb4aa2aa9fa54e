import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, '../..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsbot-digest-links-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function feed(title: string, link: string, guid: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link>
<item><title>Harbour bridge opens after three years of works</title><link>${link}</link><guid isPermaLink="false">${guid}</guid>
<pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
<description>The harbour bridge opened on Monday after three years of works, the city said. Traffic is expected to ease across the old town.</description></item>
</channel></rss>`;
}

describe('newsbot digest over two feeds that link one article', () => {
  it('GIVEN the same link in two feeds, once with ?utm_source=x THEN the digest lists the article once', { timeout: 120_000 }, async () => {
    writeFileSync(join(dir, 'a.xml'), feed('City Wire', 'https://news.example/bridge-opens', 'wire-1'));
    writeFileSync(join(dir, 'b.xml'), feed('Morning Mail', 'https://news.example/bridge-opens?utm_source=x&utm_medium=rss', 'mail-77'));
    const env = { ...process.env, NEWSBOT_DB: join(dir, 'newsbot.db'), LOG_LEVEL: 'error' };
    const { stdout } = await run(process.execPath, [join(repo, 'bin/newsbot.js'), 'digest', join(dir, 'a.xml'), join(dir, 'b.xml'), '--format', 'json'], { cwd: dir, env });
    const digest = JSON.parse(stdout) as { stories: Array<{ articles: Array<{ url?: string }> }> };
    const links = digest.stories.flatMap((s) => s.articles.map((a) => a.url));
    expect(links).toEqual(['https://news.example/bridge-opens']);
  });
});
