import { apiClients, routingRules, ticketEvents, webhooks } from '@hotline/schema';
import { eq } from 'drizzle-orm';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Node } from '../../graphql/node.js';
import { getTicket } from '../tickets/tickets.query.js';
import { isUuid } from '../tickets/tickets.service.js';

/** `node(id)`: ids are UUIDs (tickets, departments, rules, clients, ...) or integers (ticket events). */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    if (/^\d{1,18}$/.test(id)) {
      const [event] = await ctx.db
        .select()
        .from(ticketEvents)
        .where(eq(ticketEvents.id, Number(id)));
      if (!event || !(await getTicket(ctx, event.ticketId))) return null;
      return { ...event, __typename: 'TicketEvent' };
    }
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
}
