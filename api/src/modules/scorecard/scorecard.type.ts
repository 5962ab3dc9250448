import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../graphql/scalars.js';
import { User } from '../users/users.type.js';

@ObjectType({
  simpleResolvers: true,
  description:
    "A department's figures over tickets created in a period and sent to it at least once (the definitions of `stats` with its departmentId). Each count is the totalCount of `tickets` with the filter the console links it to (docs/integration.md).",
})
export class DepartmentScorecard {
  @Field(() => Int, {
    description: 'Tickets created in the period and sent to the department at least once.',
  })
  volume!: number;
  @Field(() => Int, { description: 'Of those, dispatched (to any department) at least once.' })
  dispatched!: number;
  @Field(() => Int, { description: 'Dispatched and accepted by their accept deadline (current SLA cycle).' })
  acceptedOnTime!: number;
  @Field(() => Float, { nullable: true, description: 'On-time acceptance: acceptedOnTime / dispatched.' })
  responseRate!: number | null;
  @Field(() => Int, {
    description: 'Resolved (status RESOLVED, or CLOSED as RESOLVED or ANSWERED_DIRECTLY).',
  })
  resolved!: number;
  @Field(() => Int, { description: 'Closed OUT_OF_SCOPE, DUPLICATE or WITHDRAWN.' })
  excluded!: number;
  @Field(() => Float, { nullable: true, description: 'resolved / (volume - excluded).' })
  resolutionRate!: number | null;
  @Field(() => Int, { description: 'Resolved tickets that had a resolution deadline.' })
  resolvedWithDeadline!: number;
  @Field(() => Int, { description: 'Of those, resolved by the deadline.' })
  resolvedOnTime!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'On-time resolution: resolvedOnTime / resolvedWithDeadline.',
  })
  onTimeResolutionRate!: number | null;
  @Field(() => Int, { description: 'Feedback recorded.' })
  feedback!: number;
  @Field(() => Int, { description: 'SATISFIED or BASICALLY_SATISFIED.' })
  satisfied!: number;
  @Field(() => Float, { nullable: true, description: 'satisfied / feedback.' })
  satisfactionRate!: number | null;
  @Field(() => Int, { description: 'Reopened at least once (DISSATISFIED feedback): redone.' })
  reopened!: number;
  @Field(() => Float, { nullable: true, description: 'Reopen (redo) rate: reopened / feedback.' })
  reopenRate!: number | null;
  @Field(() => Int, { description: 'Tickets the department returned at least once.' })
  returnedTickets!: number;
  @Field(() => Int, { description: 'Returns (RETURNED events) the department made on them.' })
  returns!: number;
  @Field(() => Float, { nullable: true, description: 'returnedTickets / volume.' })
  returnRate!: number | null;
  @Field(() => Int, {
    description: 'Tickets supervised (督办/催办) at least once while the department was responsible.',
  })
  supervisedTickets!: number;
  @Field(() => Int, {
    description:
      'Tickets created in the period whose co-handling (协办) was requested of the department (its latest request on each counts; the case itself counts for its lead).',
  })
  coHandlingRequests!: number;
  @Field(() => Int, {
    description: 'Of those, waived by a manager or cancelled with the case (outside the on-time rate).',
  })
  coHandlingExcused!: number;
  @Field(() => Int, { description: 'Of those, replied by their reply deadline.' })
  coHandlingRepliedOnTime!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'coHandlingRepliedOnTime / (coHandlingRequests - coHandlingExcused); null without such requests. Not weighted into score.',
  })
  coHandlingOnTimeRate!: number | null;
  @Field(() => Int, {
    description:
      'Tickets on which a manager rejected the return request (派单异议) the department made: the department kept them.',
  })
  rejectedReturns!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      'Weighted mean of the rates that have data, 0..100 (reopen and return rates count as 1 - rate), with the weights of `scorecardWeights`. Null when no weighted rate has data.',
  })
  score!: number | null;
}

