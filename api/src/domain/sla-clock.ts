/**
 * The SLA clock (contract README, "SLA semantics"): pure functions, time is always passed in.
 * BUSINESS time runs only inside the working-hour ranges of working days, in the calendar's IANA zone.
 */
import {
  isKnownTimeZone,
  isoWeekday,
  localDayOf,
  localInstant,
  parseClockTime,
  parseLocalDate,
} from './calendar-days.js';
import { calendarMs, type Duration, timePartMs } from './duration.js';

export interface CalendarSpec {
  timezone: string;
  /** ISO weekdays, 1 = Monday ... 7 = Sunday. */
  workdays: number[];
  /** 'HH:MM' local ranges, non-overlapping. */
  hours: { start: string; end: string }[];
  /** 'YYYY-MM-DD' local dates. */
  holidays: string[];
  extraWorkdays: string[];
}

export type ClockKind = 'CALENDAR' | 'BUSINESS';

/** Consecutive days without working time after which a calendar is declared impossible. */
const MAX_IDLE_DAYS = 3660;
/**
 * Calendar days the business clock walks at most in one computation (ten years): past it the clock
 * throws SlaClockLimitError instead of holding the process. A non-working day costs a set lookup, a
 * working day its periods, so one computation is bounded whatever the input.
 */
const MAX_CLOCK_DAYS = 3660;
/** A calendar must have working time within this many days of when it is set. */
export const CALENDAR_LOOKAHEAD_DAYS = 366;

/** A business-clock computation that would walk more than MAX_CLOCK_DAYS of calendar. */
export class SlaClockLimitError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'SlaClockLimitError';
  }
}

/** Human-readable problems with the calendar; [] when it is usable. */
export function validateCalendar(input: CalendarSpec): string[] {
  const problems: string[] = [];
  if (!isKnownTimeZone(input.timezone)) problems.push(`unknown time zone "${input.timezone}"`);
  for (const day of input.workdays) {
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      problems.push(`workday ${day} is not an ISO weekday (1 = Monday ... 7 = Sunday)`);
    }
  }
  if (input.workdays.length === 0 && input.extraWorkdays.length === 0)
    problems.push('there are no working days');
  if (input.hours.length === 0) problems.push('at least one working-hour range is required');
  const ranges: { start: number; end: number; label: string }[] = [];
  for (const { start, end } of input.hours) {
    const label = `${start}-${end}`;
    const s = parseClockTime(start);
    const e = parseClockTime(end);
    if (s === null) problems.push(`working hours ${label}: start "${start}" is not a HH:MM time`);
    if (e === null) problems.push(`working hours ${label}: end "${end}" is not a HH:MM time`);
    if (s === null || e === null) continue;
    if (e <= s) problems.push(`working hours ${label}: end is not after start`);
    else ranges.push({ start: s, end: e, label });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1];
    const cur = ranges[i];
    if (prev && cur && cur.start < prev.end)
      problems.push(`working hours ${prev.label} and ${cur.label} overlap`);
  }
  const holidays = new Set<string>();
  for (const date of input.holidays) {
    if (parseLocalDate(date) === null) problems.push(`holiday "${date}" is not a YYYY-MM-DD date`);
    holidays.add(date);
  }
  for (const date of input.extraWorkdays) {
    if (parseLocalDate(date) === null) problems.push(`extra workday "${date}" is not a YYYY-MM-DD date`);
    else if (holidays.has(date)) problems.push(`${date} is both a holiday and an extra workday`);
  }
  return problems;
}

interface Compiled {
  zone: string;
  workdays: Set<number>;
  holidays: Set<number>;
  extra: Set<number>;
  /** [start, end) minutes after local midnight, sorted. */
  ranges: [number, number][];
  /** Working ms of one full working day (sum of the ranges). */
  dayMs: number;
}

function compile(cal: CalendarSpec): Compiled {
  const problems = validateCalendar(cal);
  if (problems.length > 0) throw new Error(`invalid business calendar: ${problems.join('; ')}`);
  const days = (dates: string[]) => new Set(dates.map((d) => parseLocalDate(d) as number));
  const ranges = cal.hours
    .map((h): [number, number] => [parseClockTime(h.start) as number, parseClockTime(h.end) as number])
    .sort((a, b) => a[0] - b[0]);
  return {
    zone: cal.timezone,
    workdays: new Set(cal.workdays),
    holidays: days(cal.holidays),
    extra: days(cal.extraWorkdays),
    ranges,
    dayMs: ranges.reduce((sum, [s, e]) => sum + (e - s) * 60_000, 0),
  };
}

function workingDay(c: Compiled, day: number): boolean {
  if (c.extra.has(day)) return true;
  return c.workdays.has(isoWeekday(day)) && !c.holidays.has(day);
}

