import { bigserial, date, index, pgTable, timestamp } from 'drizzle-orm/pg-core';

/**
 * Days of daily_rollups to roll up again: one row per statement that changed tickets of that day,
 * written by a trigger in the changing transaction (see the migration), so a mark is visible exactly
 * when its change is. The roll-up deletes the marks it saw in the snapshot it rolled up from.
 */
export const rollupDirtyDays = pgTable(
  'rollup_dirty_days',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    day: date({ mode: 'string' }).notNull(),
    markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rollup_dirty_days_day_idx').on(t.day)],
);
