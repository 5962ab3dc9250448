/** An ISO-8601 duration restricted to days, hours, minutes and seconds (P3D, PT4H, P1DT2H, PT30S). */
export interface Duration {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Null when the text is not a supported duration. */
export function parseDuration(text: string): Duration | null {
  const match = PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [, days, hours, minutes, seconds] = match;
  return {
    days: Number(days ?? 0),
    hours: Number(hours ?? 0),
    minutes: Number(minutes ?? 0),
    seconds: Number(seconds ?? 0),
  };
}

/** A duration read back from a policy: validated when it was saved, so a malformed one is a bug. */
export function parseStoredDuration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`invalid stored duration "${text}"`);
  return parsed;
}

/** The duration's time part (hours, minutes, seconds) in milliseconds. */
export function timePartMs(duration: Duration): number {
  return ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}

/** The whole duration in milliseconds, reading a day as 24 hours (the CALENDAR clock). */
export function calendarMs(duration: Duration): number {
  return duration.days * 86_400_000 + timePartMs(duration);
}

/**
 * The longest SLA duration (policies' windows and escalation delays, extensions): a year. Longer ones
 * are mistakes, and would make the business clock walk decades of calendar.
 */
export const MAX_DURATION_DAYS = 365;

/** Whether the duration, read on the CALENDAR clock, is longer than MAX_DURATION_DAYS. */
export function exceedsMaxDuration(duration: Duration): boolean {
  return calendarMs(duration) > MAX_DURATION_DAYS * 86_400_000;
}
