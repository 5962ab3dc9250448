import type { BusinessCalendar, TimeRange } from '../../graphql/types';

export type DayKind = 'workday' | 'restday' | 'holiday' | 'makeup';

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
function isoWeekday(dateKey: string): number {
  const [year = 1970, month = 1, day = 1] = dateKey.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function dayKind(dateKey: string, calendar: BusinessCalendar): DayKind {
  if (calendar.extraWorkdays.includes(dateKey)) return 'makeup';
  if (calendar.holidays.includes(dateKey)) return 'holiday';
  return calendar.workdays.includes(isoWeekday(dateKey)) ? 'workday' : 'restday';
}

/**
 * Flips a day against its weekday's rule: a normal working day becomes a holiday, a normal rest day a
 * make-up workday (调休); flipping again restores it.
 */
export function toggleDay(calendar: BusinessCalendar, dateKey: string): BusinessCalendar {
  const holidays = calendar.holidays.filter((date) => date !== dateKey);
  const extraWorkdays = calendar.extraWorkdays.filter((date) => date !== dateKey);
  const kind = dayKind(dateKey, calendar);
  if (kind === 'workday') holidays.push(dateKey);
  if (kind === 'restday') extraWorkdays.push(dateKey);
  return { ...calendar, holidays: holidays.sort(), extraWorkdays: extraWorkdays.sort() };
}

/** Weeks (Monday first) covering a month; days outside it are null. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (value: number) => String(value).padStart(2, '0');
  const keys = Array.from({ length: daysInMonth }, (_, index) => `${year}-${pad(month)}-${pad(index + 1)}`);
  const leading = isoWeekday(keys[0] ?? `${year}-${pad(month)}-01`) - 1;
  const cells: (string | null)[] = [...Array<null>(leading).fill(null), ...keys];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** One error key per range (or undefined): format, order, overlap with the previous range. */
export function validateHours(hours: TimeRange[]): (string | undefined)[] {
  const order = hours
    .map((range, index) => ({ range, index }))
    .filter(({ range }) => TIME.test(range.start) && TIME.test(range.end))
    .sort((a, b) => minutesOf(a.range.start) - minutesOf(b.range.start));
  const overlapping = new Set<number>();
  order.forEach(({ range, index }, position) => {
    const previous = order[position - 1];
    if (previous && minutesOf(range.start) < minutesOf(previous.range.end)) overlapping.add(index);
  });
  return hours.map((range, index) => {
    if (!TIME.test(range.start) || !TIME.test(range.end)) return 'hotline.calendar.errors.format';
    if (minutesOf(range.end) <= minutesOf(range.start)) return 'hotline.calendar.errors.order';
    if (overlapping.has(index)) return 'hotline.calendar.errors.overlap';
    return undefined;
  });
}

export function workingMinutesPerDay(hours: TimeRange[]): number {
  return hours.reduce((total, range) => {
    if (!TIME.test(range.start) || !TIME.test(range.end)) return total;
    return total + Math.max(0, minutesOf(range.end) - minutesOf(range.start));
  }, 0);
}
