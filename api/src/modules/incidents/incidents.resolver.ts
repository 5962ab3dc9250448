import type { TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Ticket } from '../tickets/tickets.type.js';
import { LinkToIncidentInput, UnlinkFromIncidentInput } from './incidents.input.js';
import { getIncident, listIncidentChildren } from './incidents.service.js';
import { IncidentChildren } from './incidents.type.js';
import { linkToIncident, unlinkFromIncident } from './link-to-incident.js';

@Resolver(() => Ticket)
export class IncidentsResolver {
  @Mutation(() => Ticket, {
    description:
      "多诉一案: links a caller's open ticket to a parent incident; it becomes LINKED (no department, no clock) and follows the parent's resolution with its own RESOLVED event, notification and satisfaction link. LINKED_TO_INCIDENT event on both, ticket.linked_to_incident webhook. AGENT, MANAGER, ADMIN. BAD_USER_INPUT with extensions.reason SELF_LINK, PARENT_IS_CHILD, CHILD_HAS_CHILDREN, PARENT_MERGED or PARENT_NOT_OPEN.",
  })
  linkToIncident(
    @Arg('input', () => LinkToIncidentInput) input: LinkToIncidentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return linkToIncident(ctx, input);
  }

  @Mutation(() => Ticket, {
    description:
      'Takes a LINKED ticket out of its incident: NEW again, its own case. UNLINKED_FROM_INCIDENT event on both, ticket.unlinked_from_incident webhook. AGENT, MANAGER, ADMIN.',
  })
  unlinkFromIncident(
    @Arg('input', () => UnlinkFromIncidentInput) input: UnlinkFromIncidentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return unlinkFromIncident(ctx, input);
  }

  @FieldResolver(() => Ticket, {
    nullable: true,
    description:
      "The parent incident this caller's ticket is linked to (kept once it followed the parent's resolution); null for none or when the viewer may not see it.",
  })
  incident(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return getIncident(ctx, ticket);
  }

  @FieldResolver(() => IncidentChildren, {
    description:
      'The callers linked to this ticket as their parent incident; counts are 0 for an ordinary ticket.',
  })
  async incidentChildren(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext): Promise<IncidentChildren> {
    const counts = await ctx.loaders.incidentChildCounts.load(ticket.id);
    return { parentId: ticket.id, totalCount: counts.total, waitingCount: counts.waiting };
  }
}

@Resolver(() => IncidentChildren)
export class IncidentChildrenResolver {
  @FieldResolver(() => [Ticket], {
    description:
      'The callers the viewer may see, oldest first, at most `first` (1..100, default 100); all of them through tickets(filter: { incidentId }).',
  })
  tickets(
    @Root() children: IncidentChildren,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ) {
    return children.totalCount === 0 ? [] : listIncidentChildren(ctx, children.parentId, first);
  }
}
