import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departments } from './departments.js';
import { tickets } from './tickets.js';

/** Every department a ticket was ever sent to: scoping ("is or was responsible") and stats. */
export const ticketDepartments = pgTable(
  'ticket_departments',
  {
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    firstAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.departmentId] }), index().on(t.departmentId, t.ticketId)],
);
