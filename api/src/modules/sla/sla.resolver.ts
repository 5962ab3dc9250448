import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import { SlaPolicyInput } from './sla.input.js';
import * as service from './sla.service.js';
import { BusinessCalendar, EscalationStep, SlaPolicy } from './sla.type.js';

@Resolver(() => SlaPolicy)
export class SlaPolicyResolver {
  @Query(() => [SlaPolicy])
  slaPolicies(@Ctx() ctx: GraphQLContext) {
    return service.listSlaPolicies(ctx);
  }

  @Query(() => BusinessCalendar)
  businessCalendar(@Ctx() ctx: GraphQLContext) {
    return service.getBusinessCalendar(ctx);
  }

  @Mutation(() => SlaPolicy, { description: 'MANAGER, ADMIN. Replaces the policy of its priority.' })
  upsertSlaPolicy(@Arg('input', () => SlaPolicyInput) input: SlaPolicyInput, @Ctx() ctx: GraphQLContext) {
    return service.upsertSlaPolicy(ctx, input);
  }

  @Mutation(() => BusinessCalendar, { description: 'MANAGER, ADMIN. Replaces the business calendar.' })
  setBusinessCalendar(
    @Arg('input', () => BusinessCalendar) input: BusinessCalendar,
    @Ctx() ctx: GraphQLContext,
  ) {
    return service.setBusinessCalendar(ctx, input);
  }
}

@Resolver(() => EscalationStep)
export class EscalationStepResolver {
  @FieldResolver(() => Department, {
    nullable: true,
    description: "Who is told; null means the responsible department's parent.",
  })
  notifyDepartment(@Root() step: EscalationStep, @Ctx() ctx: GraphQLContext) {
    return step.notifyDepartmentId ? ctx.loaders.department.load(step.notifyDepartmentId) : null;
  }
}
