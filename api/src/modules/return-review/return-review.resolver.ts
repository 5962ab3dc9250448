import type { TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { decideReturn, requestReturn } from '../tickets/return-requests.js';
import { Ticket } from '../tickets/tickets.type.js';
import { User } from '../users/users.type.js';
import { listPendingReturns, type ReturnRequestRow } from './return-review.service.js';
import { ReturnRequest, ReturnRequestPage } from './return-review.type.js';

@Resolver(() => Ticket)
export class ReturnReviewResolver {
  @Mutation(() => Ticket, {
    description:
      'A HANDLER disputes the dispatch: the request waits for a manager (decideReturn); the ticket stays with its department, status and clock untouched. One pending request per ticket.',
  })
  requestReturn(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return requestReturn(ctx, { id, reason, expectedVersion });
  }

  @Mutation(() => Ticket, {
    description:
      'MANAGER, ADMIN: approve (the ticket is RETURNED to the hotline centre for re-dispatch) or reject with a reason (the department keeps it, its clock untouched) the pending return request.',
  })
  decideReturn(
    @Arg('id', () => ID) id: string,
    @Arg('approve', () => Boolean) approve: boolean,
    @Ctx() ctx: GraphQLContext,
    @Arg('reason', () => String, { nullable: true, description: 'Required to reject.' }) reason?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return decideReturn(ctx, { id, approve, reason, expectedVersion });
  }

  @Query(() => ReturnRequestPage, {
    description:
      'The return-review queue: pending return requests, oldest first. MANAGER, ADMIN. `first` 1..100.',
  })
  returnReviewQueue(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('offset', () => Int, { nullable: true }) offset?: number,
  ) {
    return listPendingReturns(ctx, { first, offset });
  }

  @FieldResolver(() => ReturnRequest, {
    nullable: true,
    description: 'The return request waiting for a manager, if any.',
  })
  pendingReturn(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.pendingReturn.load(ticket.id);
  }
}

@Resolver(() => ReturnRequestPage)
export class ReturnRequestPageResolver {
  @FieldResolver(() => Int)
  totalCount(@Root() page: ReturnRequestPage) {
    return page.totalCount();
  }
}

@Resolver(() => ReturnRequest)
export class ReturnRequestResolver {
  @FieldResolver(() => Ticket)
  ticket(@Root() request: ReturnRequestRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.ticket.load(request.ticketId);
  }

  @FieldResolver(() => Department, { description: 'The department that asked.' })
  department(@Root() request: ReturnRequestRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(request.departmentId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Null when an API client asked.' })
  requestedBy(@Root() request: ReturnRequestRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.user.load(request.requestedById);
  }
}
