import type { TicketPriority as Priority } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { TicketPriority } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Category, Department } from '../departments/departments.type.js';
import { Ticket } from '../tickets/tickets.type.js';
import { computeSlaReport, listSlaBreaches } from './sla-report.service.js';
import {
  SlaBreach,
  SlaBreachPage,
  SlaCategoryFigures,
  SlaDepartmentFigures,
  SlaReport,
} from './sla-report.type.js';

@Resolver(() => SlaReport)
export class SlaReportResolver {
  @Query(() => SlaReport, {
    description:
      'SLA performance of tickets created in [from, to) (at most 366 days): % met, working time to accept and resolve, missed deadlines. ADMIN, MANAGER; a HANDLER only its own department.',
  })
  async slaReport(
    @Arg('from', () => DateTimeScalar) from: Date,
    @Arg('to', () => DateTimeScalar) to: Date,
    @Ctx() ctx: GraphQLContext,
    @Arg('departmentId', () => ID, { nullable: true, description: 'Only tickets whose cycle ran there.' })
    departmentId?: string,
    @Arg('priority', () => TicketPriority, { nullable: true }) priority?: Priority,
    @Arg('categoryId', () => ID, { nullable: true, description: 'A category and its descendants.' })
    categoryId?: string,
  ) {
    const report = await computeSlaReport(ctx, { from, to, departmentId, priority, categoryId });
    return { ...report, from, to };
  }

  @FieldResolver(() => SlaBreachPage)
  async breaches(
    @Root() report: SlaReport,
    @Ctx() ctx: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
  ) {
    return {
      totalCount: report.overall.acceptMissed + report.overall.resolveMissed,
      nodes: await listSlaBreaches(ctx, report.scope, { first, offset }),
    };
  }
}

@Resolver(() => SlaBreach)
export class SlaBreachResolver {
  @FieldResolver(() => Ticket)
  ticket(@Root() breach: SlaBreach, @Ctx() ctx: GraphQLContext) {
    // The report is scoped to the viewer's department, which ran the ticket's cycle: visible.
    return ctx.loaders.ticket.load(breach.ticketId);
  }

  @FieldResolver(() => Department, { nullable: true, description: 'The department that ran the cycle.' })
  department(@Root() breach: SlaBreach, @Ctx() ctx: GraphQLContext) {
    return breach.departmentId ? ctx.loaders.department.load(breach.departmentId) : null;
  }
}

@Resolver(() => SlaDepartmentFigures)
export class SlaDepartmentFiguresResolver {
  @FieldResolver(() => Department, { nullable: true })
  department(@Root() row: SlaDepartmentFigures, @Ctx() ctx: GraphQLContext) {
    return row.departmentId ? ctx.loaders.department.load(row.departmentId) : null;
  }
}

@Resolver(() => SlaCategoryFigures)
export class SlaCategoryFiguresResolver {
  @FieldResolver(() => Category, { nullable: true, description: 'Null: tickets without a category.' })
  category(@Root() row: SlaCategoryFigures, @Ctx() ctx: GraphQLContext) {
    return row.categoryId ? ctx.loaders.category.load(row.categoryId) : null;
  }
}
