import cron from 'node-cron';
import { offsetAt, resolveWallTime, wallTimeAt } from './timezone.ts';

/**
 * When a 5-field cron expression fires in an IANA zone, with one rule for daylight saving:
 *
 * - A fixed hour (`30 2 * * *`) fires once per day whatever the clocks do. In a spring-forward
 *   gap, 02:30 does not exist, so it fires at the wall time read with the offset from before
 *   the gap: 03:30 CEST in Berlin, 03:30 EDT in New York (RFC 5545 and Temporal read it the
 *   same way). In a fall-back overlap, 02:30 happens twice, and it fires at the first one.
 * - A wildcard hour (`*\/15 * * * *`, `hourly`) follows real time: every matching minute that
 *   the clocks show fires, both passes of a repeated hour included, and minutes the clocks
 *   skip do not exist.
 */
interface CronPlan {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  anyHour: boolean;
  /** Cron's rule: when both day fields are restricted, either one matching is enough. */
  dayMatchesEither: boolean;
  anyDayOfMonth: boolean;
  anyWeekday: boolean;
}

const plans = new Map<string, CronPlan>();

function planFor(expression: string): CronPlan {
  const cached = plans.get(expression);
  if (cached) return cached;
  const fields = expression.trim().split(/\s+/);
  const parsed = cron.parse(expression.trim());
  const domRestricted = !(fields[2] ?? '*').startsWith('*');
  const dowRestricted = !(fields[4] ?? '*').startsWith('*');
  const plan: CronPlan = {
    minutes: [...parsed.minute].sort((a, b) => a - b),
    hours: [...parsed.hour].sort((a, b) => a - b),
    daysOfMonth: new Set(parsed.dayOfMonth.map(Number)),
    months: new Set(parsed.month),
    weekdays: new Set(parsed.dayOfWeek.map((d) => Number(d) % 7)),
    anyHour: (fields[1] ?? '*') === '*' || parsed.hour.length === 24,
    dayMatchesEither: domRestricted && dowRestricted,
    anyDayOfMonth: !domRestricted,
    anyWeekday: !dowRestricted,
  };
  plans.set(expression, plan);
  return plan;
}

function dayMatches(plan: CronPlan, month: number, day: number, weekday: number): boolean {
  if (!plan.months.has(month)) return false;
  const byDate = plan.daysOfMonth.has(day);
  const byWeekday = plan.weekdays.has(weekday);
  if (plan.dayMatchesEither) return byDate || byWeekday;
  return (plan.anyDayOfMonth || byDate) && (plan.anyWeekday || byWeekday);
}

const dayMs = 86_400_000;
/** UTC offsets on Earth run from -12 h to +14 h, so a wall time is never further than that from its instant. */
const earliestOffsetMs = 14 * 3_600_000;
const latestOffsetMs = 12 * 3_600_000;

function firingsOnDay(plan: CronPlan, year: number, month: number, day: number, zone: string, window?: { after: number; until: number }): number[] {
  const instants = new Set<number>();
  // Clock changes are months apart: when the offset is the same on both sides of the day,
  // every wall time of the day maps to one instant without asking Intl again.
  const dayStart = Date.UTC(year, month - 1, day);
  const steadyOffset = offsetAt(dayStart - earliestOffsetMs, zone);
  const steady = steadyOffset === offsetAt(dayStart + dayMs + earliestOffsetMs, zone);
  for (const hour of plan.hours) {
    for (const minute of plan.minutes) {
      if (window) {
        const asUtc = Date.UTC(year, month - 1, day, hour, minute);
        if (asUtc + latestOffsetMs <= window.after || asUtc - earliestOffsetMs > window.until) continue;
      }
      if (steady) {
        instants.add(Date.UTC(year, month - 1, day, hour, minute) - steadyOffset);
        continue;
      }
      const resolved = resolveWallTime(year, month, day, hour, minute, zone);
      if (resolved.instants.length > 0) {
        if (plan.anyHour) for (const instant of resolved.instants) instants.add(instant);
        else instants.add(resolved.instants[0] as number);
      } else if (!plan.anyHour && resolved.shiftedPastGap !== undefined) {
        instants.add(resolved.shiftedPastGap);
      }
    }
  }
  return [...instants].sort((a, b) => a - b);
}

/** Far enough to find a 29 February on a Monday-only schedule, short enough to give up on 31 February. */
const maxDaysAhead = 366 * 8;

/**
 * Firing times after `after` (exclusive) up to `until` (inclusive), oldest first; at most
 * `limit` of them, the newest ones when there are more.
 */
export function firingsBetween(expression: string, zone: string, after: Date, until: Date, limit = 1000): Date[] {
  const plan = planFor(expression);
  const start = wallTimeAt(after.getTime(), zone);
  const found: number[] = [];
  const lastDay = until.getTime() + dayMs;
  const window = { after: after.getTime(), until: until.getTime() };
  for (let offset = -1; ; offset++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    if (date.getTime() > lastDay) break;
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!dayMatches(plan, month, day, date.getUTCDay())) continue;
    for (const instant of firingsOnDay(plan, year, month, day, zone, window)) {
      if (instant > after.getTime() && instant <= until.getTime()) found.push(instant);
    }
  }
  const unique = [...new Set(found)].sort((a, b) => a - b);
  return unique.slice(Math.max(0, unique.length - limit)).map((t) => new Date(t));
}

/** The next `count` firing times strictly after `from`; fewer (or none) when the expression never fires again. */
export function nextRuns(expression: string, zone: string, from: Date, count: number): Date[] {
  const plan = planFor(expression);
  const start = wallTimeAt(from.getTime(), zone);
  const found = new Set<number>();
  for (let offset = -1; offset <= maxDaysAhead && found.size < count; offset++) {
    const date = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    if (!dayMatches(plan, month, day, date.getUTCDay())) continue;
    for (const instant of firingsOnDay(plan, year, month, day, zone)) {
      if (instant > from.getTime()) found.add(instant);
    }
  }
  return [...found]
    .sort((a, b) => a - b)
    .slice(0, count)
    .map((t) => new Date(t));
}
