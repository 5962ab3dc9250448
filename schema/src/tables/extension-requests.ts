import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { extensionStatusEnum } from '../enums.js';
import { tickets } from './tickets.js';

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    requestedById: uuid().notNull(),
    until: timestamp({ withTimezone: true }).notNull(),
    reason: text().notNull(),
    status: extensionStatusEnum().notNull().default('PENDING'),
    decidedById: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    note: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.ticketId),
    uniqueIndex('extension_requests_one_pending_idx').on(t.ticketId).where(sql`status = 'PENDING'`),
  ],
);