@ObjectType({
  simpleResolvers: true,
  description: "How much each rate weighs in a department's score (whole numbers 0..100).",
})
export class ScorecardWeights {
  @Field(() => Int)
  responseRate!: number;
  @Field(() => Int)
  resolutionRate!: number;
  @Field(() => Int)
  onTimeResolutionRate!: number;
  @Field(() => Int)
  satisfactionRate!: number;
  @Field(() => Int, { description: 'Counts as 1 - reopenRate.' })
  reopenRate!: number;
  @Field(() => Int, { description: 'Counts as 1 - returnRate.' })
  returnRate!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null while the defaults apply.' })
  updatedAt!: Date | null;
  updatedById!: string | null;
  @Field(() => User, { nullable: true })
  updatedBy?: User | null;
}

@InputType()
export class ScorecardWeightsInput {
  @Field(() => Int)
  responseRate!: number;
  @Field(() => Int)
  resolutionRate!: number;
  @Field(() => Int)
  onTimeResolutionRate!: number;
  @Field(() => Int)
  satisfactionRate!: number;
  @Field(() => Int)
  reopenRate!: number;
  @Field(() => Int)
  returnRate!: number;
}

@ObjectType({ simpleResolvers: true })
export class DepartmentRankingEntry {
  @Field(() => Int, { description: '1 = best score (ties: more tickets first, then by name).' })
  rank!: number;
  departmentId!: string;
  @Field(() => Int, {
    description: 'Running tickets with the department now and past their deadline (live).',
  })
  overdueNow!: number;
  @Field(() => DepartmentScorecard)
  current!: DepartmentScorecard;
  @Field(() => DepartmentScorecard, { description: 'The previous period of equal length.' })
  previous!: DepartmentScorecard;
  @Field(() => Float, { nullable: true, description: 'Score points against the previous period.' })
  scoreChange!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class DepartmentRanking {
  @Field(() => DateTimeScalar)
  from!: Date;
  @Field(() => DateTimeScalar)
  to!: Date;
  @Field(() => DateTimeScalar, { description: 'The previous period of equal length: [previousFrom, from).' })
  previousFrom!: Date;
  @Field(() => DateTimeScalar)
  previousTo!: Date;
  @Field(() => DateTimeScalar, { description: 'Every change committed before this instant is counted.' })
  asOf!: Date;
  @Field(() => ScorecardWeights)
  weights!: ScorecardWeights;
  @Field(() => [DepartmentRankingEntry])
  entries!: DepartmentRankingEntry[];
}

@ObjectType({ simpleResolvers: true })
export class DepartmentScorecardDay {
  @Field(() => DateScalar)
  date!: string;
  @Field(() => DepartmentScorecard, { description: 'Tickets created that day.' })
  scorecard!: DepartmentScorecard;
}

@ObjectType({ simpleResolvers: true })
export class DepartmentScorecardReport {
  departmentId!: string;
  @Field(() => DateTimeScalar)
  from!: Date;
  @Field(() => DateTimeScalar)
  to!: Date;
  @Field(() => DateTimeScalar)
  previousFrom!: Date;
  @Field(() => DateTimeScalar)
  previousTo!: Date;
  @Field(() => Int, {
    description: 'Running tickets with the department now and past their deadline (live).',
  })
  overdueNow!: number;
  @Field(() => DepartmentScorecard)
  current!: DepartmentScorecard;
  @Field(() => DepartmentScorecard, { description: 'The previous period of equal length.' })
  previous!: DepartmentScorecard;
  @Field(() => Float, { nullable: true })
  scoreChange!: number | null;
  @Field(() => [DepartmentScorecardDay], {
    description: "One per calendar day of the period, in the calendar's zone.",
  })
  byDay!: DepartmentScorecardDay[];
  @Field(() => DateTimeScalar)
  asOf!: Date;
}
