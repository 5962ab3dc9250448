import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { webhookDeliveries } from './webhook-deliveries.js';

/** Every attempt of every delivery, for the delivery log. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    deliveryId: text()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    status: integer(),
    error: text(),
    durationMs: integer().notNull(),
  },
  (t) => [index().on(t.deliveryId, t.at)],
);
