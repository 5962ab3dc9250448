import type { TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Ticket } from '../tickets/tickets.type.js';
import { getDuplicateOf, mergeTicket } from './duplicates.service.js';
import { DuplicateCandidate } from './duplicates.type.js';

@Resolver(() => Ticket)
export class TicketDuplicatesResolver {
  @FieldResolver(() => [DuplicateCandidate], {
    description:
      'For open tickets: likely duplicates, at most ten: same caller phone or similar text in the same area within 30 days, or the same category within 200 m within 7 days (same caller first, then the nearest, then the most similar). Empty once closed.',
  })
  possibleDuplicates(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.possibleDuplicates.load(ticket.id);
  }

  @FieldResolver(() => Ticket, {
    nullable: true,
    description: 'The ticket this one was merged into (closed as DUPLICATE).',
  })
  duplicateOf(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return getDuplicateOf(ctx, ticket);
  }

  @Mutation(() => Ticket, {
    description:
      'Closes ticket `id` as DUPLICATE of `intoId`; both get a MERGED event. AGENT, MANAGER, ADMIN.',
  })
  mergeTicket(
    @Arg('id', () => ID) id: string,
    @Arg('intoId', () => ID) intoId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('note', () => String, { nullable: true }) note?: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return mergeTicket(ctx, { id, intoId, note, expectedVersion });
  }
}
