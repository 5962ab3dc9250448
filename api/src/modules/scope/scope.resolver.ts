import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TicketRow } from '../../../../schema/src/index.js';
import type { GraphQLContext } from '../../graphql/context.js';
import type { Loaders } from '../../graphql/loaders.js';
import { Ticket } from '../tickets/tickets.type.js';
import { ScopeRuleInput } from './scope.input.js';
import * as service from './scope.service.js';
import { ScopeAdvice, ScopeRule } from './scope.type.js';
import { type ScopeMatch, type ScopeRuleRow, screenScope } from './scope-matcher.js';

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

// One read of the scope rules per request, however many tickets ask.
const rulesPerRequest = new WeakMap<Loaders, Promise<ScopeRuleRow[]>>();

async function lineageOf(loaders: Loaders, categoryId: string | null): Promise<string[]> {
  const codes: string[] = [];
  let id = categoryId;
  while (id && codes.length < 20) {
    const category = await loaders.category.load(id);
    if (!category) break;
    codes.push(category.code);
    id = category.parentId;
  }
  return codes;
}

@Resolver(() => Ticket)
export class TicketScopeResolver {
  @FieldResolver(() => ScopeAdvice, {
    nullable: true,
    description:
      'For NEW tickets: a hint that the demand looks out of scope (close it as OUT_OF_SCOPE if so).',
  })
  async scopeAdvice(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext): Promise<ScopeMatch | null> {
    if (ticket.status !== 'NEW') return null;
    let rules = rulesPerRequest.get(ctx.loaders);
    if (!rules) {
      rules = service.loadScopeRules(ctx.db);
      rulesPerRequest.set(ctx.loaders, rules);
    }
    const categoryCodes = await lineageOf(ctx.loaders, ticket.categoryId);
    return screenScope(await rules, { title: ticket.title, description: ticket.description, categoryCodes });
  }
}
