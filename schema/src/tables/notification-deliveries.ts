import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tickets } from './tickets.js';

export const notificationChannels = ['SMS', 'EMAIL'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/**
 * One message to a caller: one row per (ticket event, channel), id deterministic so the relay may run
 * twice. The recipient is read from the ticket when sending; only its masked form is stored here.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: text().primaryKey(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    eventId: bigint({ mode: 'number' }).notNull(),
    event: text().notNull(),
    channel: text().$type<NotificationChannel>().notNull(),
    language: text().notNull(),
    /** e.g. 138****5678 or a***@example.com. */
    recipientMasked: text().notNull(),
    /** The lookup code (intake) or satisfaction token (resolve), encrypted; cleared once sent or given up. */
    sealedSecret: text(),
    attempts: integer().notNull().default(0),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    /** Null once delivered or given up. */
    nextAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('notification_deliveries_ticket_idx').on(t.ticketId, t.createdAt),
    index('notification_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`delivered_at is null and next_attempt_at is not null`),
  ],
);
