import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { departments } from './departments.js';
import { users } from './users.js';

/** A list's filters, sort and columns saved under a name; private, or shared with a department or the centre. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The list it applies to, e.g. "TICKETS". */
    list: text().notNull(),
    name: text().notNull(),
    /** The list's filter input (TicketFilter for tickets), validated when saved. */
    filters: jsonb().notNull(),
    /** The list's order input (TicketOrder for tickets), or null for the list's default. */
    sort: jsonb(),
    columns: text().array().notNull(),
    /** PRIVATE, DEPARTMENT or CENTRE */
    visibility: text().notNull(),
    /** The department a DEPARTMENT view is shared with (the owner's when it was shared). */
    departmentId: uuid().references(() => departments.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex().on(t.ownerId, t.list, t.name),
    index().on(t.list, t.departmentId).where(sql`visibility <> 'PRIVATE'`),
  ],
);
