import type { TicketPriority as Priority } from '@hotline/schema';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TicketPriority } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import type { SlaBreachCause as Cause, SlaReportScope } from './sla-report.service.js';

export const SlaDeadline = { ACCEPTANCE: 'ACCEPTANCE', RESOLUTION: 'RESOLUTION' } as const;
export const SlaBreachCause: { [K in Cause]: K } = {
  ACCEPTED_LATE: 'ACCEPTED_LATE',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  RESOLVED_LATE: 'RESOLVED_LATE',
  EXTENSION_REFUSED: 'EXTENSION_REFUSED',
  LATE_AFTER_EXTENSION: 'LATE_AFTER_EXTENSION',
  RETURNED_LATE: 'RETURNED_LATE',
  CLOSED_LATE: 'CLOSED_LATE',
  OPEN_PAST_DUE: 'OPEN_PAST_DUE',
};

registerEnumType(SlaDeadline, { name: 'SlaDeadline', description: 'Which deadline of an SLA cycle.' });
registerEnumType(SlaBreachCause, {
  name: 'SlaBreachCause',
  description: 'Why a deadline was missed, derived from the ticket and its extension requests.',
  valuesConfig: {
    ACCEPTED_LATE: { description: 'Accepted after the acceptance deadline.' },
    NOT_ACCEPTED: { description: 'Still waiting for acceptance past its deadline.' },
    RESOLVED_LATE: { description: 'Resolved after the resolution deadline.' },
    EXTENSION_REFUSED: { description: 'The department asked for more time in this cycle and was refused.' },
    LATE_AFTER_EXTENSION: {
      description: 'An extension was granted in this cycle and the deadline was still missed.',
    },
    RETURNED_LATE: { description: 'Returned to the hotline after the deadline had passed.' },
    CLOSED_LATE: { description: 'Closed (withdrawn) after the deadline had passed, without the work done.' },
    OPEN_PAST_DUE: { description: 'Still open (running or on hold) past the deadline.' },
  },
});

@ObjectType({
  simpleResolvers: true,
  description: 'SLA figures of a set of tickets; times are working time on the business calendar.',
})
export class SlaFigures {
  @Field(() => Int, { description: 'Tickets created in the range that had an SLA clock (were dispatched).' })
  tickets!: number;
  @Field(() => Int, { description: 'Accepted by the acceptance deadline.' })
  acceptMet!: number;
  @Field(() => Int, { description: 'Accepted late, or not accepted by a deadline that has passed.' })
  acceptMissed!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'acceptMet / (acceptMet + acceptMissed); null when none.',
  })
  acceptRate!: number | null;
  @Field(() => Int, { description: 'Resolved by the resolution deadline.' })
  resolveMet!: number;
  @Field(() => Int, { description: 'Past the resolution deadline (resolved late or not at all).' })
  resolveMissed!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'resolveMet / (resolveMet + resolveMissed); null when none.',
  })
  resolveRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Average working minutes from dispatch to acceptance.' })
  avgAcceptMinutes!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of the working minutes to acceptance.',
  })
  p90AcceptMinutes!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Average working minutes from dispatch to resolution, hold time excluded.',
  })
  avgResolveMinutes!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '90th percentile of the working minutes to resolution.',
  })
  p90ResolveMinutes!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class SlaPriorityFigures extends SlaFigures {
  @Field(() => TicketPriority)
  priority!: Priority;
}

@ObjectType({ simpleResolvers: true })
export class SlaDepartmentFigures extends SlaFigures {
  departmentId!: string | null;
}

@ObjectType({ simpleResolvers: true })
export class SlaCategoryFigures extends SlaFigures {
  categoryId!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A missed deadline.' })
export class SlaBreach {
  ticketId!: string;
  departmentId!: string | null;
  @Field(() => TicketPriority)
  priority!: Priority;
  @Field(() => SlaDeadline)
  deadline!: keyof typeof SlaDeadline;
  @Field(() => DateTimeScalar, { description: 'The deadline that was missed.' })
  dueAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was accepted or resolved, if ever.' })
  metAt!: Date | null;
  @Field(() => SlaBreachCause)
  cause!: Cause;
  @Field(() => Float, {
    description: 'Minutes from the deadline to when the work was done, the clock stopped, or now.',
  })
  lateByMinutes!: number;
  @Field(() => Float, { description: 'The same in working minutes of the business calendar.' })
  lateByWorkingMinutes!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'SLA performance of the tickets created in [from, to) that were dispatched, each judged on its current SLA cycle.',
})
export class SlaReport {
  scope!: SlaReportScope;
  @Field(() => DateTimeScalar)
  from!: Date;
  @Field(() => DateTimeScalar)
  to!: Date;
  @Field(() => SlaFigures)
  overall!: SlaFigures;
  @Field(() => [SlaPriorityFigures])
  byPriority!: SlaPriorityFigures[];
  @Field(() => [SlaDepartmentFigures], { description: 'Most misses first.' })
  byDepartment!: SlaDepartmentFigures[];
  @Field(() => [SlaCategoryFigures], { description: 'Top-level categories, most misses first.' })
  byCategory!: SlaCategoryFigures[];
}

@ObjectType({
  simpleResolvers: true,
  description: "A page of the report's missed deadlines, latest deadline first.",
})
export class SlaBreachPage {
  @Field(() => Int, { description: 'Missed deadlines in the whole report (acceptMissed + resolveMissed).' })
  totalCount!: number;
  @Field(() => [SlaBreach])
  nodes!: SlaBreach[];
}
