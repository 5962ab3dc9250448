import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Category, Department } from '../departments/departments.type.js';
import { computeStats } from './stats.service.js';
import { CategoryCount, DepartmentCount, HotlineStats } from './stats.type.js';

@Resolver(() => HotlineStats)
export class StatsResolver {
  @Query(() => HotlineStats, {
    description:
      'Tickets created in [from, to); with departmentId only those dispatched there at least once. ADMIN, MANAGER, AGENT; a HANDLER only its own department.',
  })
  stats(
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string,
  ) {
    return computeStats(ctx, { from, to, departmentId });
  }
}

@Resolver(() => CategoryCount)
export class CategoryCountResolver {
  @FieldResolver(() => Category)
  category(@Root() row: CategoryCount, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.category.load(row.categoryId);
  }
}

@Resolver(() => DepartmentCount)
export class DepartmentCountResolver {
  @FieldResolver(() => Department)
  department(@Root() row: DepartmentCount, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(row.departmentId);
  }
}
