import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/viewer.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Department } from '../departments/departments.type.js';
import { User } from '../users/users.type.js';
import { departmentScorecard, rankDepartments } from './scorecard.service.js';
import {
  DepartmentRanking,
  DepartmentRankingEntry,
  DepartmentScorecardReport,
  ScorecardWeights,
  ScorecardWeightsInput,
} from './scorecard.type.js';
import { getScorecardWeights, setScorecardWeights } from './scorecard-weights.js';

@Resolver(() => DepartmentRanking)
export class ScorecardResolver {
  @Query(() => DepartmentRanking, {
    description:
      'Every department ranked by its weighted score over tickets created in [from, to) (at most 366 days), beside the previous period of equal length. Read from the daily roll-up. ADMIN, MANAGER.',
  })
  departmentRanking(
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Ctx() ctx: GraphQLContext,
  ) {
    return rankDepartments(ctx, { from, to });
  }

  @Query(() => DepartmentScorecardReport, {
    description:
      "One department's scorecard over tickets created in [from, to), the previous period and one scorecard per day. ADMIN, MANAGER; a HANDLER its own department.",
  })
  departmentScorecard(
    @Arg('departmentId', () => ID) departmentId: string,
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Ctx() ctx: GraphQLContext,
  ) {
    return departmentScorecard(ctx, { departmentId, from, to });
  }

  @Query(() => ScorecardWeights, { description: "The weights of a department's score. ADMIN, MANAGER." })
  scorecardWeights(@Ctx() ctx: GraphQLContext) {
    requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
    return getScorecardWeights(ctx.db);
  }

  @Mutation(() => ScorecardWeights, {
    description:
      'Sets the weights of the department score (whole numbers 0..100, one above 0); audited. MANAGER, ADMIN.',
  })
  setScorecardWeights(
    @Arg('input', () => ScorecardWeightsInput) input: ScorecardWeightsInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return setScorecardWeights(ctx, input);
  }
}

@Resolver(() => DepartmentRankingEntry)
export class DepartmentRankingEntryResolver {
  @FieldResolver(() => Department)
  department(@Root() entry: DepartmentRankingEntry, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(entry.departmentId);
  }
}

@Resolver(() => DepartmentScorecardReport)
export class DepartmentScorecardReportResolver {
  @FieldResolver(() => Department)
  department(@Root() report: DepartmentScorecardReport, @Ctx() ctx: GraphQLContext) {
    return ctx.loaders.department.load(report.departmentId);
  }
}

@Resolver(() => ScorecardWeights)
export class ScorecardWeightsResolver {
  @FieldResolver(() => User, { nullable: true })
  updatedBy(@Root() weights: ScorecardWeights, @Ctx() ctx: GraphQLContext) {
    return weights.updatedById ? ctx.loaders.user.load(weights.updatedById) : null;
  }
}
