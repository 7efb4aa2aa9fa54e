import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { runSlashText, type CommandContext } from '../../src/commands/index.ts';
import { commandNames } from '../../src/commands/parse.ts';
import type { Reply } from '../../src/commands/types.ts';
import { readSlashCommand, unknownCommandText } from '../../adapters/slack/slash-command.ts';
import { commandDefinitions } from '../../adapters/discord/command-definitions.ts';
import { TempDatabase } from '../schedule/support.ts';

let db: TempDatabase;
let ctx: CommandContext;

beforeEach(() => {
  db = new TempDatabase();
  ctx = { store: db.open(), clock: new ManualClock('2026-11-23T03:40:00Z'), defaultTimezone: 'UTC' };
});
afterEach(() => db.dispose());

function textOf(reply: Reply): string {
  if (reply.kind === 'text') return [reply.title ?? '', ...reply.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
  if (reply.kind === 'error') return `${reply.code}: ${reply.message} ${reply.hint ?? ''}`;
  return reply.kind;
}

const ask = (text: string, isAdmin = false) => runSlashText(text, { id: 'U1', isAdmin }, { platform: 'slack', id: 'C1' }, ctx);

describe('/help', () => {
  it('GIVEN a member asks /help THEN every command is listed with who may use it and one example', async () => {
    const text = textOf(await ask('/help'));
    for (const name of commandNames) expect(text).toContain(`/${name} — `);
    expect(text).toContain('Example: /who lavrov');
    expect(text).toContain('Example: /feeds add https://example.com/rss.xml');
    expect(text).toContain('only admins may add and remove');
    expect(text).toContain('only admins may schedule and unschedule');
    expect(text.match(/^Example: /gm)).toHaveLength(commandNames.length);
  });

  it('GIVEN /help digest THEN only that command is explained', async () => {
    const text = textOf(await ask('/help digest'));
    expect(text).toContain('Usage: /digest now');
    expect(text).not.toContain('/who');
  });

  it.each([
    ['/qoutes trump', 'Did you mean /quotes?'],
    ['/feed list', 'Did you mean /feeds?'],
    ['/hlep', 'Did you mean /help?'],
    ['/digets now', 'Did you mean /digest?'],
  ])('GIVEN the near miss %s THEN the answer says "%s"', async (typed, hint) => {
    const reply = await ask(typed);
    expect(reply.kind).toBe('error');
    expect(textOf(reply)).toContain(hint);
  });

  it('GIVEN a word far from every command THEN no guess is offered, only /help', async () => {
    const text = textOf(await ask('/weather berlin'));
    expect(text).not.toContain('Did you mean');
    expect(text).toContain('/help');
  });

  it('GIVEN Slack sends /newsbot qoutes or /help THEN the suggestion and the command arrive as on other platforms', () => {
    expect(unknownCommandText({ command: '/newsbot', text: 'qoutes trump' })).toContain('Did you mean /quotes?');
    expect(readSlashCommand({ command: '/help', text: '' })).toEqual({ name: 'help', args: [] });
  });

  it('GIVEN Discord registration THEN /help is registered beside the other commands', () => {
    expect(commandDefinitions().map((c) => c.name)).toEqual([...commandNames]);
  });
});
