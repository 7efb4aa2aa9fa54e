import cron from 'node-cron';
import { nextRuns } from './cron-times.ts';
import { ScheduleError } from './errors.ts';
import { isValidTimeZone } from './timezone.ts';

export interface ParsedWhen {
  /** 5-field cron expression. */
  cron: string;
  /** The normalised plain form ("daily 08:00") or the cron expression as written. */
  when: string;
}

const whenHint =
  'Write a plain form such as "daily 08:00", "weekdays 07:30", "weekends 10:00", "mondays 09:00", "every day at 8am", "hourly", or a 5-field cron expression such as "0 8 * * 1-5".';

const weekdayNames: Array<[RegExp, number, string]> = [
  [/^sun(day)?s?$/, 0, 'sundays'],
  [/^mon(day)?s?$/, 1, 'mondays'],
  [/^tue(s|sday)?s?$/, 2, 'tuesdays'],
  [/^wed(nesday)?s?$/, 3, 'wednesdays'],
  [/^thu(r|rs|rsday)?s?$/, 4, 'thursdays'],
  [/^fri(day)?s?$/, 5, 'fridays'],
  [/^sat(urday)?s?$/, 6, 'saturdays'],
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads "08:00", "8:30", "8am", "8:30 pm", "20h", "noon", "midnight"; undefined when it is not a time of day. */
function parseTimeOfDay(text: string): { hour: number; minute: number } | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === 'noon') return { hour: 12, minute: 0 };
  if (t === 'midnight') return { hour: 0, minute: 0 };
  const match = /^(\d{1,2})(?:[:.h](\d{2}))?h?(am|pm)?$/.exec(t);
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3];
  // A bare number ("8") is too easy to misread as minutes or days; ask for 08:00 or 8am.
  if (match[2] === undefined && meridiem === undefined && !t.endsWith('h')) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

function parseDays(text: string): { dow: string; label: string } | undefined {
  const t = text.trim().toLowerCase();
  if (['daily', 'every day', 'everyday', 'each day'].includes(t)) return { dow: '*', label: 'daily' };
  if (['weekdays', 'every weekday', 'workdays', 'mon-fri', 'monday to friday'].includes(t)) return { dow: '1-5', label: 'weekdays' };
  if (['weekends', 'every weekend', 'sat-sun', 'saturdays and sundays'].includes(t)) return { dow: '0,6', label: 'weekends' };
  const words = t
    .replace(/^(every|on)\s+/, '')
    .split(/\s*(?:,|\band\b|&)\s*/)
    .filter(Boolean);
  if (words.length === 0) return undefined;
  const days: number[] = [];
  const labels: string[] = [];
  for (const word of words) {
    const found = weekdayNames.find(([pattern]) => pattern.test(word.replace(/^every\s+/, '')));
    if (!found) return undefined;
    if (!days.includes(found[1])) {
      days.push(found[1]);
      labels.push(found[2]);
    }
  }
  const order = days.map((d, i) => ({ d, label: labels[i] as string })).sort((a, b) => ((a.d + 6) % 7) - ((b.d + 6) % 7));
  return { dow: order.map((o) => o.d).join(','), label: order.map((o) => o.label).join(',') };
}

function parsePlain(text: string): ParsedWhen | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'hourly' || t === 'every hour') return { cron: '0 * * * *', when: 'hourly' };
  const hourlyAt = /^(?:hourly|every hour) at :?(\d{1,2})$/.exec(t);
  if (hourlyAt) {
    const minute = Number(hourlyAt[1]);
    return minute <= 59 ? { cron: `${minute} * * * *`, when: `hourly at :${pad(minute)}` } : undefined;
  }
  // "<days> [at] <time>", the time being the last one or two words ("8:30 pm").
  const match = /^(.+?)\s+(?:at\s+)?(\d{1,2}(?:[:.h]\d{2})?h?\s?(?:am|pm)?|noon|midnight)$/.exec(t);
  if (!match) return undefined;
  const days = parseDays(match[1] ?? '');
  const time = parseTimeOfDay(match[2] ?? '');
  if (!days || !time) return undefined;
  return { cron: `${time.minute} ${time.hour} * * ${days.dow}`, when: `${days.label} ${pad(time.hour)}:${pad(time.minute)}` };
}

function describeCronProblem(expression: string): string {
  const fields = expression.split(/\s+/);
  if (fields.length !== 5) {
    return `"${expression}" has ${fields.length} field${fields.length === 1 ? '' : 's'}; cron needs 5: minute hour day-of-month month day-of-week`;
  }
  const detail = cron.validateDetailed(expression);
  const first = detail.errors[0];
  return first ? `"${expression}": ${first.field} field "${first.value ?? ''}" is out of range or malformed` : `"${expression}" is not a valid cron expression`;
}

/**
 * Turns what an admin typed into a cron expression. Returns the cron and a normalised
 * description; throws ScheduleError (with a hint) for an unknown form, a bad cron, an
 * unknown time zone, or a cron that never fires (31 February).
 */
export function parseWhen(text: string, timezone: string): ParsedWhen {
  if (!isValidTimeZone(timezone)) {
    throw new ScheduleError('E_SCHEDULE_TIMEZONE', `"${timezone}" is not an IANA time zone.`, 'Use a name such as Europe/Berlin, America/New_York or UTC.');
  }
  const trimmed = text.trim().replace(/^"(.*)"$/, '$1').trim();
  if (trimmed === '') throw new ScheduleError('E_SCHEDULE_WHEN', 'No schedule given.', whenHint);
  const looksLikeCron = /^[\d*,/\-a-z?]+(\s+[\d*,/\-a-z?]+){2,}$/i.test(trimmed) && /[\d*]/.test(trimmed.split(/\s+/)[0] ?? '') && !/(am|pm)$/i.test(trimmed);
  let parsed = parsePlain(trimmed);
  if (!parsed && looksLikeCron) {
    const expression = trimmed.split(/\s+/).join(' ');
    if (expression.split(' ').length !== 5 || !cron.validate(expression)) {
      throw new ScheduleError('E_SCHEDULE_WHEN', `Invalid cron: ${describeCronProblem(expression)}.`, whenHint);
    }
    parsed = { cron: expression, when: expression };
  }
  if (!parsed) throw new ScheduleError('E_SCHEDULE_WHEN', `"${trimmed}" is not a schedule newsbot understands.`, whenHint);
  if (nextRuns(parsed.cron, timezone, new Date(), 1).length === 0) {
    throw new ScheduleError('E_SCHEDULE_WHEN', `"${trimmed}" never fires (no such date).`, whenHint);
  }
  return parsed;
}
