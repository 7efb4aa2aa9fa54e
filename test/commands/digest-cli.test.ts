import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TempDatabase } from '../schedule/support.ts';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../..');
let db: TempDatabase;

beforeEach(() => {
  db = new TempDatabase();
});
afterEach(() => db.dispose());

async function ask(command: string): Promise<string> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NEWSBOT_DB: db.path, LOG_LEVEL: 'error' };
  const { stdout } = await run(process.execPath, [join(repo, 'bin/newsbot.js'), 'ask', command], { cwd: repo, env });
  return stdout;
}

describe('newsbot ask, as the local operator in console:main', () => {
  it('schedules the console briefing and lists it beside the file schedules', async () => {
    const scheduled = await ask('/digest schedule daily 08:00 Europe/Berlin');
    expect(scheduled).toMatch(/daily 08:00 \(cron `0 8 \* \* \*`\) in Europe\/Berlin/);
    expect(scheduled.match(/ 08:00 CES?T/g)).toHaveLength(3);
    const id = /Briefing scheduled: (\w+)/.exec(scheduled)?.[1] ?? '';

    const listed = await ask('/digest list');
    expect(listed).toContain(`${id} · News briefing`);
    expect(listed).toContain('file:demo · ');
    expect(listed).toContain('→ console:main');
  });
});
