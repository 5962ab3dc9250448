import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { toConnection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { User } from '../users/users.type.js';
import { previewRoute } from './route-preview.js';
import type { RoutingRuleRow } from './route-ticket.js';
import { RoutePreviewInput, RoutingRuleInput } from './routing.input.js';
import * as service from './routing.service.js';
import {
  RouteDecision,
  RoutingRule,
  RoutingRuleChange,
  RoutingRuleChangeConnection,
  RoutingRuleSnapshot,
} from './routing.type.js';
import { listRuleChanges, type RoutingRuleChangeRow } from './routing-audit.js';

@Resolver(() => RoutingRule)
export class RoutingRuleResolver {
  @Query(() => [RoutingRule])
  routingRules(@Ctx() ctx: GraphQLContext) {
    return service.listRoutingRules(ctx);
  }

  @Query(() => RouteDecision)
  routePreview(@Arg('input', () => RoutePreviewInput) input: RoutePreviewInput, @Ctx() ctx: GraphQLContext) {
    return previewRoute(ctx, input);
  }

  @Query(() => RoutingRuleChangeConnection, {
    description: 'Audit of routing changes, newest first. MANAGER or ADMIN.',
  })
  async routingRuleChanges(
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('ruleId', () => ID, { nullable: true }) ruleId?: string,
  ) {
    return toConnection(await listRuleChanges(ctx, { first, after, ruleId }));
  }

  @Mutation(() => RoutingRule)
  createRoutingRule(
    @Arg('input', () => RoutingRuleInput) input: RoutingRuleInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.createRoutingRule(ctx, input);
  }

  @Mutation(() => RoutingRule)
  updateRoutingRule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => RoutingRuleInput) input: RoutingRuleInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.updateRoutingRule(ctx, id, input);
  }

  @Mutation(() => ID)
  deleteRoutingRule(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return service.deleteRoutingRule(ctx, id);
  }

  @Mutation(() => [RoutingRule], { description: 'All rule ids in the new order; positions become 1..n.' })
  reorderRoutingRules(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: GraphQLContext) {
    return service.reorderRoutingRules(ctx, ids);
  }

  @FieldResolver(() => Department)
  department(@Root() rule: RoutingRuleRow, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(rule.departmentId);
  }
}

@Resolver(() => RouteDecision)
export class RouteDecisionResolver {
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() decision: RouteDecision, @Ctx() ctx: GraphQLContext) {
    return decision.departmentId ? ctx.loaders.department.load(decision.departmentId) : null;
  }
}

@Resolver(() => RoutingRuleSnapshot)
export class RoutingRuleSnapshotResolver {
  @FieldResolver(() => Department, {
    nullable: true,
    description: 'Null when the department no longer exists.',
  })
  department(@Root() snapshot: RoutingRuleSnapshot, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(snapshot.departmentId);
  }
}

@Resolver(() => RoutingRuleChange)
export class RoutingRuleChangeResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change.' })
  actor(@Root() change: RoutingRuleChangeRow, @Ctx() ctx: GraphQLContext) {
    return change.actorId ? ctx.loaders.user.load(change.actorId) : null;
  }
}
