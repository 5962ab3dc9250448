const formatters = new Map<string, Intl.DateTimeFormat>();

/** Creating an Intl.DateTimeFormat costs far more than using one: a list page formats hundreds of dates. */
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** Minutes to add to UTC to get the wall-clock time in `timeZone` at `instant`. */
function offsetMinutes(timeZone: string, instant: Date): number {
  const parts = formatter('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** The instant at which the wall clock in `timeZone` shows the given local date and time. */
export function zonedToInstant(localDate: string, localTime: string, timeZone: string): Date {
  const [year = 1970, month = 1, day = 1] = localDate.split('-').map(Number);
  const [hour = 0, minute = 0] = localTime.split(':').map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall - offsetMinutes(timeZone, new Date(wall)) * 60_000;
  instant = wall - offsetMinutes(timeZone, new Date(instant)) * 60_000;
  return new Date(instant);
}

/** YYYY-MM-DD of `instant` on the wall calendar of `timeZone`. */
export function zonedDateKey(instant: Date, timeZone: string): string {
  const parts = formatter('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function zonedDayStart(instant: Date, timeZone: string): Date {
  return zonedToInstant(zonedDateKey(instant, timeZone), '00:00', timeZone);
}

/** Adds whole days to a YYYY-MM-DD key, on the proleptic calendar (no time zone involved). */
export function addDays(dateKey: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = dateKey.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

export function formatInZone(
  iso: string | null | undefined,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, { ...options, timeZone }).format(date);
}
