import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { roleEnum } from '../enums.js';
import { departments } from './departments.js';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased. */
    email: text().notNull().unique(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    departmentId: uuid().references(() => departments.id),
    passwordHash: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.departmentId)],
);
