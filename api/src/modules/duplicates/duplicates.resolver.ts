import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { TicketRow } from '../../../../schema/src/index.js';
import { scopedDepartment } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { Loaders } from '../../graphql/loaders.js';
import { getTicket } from '../tickets/tickets.query.js';
import { Ticket } from '../tickets/tickets.type.js';
import {
  type DuplicateCandidate as Candidate,
  findPossibleDuplicates,
  mergeTicket,
} from './duplicates.service.js';
import { DuplicateCandidate } from './duplicates.type.js';

// One duplicate search per request for all the tickets on a page (no N+1).
const loaders = new WeakMap<Loaders, DataLoader<string, Candidate[]>>();

function duplicatesLoader(ctx: GraphQLContext): DataLoader<string, Candidate[]> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids) => {
      const found = await findPossibleDuplicates(ctx.db, ctx.viewer, ids);
      return ids.map((id) => found.get(id) ?? []);
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader;
}

@Resolver(() => Ticket)
export class TicketDuplicatesResolver {
  @FieldResolver(() => [DuplicateCandidate], {
    description:
      'For open tickets: likely duplicates within 30 days (same caller phone, or similar text in the same area). Empty once closed.',
  })
  possibleDuplicates(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return duplicatesLoader(ctx).load(ticket.id);
  }

  @FieldResolver(() => Ticket, {
    nullable: true,
    description: 'The ticket this one was merged into (closed as DUPLICATE).',
  })
  duplicateOf(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    if (!ticket.duplicateOfId) return null;
    // Scoped viewers may not see the original; everyone else reads it through the batching loader.
    return scopedDepartment(ctx.viewer) === null
      ? ctx.loaders.ticket.load(ticket.duplicateOfId)
      : getTicket(ctx, ticket.duplicateOfId);
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
