import type { TicketCoHandlerRow, TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { Ticket } from '../tickets/tickets.type.js';
import { User } from '../users/users.type.js';
import { CoHandler } from './co-handling.type.js';
import {
  acceptCoHandling,
  remindCoHandler,
  replyCoHandling,
  waiveCoHandler,
} from './co-handling-commands.js';
import { isLate, isOverdue } from './co-handling-state.js';

@Resolver(() => Ticket)
export class CoHandlingResolver {
  @Mutation(() => Ticket, {
    description:
      "A HANDLER of a co-handling department takes its part on (PENDING to ACCEPTED): CO_HANDLING_ACCEPTED event, ticket.co_handling_accepted webhook. INVALID_TRANSITION when the department's part is not PENDING.",
  })
  acceptCoHandling(
    @Arg('ticketId', () => ID) ticketId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return acceptCoHandling(ctx, { id: ticketId, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description:
      'A HANDLER of a co-handling department replies its part to the lead (ACCEPTED to REPLIED): CO_HANDLING_REPLIED event, ticket.co_handling_replied webhook (without the reply text).',
  })
  replyCoHandling(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('reply', () => String) reply: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return replyCoHandling(ctx, { id: ticketId, reply, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description:
      'A HANDLER of the lead department, a MANAGER or ADMIN reminds a co-handler whose part is open (催办): CO_HANDLER_REMINDED event, ticket.co_handler_reminded webhook.',
  })
  remindCoHandler(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('departmentId', () => ID) departmentId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return remindCoHandler(ctx, { id: ticketId, departmentId, note, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description:
      "MANAGER, ADMIN: excuse a co-handler whose part is open (WAIVED, with the reason); it no longer holds the lead's resolution. CO_HANDLER_WAIVED event, ticket.co_handler_waived webhook.",
  })
  waiveCoHandler(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('departmentId', () => ID) departmentId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return waiveCoHandler(ctx, { id: ticketId, departmentId, reason, expectedVersion });
  }

  @FieldResolver(() => [CoHandler], {
    description:
      'The co-handling departments (协办) of the case, every request of every dispatch, oldest first; empty when none.',
  })
  coHandlers(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.coHandlers.load(ticket.id);
  }
}

@Resolver(() => CoHandler)
export class CoHandlerFieldsResolver {
  @FieldResolver(() => Department, { description: 'The co-handling department.' })
  department(@Root() part: TicketCoHandlerRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(part.departmentId);
  }

  @FieldResolver(() => Boolean, {
    description: 'Open (PENDING or ACCEPTED) and past its reply deadline now.',
  })
  overdue(@Root() part: TicketCoHandlerRow, @Ctx() ctx: GraphQLContext) {
    return isOverdue(part, ctx.clock.now());
  }

  @FieldResolver(() => Boolean, { description: 'Replied after its reply deadline.' })
  repliedLate(@Root() part: TicketCoHandlerRow) {
    return isLate(part);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who replied; null for none yet.' })
  repliedBy(@Root() part: TicketCoHandlerRow, @Ctx() ctx: GraphQLContext) {
    return part.repliedById ? ctx.loaders.user.load(part.repliedById) : null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'The manager who waived it.' })
  waivedBy(@Root() part: TicketCoHandlerRow, @Ctx() ctx: GraphQLContext) {
    return part.waivedById ? ctx.loaders.user.load(part.waivedById) : null;
  }
}
