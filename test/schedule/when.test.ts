import { describe, expect, it } from 'vitest';
import { nextRuns } from '../../src/schedule/cron-times.ts';
import { ScheduleError } from '../../src/schedule/errors.ts';
import { formatInZone } from '../../src/schedule/timezone.ts';
import { parseWhen } from '../../src/schedule/when.ts';

describe('parseWhen', () => {
  it.each([
    ['daily 08:00', '0 8 * * *', 'daily 08:00'],
    ['weekdays 07:30', '30 7 * * 1-5', 'weekdays 07:30'],
    ['weekends 10:00', '0 10 * * 0,6', 'weekends 10:00'],
    ['mondays 09:00', '0 9 * * 1', 'mondays 09:00'],
    ['every day at 8am', '0 8 * * *', 'daily 08:00'],
    ['every monday at 9:15pm', '15 21 * * 1', 'mondays 21:15'],
    ['Mon, Wed and Fri 06:00', '0 6 * * 1,3,5', 'mondays,wednesdays,fridays 06:00'],
    ['hourly', '0 * * * *', 'hourly'],
    ['daily at noon', '0 12 * * *', 'daily 12:00'],
    ['0 8 * * 1-5', '0 8 * * 1-5', '0 8 * * 1-5'],
    ['*/30  6-18 * * *', '*/30 6-18 * * *', '*/30 6-18 * * *'],
  ])('GIVEN "%s" THEN it runs as cron "%s", echoed as "%s"', (text, cron, when) => {
    expect(parseWhen(text, 'Europe/Berlin')).toEqual({ cron, when });
  });

  it.each([
    ['dayly 08:00', /not a schedule/],
    ['daily 25:00', /not a schedule/],
    ['tuesdays 8', /not a schedule/],
    ['61 8 * * *', /minute field "61"/],
    ['0 8 * *', /has 4 fields; cron needs 5/],
    ['0 0 8 * * *', /has 6 fields/],
    ['', /No schedule given/],
  ])('GIVEN "%s" THEN it is refused with a message saying why and what to write', (text, message) => {
    let error: unknown;
    try {
      parseWhen(text, 'UTC');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ScheduleError);
    expect((error as ScheduleError).message).toMatch(message);
    expect((error as ScheduleError).hint).toContain('daily 08:00');
  });

  it('refuses a time zone that is not an IANA name', () => {
    expect(() => parseWhen('daily 08:00', 'Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});

describe('nextRuns', () => {
  it('gives the next three runs in the schedule zone', () => {
    const runs = nextRuns('30 7 * * 1-5', 'America/New_York', new Date('2026-11-20T13:00:00Z'), 3);
    expect(runs.map((d) => formatInZone(d, 'America/New_York'))).toEqual([
      'Mon 23 Nov 2026 07:30 EST',
      'Tue 24 Nov 2026 07:30 EST',
      'Wed 25 Nov 2026 07:30 EST',
    ]);
  });

  it('finds a leap day years ahead', () => {
    expect(nextRuns('0 6 29 2 *', 'UTC', new Date('2026-03-01T00:00:00Z'), 1)).toEqual([new Date('2028-02-29T06:00:00Z')]);
  });

  it('refuses a date that never comes', () => {
    expect(() => parseWhen('0 6 30 2 *', 'UTC')).toThrow(ScheduleError);
  });
});
