import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import type { CommandContext } from '../../src/commands/context.ts';
import { digestCommand } from '../../src/commands/digest.ts';
import type { ChannelRef, Command, Reply } from '../../src/commands/types.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis } from '../helpers/analysis-factory.ts';
import { TempDatabase } from '../schedule/support.ts';

let db: TempDatabase;
let store: Store;
let digestsDir: string;
let changes: number;
let ctx: CommandContext;
const slackChannel: ChannelRef = { platform: 'slack', id: 'C0123ABCD' };

beforeEach(async () => {
  db = new TempDatabase();
  store = db.open();
  digestsDir = join(db.dir, 'digests');
  mkdirSync(digestsDir);
  changes = 0;
  ctx = { store, clock: new ManualClock('2026-11-23T03:40:00Z'), defaultTimezone: 'UTC', onSchedulesChanged: () => changes++ };
});
afterEach(() => db.dispose());

function run(text: string, options: { admin?: boolean; channel?: ChannelRef } = {}): Promise<Reply> {
  const command: Command = {
    name: 'digest',
    args: text.split(/\s+/).filter(Boolean),
    caller: { id: 'U1', isAdmin: options.admin ?? true },
    channel: options.channel ?? slackChannel,
  };
  return digestCommand(command, ctx, { digestsDir });
}

