import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row (id 1): the zone daily_rollups' days are cut in, and when the roll-up last caught up. */
export const rollupState = pgTable('rollup_state', {
  id: integer().primaryKey().default(1),
  timezone: text(),
  rolledAt: timestamp({ withTimezone: true }),
});
