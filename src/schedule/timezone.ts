/**
 * Wall-clock arithmetic in IANA time zones with nothing but Intl, so schedules need no
 * time-zone database of their own.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when `zone` is an IANA zone name this runtime knows ("Europe/Berlin", "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (!zone || /\s/.test(zone)) return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone's canonical capitalisation ("utc" -> "UTC", "europe/berlin" -> "Europe/Berlin");
 * the input otherwise, because runtimes map aliases (CET) to cities the admin never wrote.
 */
export function canonicalTimeZone(zone: string): string {
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
    return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  } catch {
    return zone;
  }
}

export interface WallTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday */
  weekday: number;
}

/** The wall-clock reading in `zone` at `instant`. */
export function wallTimeAt(instant: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return { year, month, day, hour: parts.hour ?? 0, minute: parts.minute ?? 0, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
}

/** Milliseconds the zone's clocks are ahead of UTC at `instant` (+3_600_000 for CET). */
export function offsetAt(instant: number, zone: string): number {
  const wall = wallTimeAt(instant, zone);
  const seconds = new Date(instant).getUTCSeconds();
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, seconds);
  return asUtc - (instant - new Date(instant).getUTCMilliseconds());
}

export interface ResolvedWallTime {
  /** Instants showing this wall time: one normally, two in a fall-back overlap, none in a spring-forward gap. */
  instants: number[];
  /** For a gap: the wall time read with the offset in force before the gap (02:30 -> 03:30 CEST). */
  shiftedPastGap?: number;
}

/** Finds the instants at which clocks in `zone` show the given date and time. */
export function resolveWallTime(year: number, month: number, day: number, hour: number, minute: number, zone: string): ResolvedWallTime {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const twelveHours = 12 * 3_600_000;
  const offsetBefore = offsetAt(asUtc - twelveHours, zone);
  const offsetAfter = offsetAt(asUtc + twelveHours, zone);
  const instants: number[] = [];
  for (const offset of new Set([offsetBefore, offsetAfter])) {
    const candidate = asUtc - offset;
    if (offsetAt(candidate, zone) === offset) instants.push(candidate);
  }
  instants.sort((a, b) => a - b);
  if (instants.length > 0) return { instants };
  return { instants, shiftedPastGap: asUtc - offsetBefore };
}

function zoneAbbreviation(instant: Date, zone: string): string {
  // en-US knows the American abbreviations (EDT), en-GB the European ones (CET); else "GMT+3".
  let fallback = '';
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (!/^GMT[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** "Tue 24 Nov 2026 08:00 CET": a run time as people in that zone read it. */
export function formatInZone(instant: Date, zone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(instant)
    .replace(/,/g, '');
  return `${local} ${zoneAbbreviation(instant, zone)}`;
}
