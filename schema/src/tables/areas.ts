import { type AnyPgColumn, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** Sub-districts and their communities. */
export const areas = pgTable(
  'areas',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    name: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => areas.id),
  },
  (t) => [index().on(t.parentId)],
);
