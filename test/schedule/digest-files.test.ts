import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { DigestFileError, loadDigestFile, loadDigestFiles, parseDigestFile } from '../../src/schedule/digest-files.ts';
import { Scheduler } from '../../src/app/scheduler.ts';
import { TempDatabase } from './support.ts';

let db: TempDatabase;
let digestsDir: string;

beforeEach(async () => {
  db = new TempDatabase();
  digestsDir = join(db.dir, 'digests');
  mkdirSync(digestsDir);
});
afterEach(() => db.dispose());

function problemsOf(text: string): string[] {
  try {
    parseDigestFile(text, 'digests/broken.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(DigestFileError);
    return (error as DigestFileError).message.split('\n');
  }
  throw new Error('the file was accepted');
}

describe('digest files', () => {
  it('GIVEN a complete file THEN it becomes a schedule with its cron, zone, targets and feeds from the repo root', async () => {
    const path = join(digestsDir, 'morning.yaml');
    writeFileSync(
      path,
      ['title: Morning briefing', 'feeds: [./digests/local.xml, https://example.com/rss]', 'schedule: weekdays 07:30', 'timezone: Europe/Berlin', 'targets: [slack:C0123ABCD, discord:123456789012345678]', 'maxStories: 3'].join('\n'),
    );
    expect(loadDigestFile(path)).toEqual({
      id: 'file:morning',
      title: 'Morning briefing',
      cron: '30 7 * * 1-5',
      when: 'weekdays 07:30',
      timezone: 'Europe/Berlin',
      targets: [
        { platform: 'slack', id: 'C0123ABCD' },
        { platform: 'discord', id: '123456789012345678' },
      ],
      feeds: [join(db.dir, 'digests/local.xml'), 'https://example.com/rss'],
      maxStories: 3,
      threads: true,
      origin: 'file',
    });
  });

  it('GIVEN no timezone THEN the default zone applies, and the name defaults to the file name', async () => {
    const schedule = parseDigestFile('schedule: "0 8 * * 1-5"\ntargets: [slack:C0123, discord:1234567890, console:main]\n', 'digests/weekday.yaml', {
      defaultTimezone: 'America/New_York',
    });
    expect(schedule.targets.map((t) => `${t.platform}:${t.id}`)).toEqual(['slack:C0123', 'discord:1234567890', 'console:main']);
    expect(schedule).toMatchObject({ id: 'file:weekday', title: 'weekday', timezone: 'America/New_York', cron: '0 8 * * 1-5', maxStories: 5, feeds: [] });
  });

  it('GIVEN threads: false THEN the schedule posts every story in full; a file without it threads; a word that is no yes or no is refused', () => {
    const base = 'schedule: daily 08:00\ntargets: [console:main]\n';
    expect(parseDigestFile(`${base}threads: false\n`, 'digests/flat.yaml').threads).toBe(false);
    expect(parseDigestFile(base, 'digests/threaded.yaml').threads).toBe(true);
    expect(problemsOf(`${base}threads: sometimes\n`)).toEqual([
      'digests/broken.yaml:3: threads: must be true or false: true posts a story already in the channel as a reply in its thread',
    ]);
  });

  it('GIVEN several mistakes THEN each one is reported on its own line with file, line and field', async () => {
    const lines = problemsOf(['title: Broken', 'schedule: dayly 08:00', 'timezone: Europe/Berln', 'targets: [slack:general, console:main]', 'maxStories: 0', 'colour: blue'].join('\n'));
    expect(lines).toEqual([
      expect.stringMatching(/^digests\/broken\.yaml:2: schedule: "dayly 08:00" is not a schedule newsbot understands/),
      expect.stringMatching(/^digests\/broken\.yaml:3: timezone: "Europe\/Berln" is not an IANA time zone; use e\.g\. Europe\/Berlin/),
      expect.stringMatching(/^digests\/broken\.yaml:4: targets\.0: "slack:general" is not a slack channel id\. Write slack:C0123ABCD/),
      'digests/broken.yaml:5: maxStories: must be at least 1',
      'digests/broken.yaml:6: colour: unknown field; known fields are name, title, feeds, schedule, timezone, targets, include, exclude, threads, maxStories',
    ]);
    expect(problemsOf('schedule: dayly 08:00\ntargets: [console:main]\n')).toEqual([
      expect.stringMatching(/^digests\/broken\.yaml:1: schedule: "dayly 08:00" is not a schedule newsbot understands\. Write a plain form/),
    ]);
  });

  it('GIVEN a feed written htp://typo among other mistakes THEN every mistake is reported in one go, the typo by its line', () => {
    const lines = problemsOf(['schedule: daily 25:00', 'timezone: Mars/Olympus', 'targets: [console:main]', 'feeds:', '  - https://example.com/rss.xml', '  - htp://typo', '  - feeds/local.xml'].join('\n'));
    expect(lines).toEqual([
      expect.stringMatching(/^digests\/broken\.yaml:1: schedule: /),
      expect.stringMatching(/^digests\/broken\.yaml:2: timezone: "Mars\/Olympus" is not an IANA time zone/),
      'digests/broken.yaml:6: feeds.1: "htp://typo" is not an http(s) address; write it as https://example.com/rss.xml, or give a path to a feed file',
    ]);
  });

  it('GIVEN missing fields or broken YAML THEN the message says what to add', async () => {
    expect(problemsOf('title: Only a title\n')).toEqual([
      'digests/broken.yaml:1: schedule: must be a schedule such as "daily 08:00" or "0 8 * * 1-5"',
      'digests/broken.yaml:1: targets: must be a list such as [slack:C0123ABCD, discord:1234567890123456789, console:main]',
    ]);
    expect(problemsOf('schedule: [daily\n')[0]).toMatch(/^digests\/broken\.yaml:\d+: not valid YAML/);
    expect(problemsOf('- just\n- a list\n')).toEqual(['digests/broken.yaml:1: must be a mapping with at least schedule: and targets: (see digests/demo.yaml)']);
  });

  it('GIVEN a folder with a good and a broken file THEN the good one runs and nothing of the broken one is stored', async () => {
    writeFileSync(join(digestsDir, 'good.yaml'), 'schedule: daily 08:00\ntargets: [console:main]\n');
    writeFileSync(join(digestsDir, 'bad.yaml'), 'schedule: daily 08:00\ntargets: [console:main]\nmaxStories: many\n');
    const loaded = loadDigestFiles(digestsDir);
    expect(loaded.schedules.map((s) => s.id)).toEqual(['file:good']);
    expect(loaded.errors.map((e) => e.message)).toEqual([expect.stringMatching(/bad\.yaml:3: maxStories: must be a whole number/)]);

    const store = db.open();
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const scheduler = new Scheduler({ store, clock: new ManualClock('2026-05-04T07:00:00Z'), sinks: [], digestsDir, logger });
    await scheduler.ready();
    expect(scheduler.schedules.map((s) => s.id)).toEqual(['file:good']);
    expect((await store.listSchedules()).map((s) => s.id)).toEqual(['file:good']);
    expect(warnings).toEqual([expect.stringContaining('bad.yaml:3')]);
  });

  it('GIVEN a digest file is deleted THEN its schedule stops running', async () => {
    writeFileSync(join(digestsDir, 'gone.yaml'), 'schedule: daily 08:00\ntargets: [console:main]\n');
    const store = db.open();
    const scheduler = new Scheduler({ store, clock: new ManualClock('2026-05-04T07:00:00Z'), sinks: [], digestsDir });
    await scheduler.ready();
    expect(scheduler.schedules).toHaveLength(1);
    writeFileSync(join(digestsDir, 'gone.yaml'), '');
    await scheduler.reload();
    expect(scheduler.schedules).toHaveLength(0);
  });

  it('keeps the demo briefing definition valid', async () => {
    const demo = loadDigestFile(join(import.meta.dirname, '../../digests/demo.yaml'));
    expect(demo.id).toBe('file:demo');
    expect(demo.targets).toEqual([{ platform: 'console', id: 'main' }]);
  });
});
