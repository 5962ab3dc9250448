import { addDays, zonedDateKey, zonedToInstant } from '../common/zoned-time';

export const PERIOD_DAYS = { today: 1, week: 7, month: 30 } as const;
export type PeriodId = keyof typeof PERIOD_DAYS;

export interface Range {
  from: string;
  to: string;
}

/** The last `days` calendar days up to today in `timeZone`, and the same number of days just before. */
export function periodRanges(
  period: PeriodId,
  timeZone: string,
  now = new Date(),
): { current: Range; previous: Range } {
  const days = PERIOD_DAYS[period];
  const today = zonedDateKey(now, timeZone);
  const start = (key: string) => zonedToInstant(key, '00:00', timeZone).toISOString();
  const tomorrow = addDays(today, 1);
  const firstDay = addDays(today, 1 - days);
  return {
    current: { from: start(firstDay), to: start(tomorrow) },
    previous: { from: start(addDays(firstDay, -days)), to: start(firstDay) },
  };
}

/** Change of a rate in percentage points; null when either side has no data. */
export function rateChange(current: number | null, previous: number | null): number | null {
  if (current == null || previous == null) return null;
  return Math.round((current - previous) * 1000) / 10;
}
