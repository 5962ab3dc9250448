import { bigserial, index, integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One row (id 1): how much each rate weighs in a department's score; set by a MANAGER. */
export const scorecardWeights = pgTable('scorecard_weights', {
  id: integer().primaryKey().default(1),
  weights: jsonb().$type<Record<string, number>>().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedById: uuid(),
});

/** Audit of the weights: who set them, when, before and after. */
export const scorecardWeightChanges = pgTable(
  'scorecard_weight_changes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorId: uuid(),
    at: timestamp({ withTimezone: true }).notNull(),
    before: jsonb().$type<Record<string, number>>(),
    after: jsonb().$type<Record<string, number>>().notNull(),
  },
  (t) => [index().on(t.at)],
);
