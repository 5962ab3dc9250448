import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
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
}

@Resolver(() => EscalationStep)
export class EscalationStepResolver {
  @FieldResolver(() => Department, { nullable: true, description: "Who is told; null means the responsible department's parent." })
  notifyDepartment(@Root() step: EscalationStep, @Ctx() ctx: GraphQLContext) {
    return step.notifyDepartmentId ? ctx.loaders.department.load(step.notifyDepartmentId) : null;
  }
}
