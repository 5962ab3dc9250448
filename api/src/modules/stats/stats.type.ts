import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({ simpleResolvers: true })
export class CategoryCount {
  categoryId!: string;
  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class DayCount {
  @Field(() => DateScalar)
  date!: string;
  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class DepartmentCount {
  departmentId!: string;
  @Field(() => Int)
  count!: number;
}

@ObjectType({ simpleResolvers: true })
export class HotlineStats {
  @Field(() => Int, { description: 'Tickets created in the range.' })
  received!: number;
  @Field(() => Int, { description: 'Of those, dispatched to a department at least once.' })
  dispatched!: number;
  @Field(() => Int, {
    description: 'Of those, resolved (status RESOLVED, or CLOSED as RESOLVED or ANSWERED_DIRECTLY).',
  })
  resolved!: number;
  @Field(() => Int, { description: 'Open tickets past their resolution deadline now.' })
  overdue!: number;
  @Field(() => Int, {
    description:
      'Of those, closed as OUT_OF_SCOPE (never dispatched, so never counted against a department).',
  })
  outOfScope!: number;
  @Field(() => Int, {
    description: 'Returns (RETURNED events) on those tickets; with departmentId, returns by that department.',
  })
  returned!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Dispatched tickets accepted by their accept deadline / dispatched tickets. Null when none.',
  })
  responseRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Resolved / (received minus those closed OUT_OF_SCOPE, DUPLICATE or WITHDRAWN). Null when none.',
  })
  resolutionRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '(SATISFIED + BASICALLY_SATISFIED) / feedback recorded. Null when none.',
  })
  satisfactionRate!: number | null;
  @Field(() => [CategoryCount], { description: 'Most frequent categories first (top-level categories).' })
  byCategory!: CategoryCount[];
  @Field(() => [DayCount], {
    description: "One entry per calendar day of the range, in the business calendar's timezone.",
  })
  byDay!: DayCount[];
  @Field(() => [DepartmentCount], {
    description: 'Misrouting: returns per department that sent tickets back, most first.',
  })
  returnsByDepartment!: DepartmentCount[];
  @Field(() => DateTimeScalar, {
    description:
      'How fresh the figures are: every change committed before this instant is counted (now, unless the daily roll-up is catching up, within seconds).',
  })
  asOf!: Date;
}
