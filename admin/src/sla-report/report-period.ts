import { addDays, zonedDateKey, zonedToInstant } from '../common/zoned-time';

export type ReportPeriodId = 'this_month' | 'last_month' | 'last_90_days';
export const REPORT_PERIODS: ReportPeriodId[] = ['last_month', 'this_month', 'last_90_days'];

/** Inclusive local days, as the date pickers show them. */
export interface ReportDays {
  firstDay: string;
  lastDay: string;
}

/** The calendar month, the previous one, or the last 90 days up to today, in `timeZone`. */
export function reportDays(period: ReportPeriodId, timeZone: string, now = new Date()): ReportDays {
  const today = zonedDateKey(now, timeZone);
  const monthStart = `${today.slice(0, 8)}01`;
  if (period === 'this_month') return { firstDay: monthStart, lastDay: today };
  if (period === 'last_90_days') return { firstDay: addDays(today, -89), lastDay: today };
  const lastDay = addDays(monthStart, -1);
  return { firstDay: `${lastDay.slice(0, 8)}01`, lastDay };
}

/** [from, to) instants of the inclusive days: from the first day's midnight to the day after the last. */
export function reportRange(days: ReportDays, timeZone: string): { from: string; to: string } {
  return {
    from: zonedToInstant(days.firstDay, '00:00', timeZone).toISOString(),
    to: zonedToInstant(addDays(days.lastDay, 1), '00:00', timeZone).toISOString(),
  };
}
