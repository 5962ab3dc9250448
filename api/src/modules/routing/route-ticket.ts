import { routingRules } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { asc, eq } from 'drizzle-orm';
import { pickRule, type RoutableTicket } from '../../domain/route-matcher.js';
import { CONFIG_TTL_MS, ShortLivedCache } from '../../shared-cache.js';

export type RoutingRuleRow = typeof routingRules.$inferSelect;

const enabledRules = new ShortLivedCache<RoutingRuleRow[]>(CONFIG_TTL_MS, 1);

/** Call after any change to the rules (the routing service does, inside its transaction's caller). */
export function forgetRoutingRules(): void {
  enabledRules.clear();
}

/** The rule that decides where a ticket goes, or null when none matches. */
export async function decideRoute(tx: Tx, ticket: RoutableTicket): Promise<RoutingRuleRow | null> {
  const rules = await enabledRules.get('enabled', () =>
    tx.select().from(routingRules).where(eq(routingRules.enabled, true)).orderBy(asc(routingRules.position)),
  );
  return pickRule(rules, ticket);
}
