/**
 * Local dates and wall-clock times in an IANA zone, DST-correct, with Intl only (no I/O, no clock).
 * A "day number" is the count of days since 1970-01-01 of a local calendar date; a "wall" value is a
 * local date and time written as if it were UTC milliseconds.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows the IANA zone. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of the instant in the zone, as UTC milliseconds. */
function wallMs(zone: string, instant: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  const subSecond = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(year, month - 1, day, hour, minute, second) + subSecond;
}

const utcCache = new Map<string, number>();

/**
 * The instant whose wall clock in the zone is `wall`. An ambiguous wall time (clocks set back) gives the
 * earlier instant; a wall time skipped by a forward switch is moved forward by the gap.
 */
function wallToInstant(zone: string, wall: number): number {
  const key = `${zone}\u0000${wall}`;
  const cached = utcCache.get(key);
  if (cached !== undefined) return cached;
  const before = wallMs(zone, wall - DAY_MS) - (wall - DAY_MS);
  const after = wallMs(zone, wall + DAY_MS) - (wall + DAY_MS);
  const early = wall - before;
  const late = wall - after;
  const earlyOk = wallMs(zone, early) === wall;
  const lateOk = late !== early && wallMs(zone, late) === wall;
  let result = early;
  if (earlyOk && lateOk) result = Math.min(early, late);
  else if (lateOk) result = late;
  if (utcCache.size > 50_000) utcCache.clear();
  utcCache.set(key, result);
  return result;
}

/** The local day number of the instant in the zone. */
export function localDayOf(zone: string, instant: number): number {
  return Math.floor(wallMs(zone, instant) / DAY_MS);
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a real 'YYYY-MM-DD' date, or null. */
export function parseLocalDate(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

const TIME_PATTERN = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes after local midnight of 'HH:MM' (00:00 to 24:00), or null. */
export function parseClockTime(text: string): number | null {
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const hours = Number(match[1] ?? match[3]);
  const minutes = Number(match[2] ?? match[4]);
  return hours * 60 + minutes;
}

/** The instant of a local day number at `minutes` after local midnight. */
export function localInstant(zone: string, day: number, minutes: number): number {
  return wallToInstant(zone, day * DAY_MS + minutes * MINUTE_MS);
}
