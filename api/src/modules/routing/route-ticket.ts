import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../../../schema/src/db.js';
import { routingRules } from '../../../../schema/src/index.js';
import { pickRule, type RoutableTicket } from '../../domain/route-matcher.js';

export type RoutingRuleRow = typeof routingRules.$inferSelect;

/** The rule that decides where a ticket goes, or null when none matches. */
export async function decideRoute(tx: Tx, ticket: RoutableTicket): Promise<RoutingRuleRow | null> {
  const rules = await tx
    .select()
    .from(routingRules)
    .where(eq(routingRules.enabled, true))
    .orderBy(asc(routingRules.position));
  return pickRule(rules, ticket);
}
