import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Ticket } from '../tickets/tickets.type.js';
import { listTicketsNeedingManager } from './misrouting.service.js';

@Resolver()
export class MisroutingResolver {
  @Query(() => [Ticket], {
    description:
      'Tickets returned twice, waiting for a manager to reassign them; oldest first. MANAGER or ADMIN.',
  })
  ticketsNeedingManager(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
  ) {
    return listTicketsNeedingManager(ctx, first);
  }
}
