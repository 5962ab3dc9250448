import type { TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Ticket } from '../tickets/tickets.type.js';
import { ScopeRuleInput } from './scope.input.js';
import * as service from './scope.service.js';
import { ScopeAdvice, ScopeRule } from './scope.type.js';

@Resolver(() => ScopeRule)
export class ScopeRuleResolver {
  @Query(() => [ScopeRule], { description: 'Out-of-scope screening rules, in the order they are tried.' })
  scopeRules(@Ctx() ctx: GraphQLContext) {
    return service.listScopeRules(ctx);
  }

  @Mutation(() => ScopeRule, { description: 'MANAGER or ADMIN.' })
  createScopeRule(@Arg('input', () => ScopeRuleInput) input: ScopeRuleInput, @Ctx() ctx: GraphQLContext) {
    return service.createScopeRule(ctx, input);
  }

  @Mutation(() => ScopeRule, { description: 'MANAGER or ADMIN.' })
  updateScopeRule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ScopeRuleInput) input: ScopeRuleInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.updateScopeRule(ctx, id, input);
  }

  @Mutation(() => ID, { description: 'MANAGER or ADMIN.' })
  deleteScopeRule(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return service.deleteScopeRule(ctx, id);
  }
}

@Resolver(() => Ticket)
export class TicketScopeResolver {
  @FieldResolver(() => ScopeAdvice, {
    nullable: true,
    description:
      'For NEW tickets: a hint that the demand looks out of scope (close it as OUT_OF_SCOPE if so).',
  })
  scopeAdvice(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return service.getScopeAdvice(ctx, ticket);
  }
}
