import { apiClients, routingRules, ticketEvents, webhooks } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import { isUuid } from '../../domain/uuid.js';
import type { LoaderContext } from '../../graphql/loaders.js';
import { mayReadInternalNotes } from '../tickets/ticket-access.js';
import { getTicket } from '../tickets/tickets.query.js';

/** A row tagged with its GraphQL type, so that the `Node` interface can tell the types apart. */
export type TaggedNode = { __typename: string };

/**
 * The object behind a global id, if the viewer may read it: ids are UUIDs (tickets, departments,
 * rules, clients, ...) or integers (ticket events). Each type answers only where its own query
 * would: events and tickets as the viewer sees tickets, users for ADMIN and MANAGER, API clients
 * and webhooks for ADMIN.
 */
export async function getNode(ctx: LoaderContext, id: string): Promise<TaggedNode | null> {
  if (/^\d{1,18}$/.test(id)) return getTicketEventNode(ctx, Number(id));
  if (!isUuid(id)) return null;
  const ticket = await getTicket(ctx, id);
  if (ticket) return { ...ticket, __typename: 'Ticket' };
  const lookups = [
    ['Department', ctx.loaders.department],
    ['Category', ctx.loaders.category],
    ['Area', ctx.loaders.area],
    ['SlaPolicy', ctx.loaders.slaPolicy],
  ] as const;
  for (const [typename, loader] of lookups) {
    const row = await loader.load(id);
    if (row) return { ...row, __typename: typename };
  }
  const [rule] = await ctx.db.select().from(routingRules).where(eq(routingRules.id, id));
  if (rule) return { ...rule, __typename: 'RoutingRule' };
  if (ctx.viewer.role === 'ADMIN' || ctx.viewer.role === 'MANAGER') {
    const user = await ctx.loaders.user.load(id);
    if (user) return { ...user, __typename: 'User' };
  }
  // API clients and webhooks are an ADMIN's business only (as their lists are).
  if (ctx.viewer.role === 'ADMIN') {
    const [client] = await ctx.db.select().from(apiClients).where(eq(apiClients.id, id));
    if (client) return { ...client, __typename: 'ApiClient' };
    const [webhook] = await ctx.db.select().from(webhooks).where(eq(webhooks.id, id));
    if (webhook) return { ...webhook, __typename: 'Webhook' };
  }
  return null;
}

/** An event is visible with its ticket. */
async function getTicketEventNode(ctx: LoaderContext, id: number): Promise<TaggedNode | null> {
  const [event] = await ctx.db.select().from(ticketEvents).where(eq(ticketEvents.id, id));
  if (!event || !(await getTicket(ctx, event.ticketId))) return null;
  if (event.visibility === 'INTERNAL' && !mayReadInternalNotes(ctx.viewer)) return null;
  return { ...event, __typename: 'TicketEvent' };
}
