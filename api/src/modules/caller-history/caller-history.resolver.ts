import type { TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Ticket } from '../tickets/tickets.type.js';
import { getCallerHistory, lookUpCaller } from './caller-history.service.js';
import { CallerHistory } from './caller-history.type.js';

@Resolver(() => Ticket)
export class CallerHistoryResolver {
  @FieldResolver(() => CallerHistory, {
    nullable: true,
    description:
      "The caller's other tickets by phone (count, newest five, latest satisfaction). Null when the ticket has no phone or the viewer sees it masked. One ticket at a time: do not ask it on lists.",
  })
  callerHistory(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return getCallerHistory(ctx, ticket);
  }

  @Query(() => CallerHistory, {
    name: 'callerHistory',
    description:
      "Intake: the caller's tickets by a whole phone number (as typed; +86/0086 or not). AGENT, MANAGER, ADMIN (who see phones in full); others FORBIDDEN.",
  })
  lookUpCaller(@Arg('phone', () => String) phone: string, @Ctx() ctx: GraphQLContext) {
    return lookUpCaller(ctx, phone);
  }
}