function textOf(reply: Reply): string {
  if (reply.kind === 'text') return [reply.title ?? '', ...reply.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
  if (reply.kind === 'error') return `${reply.code}: ${reply.message} ${reply.hint ?? ''}`;
  return reply.kind;
}

describe('/digest schedule', () => {
  it('GIVEN an admin schedules daily 08:00 Europe/Berlin THEN the reply echoes the cron and the next three runs in Berlin time', async () => {
    const reply = await run('schedule daily 08:00 Europe/Berlin');
    expect(reply.kind).toBe('text');
    const text = textOf(reply);
    expect(text).toContain('daily 08:00 (cron `0 8 * * *`) in Europe/Berlin');
    expect(text).toContain('Mon 23 Nov 2026 08:00 CET\nTue 24 Nov 2026 08:00 CET\nWed 25 Nov 2026 08:00 CET');
    const [stored] = await store.listSchedules();
    expect(stored).toMatchObject({ cron: '0 8 * * *', timezone: 'Europe/Berlin', targets: [slackChannel], origin: 'chat', createdBy: 'U1' });
    expect(changes).toBe(1);
  });

  it('GIVEN a cron and no zone THEN the default zone is used', async () => {
    ctx.defaultTimezone = 'America/New_York';
    await run('schedule 30 7 * * 1-5');
    expect((await store.listSchedules())[0]).toMatchObject({ cron: '30 7 * * 1-5', timezone: 'America/New_York' });
  });

  it.each([
    ['schedule dayly 08:00', /invalid_schedule: "dayly 08:00" is not a schedule/],
    ['schedule daily 08:00 Europe/Berln', /invalid_schedule: "Europe\/Berln" is not an IANA time zone/],
    ['schedule 0 8 * *', /invalid_schedule: Invalid cron: "0 8 \* \*" has 4 fields/],
    ['schedule', /usage: When should the briefing be posted\?/],
  ])('GIVEN "/digest %s" THEN the error names the mistake and nothing is stored', async (text, message) => {
    expect(textOf(await run(text))).toMatch(message);
    expect(await store.listSchedules()).toEqual([]);
    expect(changes).toBe(0);
  });

  it('GIVEN a member who is no admin THEN scheduling is refused with the reason and nothing is stored', async () => {
    const reply = await run('schedule daily 08:00', { admin: false });
    expect(reply).toMatchObject({
      kind: 'error',
      code: 'forbidden',
      message: 'Only admins can schedule briefings (you need Manage Server on Discord, or to be a workspace admin on Slack).',
    });
    expect(await store.listSchedules()).toEqual([]);
  });

  it('GIVEN no threads option THEN the new schedule threads, and threads:off posts every story in full, as /digest list says', async () => {
    await run('schedule daily 08:00 Europe/Berlin');
    expect(textOf(await run('schedule daily 09:00 threads:off'))).toContain('Threads: off');
    const byWhen = new Map((await store.listSchedules()).map((s) => [s.when, s.threads]));
    expect(byWhen).toEqual(new Map([['daily 08:00', true], ['daily 09:00', false]]));
    const listed = textOf(await run('list'));
    expect(listed).toContain('Threads: on (a story already posted here gets its news as a reply in its thread)');
    expect(listed).toContain('Threads: off (every story is posted in full each time)');
  });

  it('GIVEN the same schedule twice in one channel THEN the second is refused', async () => {
    await run('schedule daily 08:00');
    expect(textOf(await run('schedule every day at 8am'))).toMatch(/already gets a briefing daily 08:00/);
    expect(await store.listSchedules()).toHaveLength(1);
  });
});

describe('/digest list and unschedule', () => {
  beforeEach(async () => {
    writeFileSync(join(digestsDir, 'team.yaml'), 'title: Team briefing\nschedule: weekdays 07:30\ntimezone: Europe/Berlin\ntargets: [slack:C0123ABCD]\n');
    writeFileSync(join(digestsDir, 'broken.yaml'), 'schedule: sometimes\ntargets: [slack:C0123ABCD]\n');
  });

  it('lists file and chat schedules together with their next run, and names broken files', async () => {
    await run('schedule mondays 09:00 America/New_York');
    const chatId = (await store.listSchedules())[0]?.id ?? '';
    const text = textOf(await run('list', { admin: false }));
    expect(text).toContain('file:team · Team briefing');
    expect(text).toContain('Next: Mon 23 Nov 2026 07:30 CET');
    expect(text).toContain(`${chatId} · News briefing`);
    expect(text).toContain('Next: Mon 23 Nov 2026 09:00 EST');
    expect(text).toMatch(/broken\.yaml:1: schedule: "sometimes" is not a schedule/);
  });

  it('GIVEN a chat schedule THEN an admin can remove it and it leaves the list', async () => {
    await run('schedule daily 08:00');
    const id = (await store.listSchedules())[0]?.id ?? '';
    expect(textOf(await run(`unschedule ${id}`, { admin: false }))).toMatch(/^forbidden: Only admins/);
    expect(textOf(await run(`unschedule ${id}`))).toContain(`Briefing ${id} removed`);
    expect(await store.getSchedule(id)).toBeUndefined();
    expect(textOf(await run('list'))).not.toContain(id);
  });

  it('GIVEN a file schedule THEN unscheduling it from chat says to edit the file', async () => {
    expect(textOf(await run('unschedule team'))).toMatch(/comes from digests\/team\.yaml and cannot be removed from chat\. Edit or delete digests\/team\.yaml/);
  });

  it('GIVEN a file schedule already posting here at that time THEN /digest schedule says to edit the file, not to unschedule it from chat', async () => {
    const text = textOf(await run('schedule weekdays 07:30 Europe/Berlin'));
    expect(text).toContain('already gets a briefing weekdays 07:30 (Europe/Berlin) as file:team');
    expect(text).toContain('it comes from digests/team.yaml: edit or delete that file to change it');
    expect(text).not.toContain('/digest unschedule file:team');
  });

  it('GIVEN a schedule of another channel THEN it can be neither seen nor removed from here', async () => {
    await run('schedule daily 08:00');
    const id = (await store.listSchedules())[0]?.id ?? '';
    const elsewhere: ChannelRef = { platform: 'discord', id: '123456789012345678' };
    expect(textOf(await run('list', { channel: elsewhere }))).not.toContain(id);
    expect(textOf(await run(`unschedule ${id}`, { channel: elsewhere }))).toMatch(/^not_found/);
    expect(await store.getSchedule(id)).toBeDefined();
  });
});

describe('/digest now', () => {
  it('GIVEN stored articles THEN anyone gets a preview only they can see, and the ledger is untouched', async () => {
    await store.saveAnalysis(makeAnalysis({ id: 'fresh', title: 'Bridge approved', publishedAt: '2026-11-23T01:00:00Z', paragraphs: ['The council approved the bridge.'] }));
    await run('schedule daily 08:00');
    const id = (await store.listSchedules())[0]?.id ?? '';
    const reply = await run('now', { admin: false });
    expect(reply.kind).toBe('digest');
    expect(reply.ephemeral).toBe(true);
    if (reply.kind === 'digest') {
      expect(reply.digest.title).toBe('Preview: News briefing');
      expect(reply.digest.stories.map((s) => s.headline)).toEqual(['Bridge approved']);
    }
    expect(await store.listRuns(id)).toEqual([]);
  });

  it('GIVEN only articles older than a day (the demo feed, days after start-up) THEN /digest now still shows them and says none is new', async () => {
    await store.saveAnalysis(makeAnalysis({ id: 'old', title: 'Reservoir at record low', publishedAt: '2026-11-20T07:10:00Z', paragraphs: ['The reservoir hit a record low.'] }));
    const reply = await run('now', { admin: false });
    expect(reply.kind).toBe('digest');
    if (reply.kind === 'digest') {
      expect(reply.digest.title).toContain('nothing new');
      expect(reply.digest.stories.map((s) => s.headline)).toEqual(['Reservoir at record low']);
    }
  });
});