/** [start, end) instants (ms) of the working periods of a local day; [] on a non-working day. */
function periods(c: Compiled, day: number): [number, number][] {
  if (!workingDay(c, day)) return [];
  const out: [number, number][] = [];
  for (const [s, e] of c.ranges) {
    const start = localInstant(c.zone, day, s);
    const end = localInstant(c.zone, day, e);
    if (end > start) out.push([start, end]);
  }
  return out;
}

/** Whether a 'YYYY-MM-DD' local date is a working day of the calendar. */
export function isWorkingDay(cal: CalendarSpec, localDate: string): boolean {
  const day = parseLocalDate(localDate);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: "${localDate}"`);
  return workingDay(compile(cal), day);
}

/** The working periods of a 'YYYY-MM-DD' local date as instants, in order; [] on a non-working day. */
export function workingPeriods(cal: CalendarSpec, localDate: string): { start: Date; end: Date }[] {
  const day = parseLocalDate(localDate);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: "${localDate}"`);
  return periods(compile(cal), day).map(([s, e]) => ({ start: new Date(s), end: new Date(e) }));
}

/** Whether the instant lies inside a working period (start included, end excluded). */
export function isWorkingTime(cal: CalendarSpec, at: Date): boolean {
  const c = compile(cal);
  const t = at.getTime();
  return periods(c, localDayOf(c.zone, t)).some(([s, e]) => s <= t && t < e);
}

/** Working ms of one full working day (P1D on the BUSINESS clock). */
export function workingDayMs(cal: CalendarSpec): number {
  return compile(cal).dayMs;
}

/** The length of a duration on the clock in ms: P1D is 24 h on CALENDAR, one working day on BUSINESS. */
export function durationMs(cal: CalendarSpec, clock: ClockKind, duration: Duration): number {
  const ms =
    clock === 'CALENDAR' ? calendarMs(duration) : duration.days * compile(cal).dayMs + timePartMs(duration);
  return Math.round(ms);
}

/** `start` plus the duration on the clock. A zero duration returns `start` unchanged. */
export function addDuration(cal: CalendarSpec, clock: ClockKind, start: Date, duration: Duration): Date {
  return addWorkingMs(cal, clock, start, durationMs(cal, clock, duration));
}

/**
 * `start` plus `ms` of time on the clock (e.g. a paused time measured by `workingMsBetween`). On BUSINESS,
 * time outside working periods does not count, and a result exactly at a period's end stays there.
 */
export function addWorkingMs(cal: CalendarSpec, clock: ClockKind, start: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot add ${ms} ms: must be finite and >= 0`);
  if (clock === 'CALENDAR' || ms === 0) return new Date(start.getTime() + ms);
  const c = compile(cal);
  let cursor = start.getTime();
  let remaining = ms;
  let idle = 0;
  const first = localDayOf(c.zone, cursor);
  for (let day = first; ; day++) {
    if (day - first > MAX_CLOCK_DAYS) {
      throw new SlaClockLimitError(`business deadline more than ${MAX_CLOCK_DAYS} calendar days ahead`);
    }
    let worked = false;
    for (const [s, e] of periods(c, day)) {
      if (e <= cursor) continue;
      worked = true;
      const from = Math.max(s, cursor);
      if (remaining <= e - from) return new Date(from + remaining);
      remaining -= e - from;
      cursor = e;
    }
    idle = worked ? 0 : idle + 1;
    if (idle > MAX_IDLE_DAYS)
      throw new SlaClockLimitError(`business calendar has no working time for ${MAX_IDLE_DAYS} days`);
  }
}

/** Time on the clock from `from` to `to` (0 when `to` is not after `from`). */
export function workingMsBetween(cal: CalendarSpec, clock: ClockKind, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (clock === 'CALENDAR') return b - a;
  const c = compile(cal);
  const first = localDayOf(c.zone, a);
  const last = localDayOf(c.zone, b);
  if (last - first > MAX_CLOCK_DAYS) {
    throw new SlaClockLimitError(`business time measured over more than ${MAX_CLOCK_DAYS} calendar days`);
  }
  let total = 0;
  for (let day = first; day <= last; day++) {
    for (const [s, e] of periods(c, day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total;
}

/** Whether the calendar has a working minute between `from` and CALENDAR_LOOKAHEAD_DAYS later. */
export function hasWorkingTimeAhead(cal: CalendarSpec, from: Date): boolean {
  const c = compile(cal);
  const t = from.getTime();
  const first = localDayOf(c.zone, t);
  for (let day = first; day <= first + CALENDAR_LOOKAHEAD_DAYS; day++) {
    if (periods(c, day).some(([start, end]) => end - Math.max(start, t) >= 60_000)) return true;
  }
  return false;
}
