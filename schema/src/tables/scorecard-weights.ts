import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row (id 1): how much each rate weighs in a department's score; set by a MANAGER. */
export const scorecardWeights = pgTable('scorecard_weights', {
  id: integer().primaryKey().default(1),
  weights: jsonb().$type<Record<string, number>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedById: uuid(),
});
