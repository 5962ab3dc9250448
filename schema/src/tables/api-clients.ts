import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from '../enums.js';
import { departments } from './departments.js';

/** Third-party systems. The key itself is never stored: only its SHA-256. */
export const apiClients = pgTable('api_clients', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  role: roleEnum().notNull(),
  departmentId: uuid().references(() => departments.id),
  keyHash: text().notNull().unique(),
  active: boolean().notNull().default(true),
  /** Sustained requests per second; null means the server default. */
  rateLimitPerSecond: integer(),
  rateLimitBurst: integer(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});
