import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBriefing } from '../../src/app/build-briefing.ts';
import { ManualClock } from '../../src/core/clock.ts';
import { runSlashText, type CommandContext } from '../../src/commands/index.ts';
import { digestCommand } from '../../src/commands/digest.ts';
import type { Command, Reply } from '../../src/commands/types.ts';
import { parseDigestFile } from '../../src/schedule/digest-files.ts';
import { takeFilters } from '../../src/schedule/filters.ts';
import type { Store } from '../../src/store/store.ts';
import { makeAnalysis, person } from '../helpers/analysis-factory.ts';
import { TempDatabase } from './support.ts';

let db: TempDatabase;
let store: Store;
let ctx: CommandContext;
let digestsDir: string;

beforeEach(async () => {
  db = new TempDatabase();
  store = db.open();
  digestsDir = join(db.dir, 'digests');
  mkdirSync(digestsDir);
  ctx = { store, clock: new ManualClock('2026-11-23T07:59:00Z'), defaultTimezone: 'UTC' };
  await store.saveAnalysis(
    makeAnalysis({
      id: 'kyiv',
      source: 'Wire',
      title: 'Ukraine asks NATO allies for more air defence',
      publishedAt: '2026-11-23T05:00:00Z',
      paragraphs: ['Ukraine asked NATO allies for more air defence systems on Sunday.'],
      entities: [person('z', 'Volodymyr Zelensky', ['Zelenskyy'])],
    }),
  );
  await store.saveAnalysis(
    makeAnalysis({ id: 'cup', source: 'Sports Desk', title: 'Ukraine wins the football cup final', publishedAt: '2026-11-23T04:00:00Z', paragraphs: ['Ukraine won the sport final in extra time.'] }),
  );
  await store.saveAnalysis(makeAnalysis({ id: 'rates', source: 'Money', title: 'Central bank holds rates', publishedAt: '2026-11-23T03:00:00Z', paragraphs: ['The central bank held its rates on Monday.'] }));
});
afterEach(() => db.dispose());

function textOf(reply: Reply): string {
  if (reply.kind === 'text') return [reply.title ?? '', ...reply.sections.flatMap((s) => [s.heading ?? '', ...s.lines])].join('\n');
  if (reply.kind === 'error') return `${reply.code}: ${reply.message} ${reply.hint ?? ''}`;
  return reply.kind;
}

const headlines = async (scheduleId: string) => {
  const schedule = (await store.getSchedule(scheduleId))!;
  return (await buildBriefing(store, schedule, ctx.clock.now())).stories.map((s) => s.headline);
};

describe('schedule filters', () => {
  it('GIVEN /digest schedule … include:"ukraine, nato" exclude:"sport" THEN the briefing keeps Ukraine news without the cup final, and the list shows the filters', async () => {
    const reply = await runSlashText('/digest schedule daily 08:00 Europe/Berlin include:"ukraine, nato" exclude:"sport"', { id: 'U1', isAdmin: true }, { platform: 'slack', id: 'C0123ABCD' }, ctx);
    expect(textOf(reply)).toContain('Stories: include: ukraine, nato · exclude: sport');
    const id = (await store.listSchedules())[0]!.id;
    expect(await store.getSchedule(id)).toMatchObject({ timezone: 'Europe/Berlin', filters: { include: ['ukraine', 'nato'], exclude: ['sport'] } });
    expect(await headlines(id)).toEqual(['Ukraine asks NATO allies for more air defence']);
    const command: Command = { name: 'digest', args: ['list'], caller: { id: 'U2', isAdmin: false }, channel: { platform: 'slack', id: 'C0123ABCD' } };
    expect(textOf(await digestCommand(command, ctx, { digestsDir }))).toContain('Stories: include: ukraine, nato · exclude: sport');
  });

  it('GIVEN a filter naming a person by another spelling THEN stories with that person are kept', async () => {
    await runSlashText('/digest schedule daily 08:00 include:Zelenskyy', { id: 'U1', isAdmin: true }, { platform: 'slack', id: 'C0123ABCD' }, ctx);
    expect(await headlines((await store.listSchedules())[0]!.id)).toEqual(['Ukraine asks NATO allies for more air defence']);
  });

  it('GIVEN include: and exclude: in digests/NAME.yaml THEN the file schedule carries them and the list shows them', async () => {
    writeFileSync(join(digestsDir, 'world.yaml'), 'schedule: daily 08:00\ntargets: [slack:C0123ABCD]\ninclude: [ukraine, nato]\nexclude: sport\n');
    const schedule = parseDigestFile('schedule: daily 08:00\ntargets: [slack:C0123ABCD]\ninclude: [ukraine, nato]\nexclude: sport\n', 'digests/world.yaml');
    expect(schedule.filters).toEqual({ include: ['ukraine', 'nato'], exclude: ['sport'] });
    const stories = (await buildBriefing(store, schedule, ctx.clock.now())).stories.map((s) => s.headline);
    expect(stories).toEqual(['Ukraine asks NATO allies for more air defence']);
    const command: Command = { name: 'digest', args: ['list'], caller: { id: 'U2', isAdmin: false }, channel: { platform: 'slack', id: 'C0123ABCD' } };
    expect(textOf(await digestCommand(command, ctx, { digestsDir }))).toMatch(/file:world[\s\S]*Stories: include: ukraine, nato · exclude: sport/);
  });

  it('GIVEN only exclude THEN every other story stays; words match whole words only', async () => {
    const schedule = parseDigestFile('schedule: daily 08:00\ntargets: [console:main]\nexclude: [sport, bank]\n', 'digests/x.yaml');
    expect((await buildBriefing(store, schedule, ctx.clock.now())).stories.map((s) => s.headline)).toEqual(['Ukraine asks NATO allies for more air defence']);
    const partial = parseDigestFile('schedule: daily 08:00\ntargets: [console:main]\ninclude: ukrain\n', 'digests/y.yaml');
    expect((await buildBriefing(store, partial, ctx.clock.now())).stories).toEqual([]);
  });

  it('reads the forms people type', () => {
    expect(takeFilters('daily 08:00 include: ukraine, nato exclude=sport')).toEqual({ filters: { include: ['ukraine', 'nato'], exclude: ['sport'] }, rest: 'daily 08:00' });
    expect(takeFilters("weekdays 07:30 Europe/Berlin exclude:'football, tennis'")).toEqual({ filters: { include: [], exclude: ['football', 'tennis'] }, rest: 'weekdays 07:30 Europe/Berlin' });
    expect(takeFilters('daily 08:00')).toEqual({ rest: 'daily 08:00' });
  });
});
