import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { supervisionLevelEnum, supervisionStatusEnum } from '../enums.js';
import { departments } from './departments.js';
import { tickets } from './tickets.js';

/**
 * A manager's supervision of a running case (督办/催办): a level, a note and the time by which the
 * responsible department must reply. One OPEN per ticket; supervising again supersedes it.
 */
export const supervisions = pgTable(
  'supervisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    /** The department responsible when the case was supervised (the one counted in its figures). */
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    level: supervisionLevelEnum().notNull(),
    note: text().notNull(),
    /** The department's reply is due by then. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    status: supervisionStatusEnum().notNull().default('OPEN'),
    supervisedById: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    repliedAt: timestamp({ withTimezone: true }),
    repliedById: uuid(),
    reply: text(),
  },
  (t) => [
    index('supervisions_ticket_idx').on(t.ticketId, t.createdAt),
    uniqueIndex('supervisions_one_open_idx').on(t.ticketId).where(sql`status = 'OPEN'`),
    // Open supervisions by reply deadline: what is overdue now.
    index('supervisions_open_due_idx').on(t.dueAt).where(sql`status = 'OPEN'`),
  ],
);

export type SupervisionRow = typeof supervisions.$inferSelect;
