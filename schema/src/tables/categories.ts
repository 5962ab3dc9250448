import { type AnyPgColumn, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export const categories = pgTable(
  'categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => categories.id),
  },
  (t) => [index().on(t.parentId)],
);
