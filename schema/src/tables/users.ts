import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    /** Raised by every change that must end the user's sessions (deactivation, role, department, password). */
    sessionVersion: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.departmentId)],
);
