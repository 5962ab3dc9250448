import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Audit of routing configuration: who changed which rule, when, before and after. */
export const routingRuleChanges = pgTable(
  'routing_rule_changes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    ruleId: uuid(),
    /** CREATED, UPDATED, DELETED, REORDERED */
    action: text().notNull(),
    actorId: uuid(),
    at: timestamp({ withTimezone: true }).notNull(),
    before: jsonb(),
    after: jsonb(),
  },
  (t) => [index().on(t.at)],
);
