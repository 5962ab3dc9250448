import type * as enums from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { CloseReason, Satisfaction, TicketAction } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Area, Category, Department } from '../departments/departments.type.js';
import { SlaPolicy } from '../sla/sla.type.js';
import { User } from '../users/users.type.js';
import { allowedActionsFor } from './allowed-actions.js';
import { maskPhone, mayReadPersonalData } from './ticket-access.js';
import { ticketSla } from './ticket-sla.js';
import { CreateTicketInput, TicketFilter, TicketOrder } from './tickets.input.js';
import * as queries from './tickets.query.js';
import * as commands from './tickets.service.js';
import {
  Caller,
  Feedback,
  Ticket,
  TicketConnection,
  TicketEvent,
  TicketEventConnection,
  TicketSla,
} from './tickets.type.js';

type Row = commands.TicketRow;

/** Shapes a page of rows as a Relay connection. */
export function toConnection<T>(page: queries.Page<T>) {
  return {
    edges: page.rows.map((node) => ({ cursor: page.cursorOf(node), node })),
    nodes: page.rows,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.rows[0] ? page.cursorOf(page.rows[0]) : null,
      endCursor: page.rows.length ? page.cursorOf(page.rows[page.rows.length - 1]!) : null,
    },
  };
}

@Resolver(() => TicketConnection)
export class TicketConnectionResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() connection: TicketConnection) {
    return connection.count();
  }
}

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true })
  ticket(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return queries.getTicket(ctx, id);
  }

  @Query(() => Ticket, { nullable: true })
  ticketByNumber(@Arg('number', () => String) number: string, @Ctx() ctx: GraphQLContext) {
    return queries.getTicketByNumber(ctx, number);
  }

  @Query(() => TicketConnection, {
    description: 'Use `after` for stable iteration; `offset` for page jumps. `first` is 1..100, default 20.',
  })
  async tickets(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter,
    @Arg('orderBy', () => TicketOrder, { nullable: true }) orderBy?: TicketOrder,
  ) {
    const page = await queries.listTickets(ctx, { first, after, offset, filter, orderBy });
    return { ...toConnection(page), count: page.count };
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
    };
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

  @Mutation(() => Ticket)
  createTicket(@Arg('input', () => CreateTicketInput) input: CreateTicketInput, @Ctx() ctx: GraphQLContext) {
    return commands.createTicket(ctx, input);
  }

  @Mutation(() => Ticket, {
    description: 'Without departmentId the routing rules decide; with no match BAD_USER_INPUT.',
  })
  dispatchTicket(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.dispatchTicket(ctx, { id, departmentId, note, expectedVersion });
  }

  @Mutation(() => Ticket)
  acceptTicket(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.acceptTicket(ctx, { id, expectedVersion });
  }

  @Mutation(() => Ticket, { description: "Names the responsible person: a user of the ticket's department." })
  assignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.assignTicket(ctx, { id, userId, expectedVersion });
  }

  @Mutation(() => Ticket)
  returnTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.returnTicket(ctx, { id, reason, expectedVersion });
  }

  @Mutation(() => Ticket)
  reassignTicket(
    @Arg('id', () => ID) id: string,
    @Arg('departmentId', () => ID) departmentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.reassignTicket(ctx, { id, departmentId, reason, expectedVersion });
  }

  @Mutation(() => Ticket)
  holdTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.holdTicket(ctx, { id, reason, expectedVersion });
  }

  @Mutation(() => Ticket)
  resumeTicket(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.resumeTicket(ctx, { id, expectedVersion });
  }

  @Mutation(() => Ticket)
  requestExtension(
    @Arg('id', () => ID) id: string,
    @Arg('until', () => DateTimeScalar) until: Date,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.requestExtension(ctx, { id, until, reason, expectedVersion });
  }

  @Mutation(() => Ticket)
  decideExtension(
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.decideExtension(ctx, { id, approve, note, expectedVersion });
  }

  @Mutation(() => Ticket)
  resolveTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reply', () => String) reply: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.resolveTicket(ctx, { id, reply, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description: 'DISSATISFIED reopens the ticket to its department; otherwise it closes.',
  })
  recordFeedback(
    @Arg('id', () => ID) id: string,
    @Arg('satisfaction', () => Satisfaction) satisfaction: enums.Satisfaction,
    @Ctx() ctx: GraphQLContext,
    @Arg('comment', () => String, { nullable: true }) comment?: string,
  ) {
    return commands.recordFeedback(ctx, { id, satisfaction, comment });
  }

  @Mutation(() => Ticket)
  closeTicket(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => CloseReason) reason: enums.CloseReason,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return commands.closeTicket(ctx, { id, reason, note, expectedVersion });
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
