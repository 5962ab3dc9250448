import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { extensionStatusEnum } from '../enums.js';
import { departments } from './departments.js';
import { tickets } from './tickets.js';

/**
 * A department's request to hand a ticket back (派单异议): it waits for a manager, who approves (the ticket
 * is RETURNED) or rejects it (the department keeps it, its clock untouched). Statuses as extension requests.
 */
export const returnRequests = pgTable(
  'return_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    /** The department that asked. */
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    requestedById: uuid().notNull(),
    reason: text().notNull(),
    status: extensionStatusEnum().notNull().default('PENDING'),
    decidedById: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.ticketId),
    uniqueIndex('return_requests_one_pending_idx').on(t.ticketId).where(sql`status = 'PENDING'`),
    // The review queue, oldest first, and its count: only what waits.
    index('return_requests_pending_idx').on(t.createdAt, t.id).where(sql`status = 'PENDING'`),
  ],
);
