import { bigserial, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { notificationDeliveries } from './notification-deliveries.js';

/** Every attempt of every notification: the per-attempt log (recipient masked, never in clear). */
export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    deliveryId: text()
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    recipientMasked: text().notNull(),
    ok: boolean().notNull(),
    error: text(),
    durationMs: integer().notNull(),
  },
  (t) => [index().on(t.deliveryId, t.at)],
);
