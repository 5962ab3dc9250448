import type { TicketRow as Row } from '@hotline/schema';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { toConnection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { TicketAction } from '../../graphql/enums.js';
import { selectedFieldNames } from '../../graphql/selection.js';
import { Area, Category, Department } from '../departments/departments.type.js';
import { SlaPolicy } from '../sla/sla.type.js';
import { User } from '../users/users.type.js';
import { allowedActionsFor } from './allowed-actions.js';
import { maskPhone, mayReadPersonalData } from './ticket-access.js';
import { ticketColumnsFor } from './ticket-rows.js';
import { ticketSla } from './ticket-sla.js';
import { TicketFilter, TicketOrder } from './tickets.input.js';
import type { TicketCount } from './tickets.query.js';
import * as queries from './tickets.query.js';
import {
  Caller,
  Feedback,
  Location,
  Ticket,
  TicketConnection,
  TicketEvent,
  TicketEventConnection,
  TicketSla,
} from './tickets.type.js';

/** The Ticket fields selected under a connection's `nodes` and `edges { node }`. */
function connectionNodeFields(info: GraphQLResolveInfo): Set<string> {
  return new Set([
    ...(selectedFieldNames(info, ['nodes']) ?? []),
    ...(selectedFieldNames(info, ['edges', 'node']) ?? []),
  ]);
}

@Resolver(() => TicketConnection)
export class TicketConnectionResolver {
  @FieldResolver(() => Int, {
    description:
      "Matching tickets: exact up to 10,000; beyond that the planner's estimate (always more than 10,000), and `totalCountIsExact` is false.",
  })
  async totalCount(@Root() connection: TicketConnection) {
    return (await connection.count()).value;
  }

  @FieldResolver(() => Boolean, {
    description: 'False when `totalCount` is an estimate (more than 10,000 tickets match).',
  })
  async totalCountIsExact(@Root() connection: TicketConnection) {
    return (await connection.count()).exact;
  }
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true })
  ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return queries.getTicket(ctx, id, ticketColumnsFor(selectedFieldNames(info)));
  }

  @Query(() => Ticket, { nullable: true })
  ticketByNumber(
    @Arg('number', () => String) number: string,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return queries.getTicketByNumber(ctx, number, ticketColumnsFor(selectedFieldNames(info)));
  }

  @Query(() => TicketConnection, {
    description: 'Use `after` for stable iteration; `offset` for page jumps. `first` is 1..100, default 20.',
  })
  async tickets(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg('orderBy', () => TicketOrder, { nullable: true }) orderBy?: TicketOrder,
  ) {
    const page = await queries.listTickets(ctx, {
      first,
      after,
      offset,
      filter,
      orderBy,
      columns: ticketColumnsFor(connectionNodeFields(info)),
    });
    let count: Promise<TicketCount> | undefined;
    return Object.assign(toConnection(page), { count: () => (count ??= page.count()) });
  }

  @Query(() => TicketEventConnection, {
    description:
      'Every ticket event the viewer may see, oldest first. Polling with `after` never skips an event.',
  })
  async ticketEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await queries.listEventFeed(ctx, { first, after }));
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() ticket: Row, @Ctx() ctx: GraphQLContext) {
    return ticket.categoryId ? ctx.loaders.category.load(ticket.categoryId) : null;
  }

  @FieldResolver(() => Area, { nullable: true })
  area(@Root() ticket: Row, @Ctx() ctx: GraphQLContext) {
    return ticket.areaId ? ctx.loaders.area.load(ticket.areaId) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department now responsible.' })
  department(@Root() ticket: Row, @Ctx() ctx: GraphQLContext) {
    return ticket.departmentId ? ctx.loaders.department.load(ticket.departmentId) : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The one person in that department answerable for this case.',
  })
  assignee(@Root() ticket: Row, @Ctx() ctx: GraphQLContext) {
    return ticket.assigneeId ? ctx.loaders.user.load(ticket.assigneeId) : null;
  }

  @FieldResolver(() => Caller)
  caller(@Root() ticket: Row, @Ctx() ctx: GraphQLContext): Caller {
    const phone = ticket.callerPhone;
    return {
      name: ticket.callerName,
      phone: phone && !mayReadPersonalData(ctx.viewer, ticket) ? maskPhone(phone) : phone,
    };
  }

  @FieldResolver(() => Location, { nullable: true, description: 'Where the demand is, when given.' })
  location(@Root() ticket: Row): Location | null {
    if (ticket.latitude === null || ticket.longitude === null) return null;
    return { lat: ticket.latitude, lng: ticket.longitude };
  }

  @FieldResolver(() => TicketSla)
  sla(@Root() ticket: Row, @Ctx() ctx: GraphQLContext) {
    return ticketSla(ticket, ctx.clock.now());
  }

  @FieldResolver(() => Feedback, { nullable: true })
  feedback(@Root() ticket: Row): Feedback | null {
    if (!ticket.satisfaction || !ticket.feedbackAt) return null;
    return {
      satisfaction: ticket.satisfaction,
      comment: ticket.feedbackComment,
      recordedAt: ticket.feedbackAt,
      channel: ticket.feedbackChannel ?? 'CALLBACK',
    };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The caller's lookup code for the public status page (/status), e.g. 7KQ2M-X9D4R: only in the answer of the createTicket that registered the ticket (read it to the caller), null everywhere else. It is stored hashed and cannot be shown again.",
  })
  lookupCode(@Root() ticket: Row & { lookupCode?: string | null }): string | null {
    return ticket.lookupCode ?? null;
  }

  @FieldResolver(() => [TicketAction], {
    description:
      'The mutations the viewer may call on this ticket now: those its role, department and the ticket state allow. One listed may still fail for its input or a concurrent change (CONFLICT).',
  })
  allowedActions(@Root() ticket: Row, @Ctx() ctx: GraphQLContext) {
    return allowedActionsFor(ctx, ticket);
  }

  @FieldResolver(() => TicketEventConnection, { description: 'Oldest first.' })
  async events(
    @Root() ticket: Row,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return toConnection(await queries.listTicketEvents(ctx, ticket.id, { first, after }));
  }
}

@Resolver(() => TicketSla)
export class TicketSlaResolver {
  @FieldResolver(() => SlaPolicy, { nullable: true })
  policy(@Root() sla: TicketSla, @Ctx() ctx: GraphQLContext) {
    return sla.slaPolicyId ? ctx.loaders.slaPolicy.load(sla.slaPolicyId) : null;
  }
}

@Resolver(() => TicketEvent)
export class TicketEventResolver {
  @FieldResolver(() => Ticket)
  ticket(@Root() event: queries.TicketEventRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.ticket.load(event.ticketId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Null for the system (workers).' })
  actor(@Root() event: queries.TicketEventRow, @Ctx() ctx: GraphQLContext) {
    return event.actorId ? ctx.loaders.user.load(event.actorId) : null;
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() event: queries.TicketEventRow, @Ctx() ctx: GraphQLContext) {
    return event.departmentId ? ctx.loaders.department.load(event.departmentId) : null;
  }
}
