import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const webhooks = pgTable('webhooks', {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  events: text().array().notNull(),
  /** The whsec_ secret, encrypted with the server's key (AES-256-GCM). */
  secretEncrypted: text().notNull(),
  active: boolean().notNull().default(true),
  createdById: uuid(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
