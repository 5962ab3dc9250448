import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coHandlingStatusEnum } from '../enums.js';
import { departments } from './departments.js';
import { tickets } from './tickets.js';

const at = () => timestamp({ withTimezone: true });

/**
 * A co-handling department's part in a case (协办): the lead department keeps the case; each co-handler
 * accepts, replies its part by `dueAt`, and may be reminded or waived. One open (PENDING or ACCEPTED)
 * request per ticket and department; the ticket's `openCoHandlerIds` mirrors the open ones.
 */
export const ticketCoHandlers = pgTable(
  'ticket_co_handlers',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    departmentId: uuid()
      .notNull()
      .references(() => departments.id),
    status: coHandlingStatusEnum().notNull().default('PENDING'),
    /** The co-handler's reply is due by then. */
    dueAt: at().notNull(),
    /** Who dispatched with this co-handler: a user or an API client id. */
    requestedById: uuid(),
    createdAt: at().notNull(),
    acceptedAt: at(),
    acceptedById: uuid(),
    repliedAt: at(),
    repliedById: uuid(),
    reply: text(),
    reminders: integer().notNull().default(0),
    lastRemindedAt: at(),
    /** WAIVED: the manager and the reason; CANCELLED: when. */
    endedAt: at(),
    waivedById: uuid(),
    waiveReason: text(),
  },
  (t) => [
    index('ticket_co_handlers_ticket_idx').on(t.ticketId, t.createdAt),
    // Scoping: the tickets a department co-handles or co-handled.
    index('ticket_co_handlers_department_idx').on(t.departmentId, t.ticketId),
    uniqueIndex('ticket_co_handlers_one_open_idx')
      .on(t.ticketId, t.departmentId)
      .where(sql`status in ('PENDING', 'ACCEPTED')`),
  ],
);

export type TicketCoHandlerRow = typeof ticketCoHandlers.$inferSelect;
