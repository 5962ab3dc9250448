import { type AnyPgColumn, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { departmentKindEnum } from '../enums.js';

export const departments = pgTable(
  'departments',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    kind: departmentKindEnum().notNull(),
    parentId: uuid().references((): AnyPgColumn => departments.id),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.parentId)],
);
