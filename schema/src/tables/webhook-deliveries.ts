import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { webhooks } from './webhooks.js';

/** One row per (webhook, event): `id` is the webhook-id header, the same on every attempt. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text().primaryKey(),
    webhookId: uuid()
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: bigint({ mode: 'number' }).notNull(),
    eventType: text().notNull(),
    body: jsonb().notNull(),
    attempts: integer().notNull().default(0),
    lastStatus: integer(),
    lastError: text(),
    lastAttemptAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    nextAttemptAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex().on(t.webhookId, t.eventId),
    index('webhook_deliveries_list_idx').on(t.webhookId, t.createdAt.desc()),
    // The relay's sweep: due deliveries still pending; delivered or given-up rows leave the index.
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`delivered_at is null and next_attempt_at is not null`),
  ],
);
