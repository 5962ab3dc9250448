import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Written in the same transaction as the change; the relay worker moves rows to BullMQ. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    eventId: bigint({ mode: 'number' }).notNull(),
    ticketId: uuid().notNull(),
    /** Webhook event type, e.g. ticket.created. */
    type: text().notNull(),
    /** The webhook body's `data` (no personal data). */
    payload: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    relayedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`relayed_at is null`)],
);
