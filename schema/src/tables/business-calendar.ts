import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export interface TimeRangeRow {
  /** HH:MM local time. */
  start: string;
  end: string;
}

/** A single row (id 1): the hotline's working time. */
export const businessCalendar = pgTable('business_calendar', {
  id: integer().primaryKey().default(1),
  timezone: text().notNull(),
  workdays: integer().array().notNull(),
  hours: jsonb().$type<TimeRangeRow[]>().notNull(),
  /** ISO dates (YYYY-MM-DD). */
  holidays: text().array().notNull(),
  extraWorkdays: text().array().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
