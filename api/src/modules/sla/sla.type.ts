import type * as enums from '@hotline/schema';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SlaClock, TicketPriority } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { DateScalar, DurationScalar } from '../../graphql/scalars.js';

@ObjectType()
export class EscalationStep {
  @Field(() => Int)
  level!: number;
  @Field(() => DurationScalar, { description: "Time after the resolution deadline, on the policy's clock." })
  after!: string;
  notifyDepartmentId!: string | null;
}

@ObjectType({ implements: Node })
export class SlaPolicy extends Node {
  @Field(() => String)
  name!: string;
  @Field(() => TicketPriority)
  priority!: enums.TicketPriority;
  @Field(() => SlaClock)
  clock!: enums.SlaClock;
  @Field(() => DurationScalar)
  acceptWithin!: string;
  @Field(() => DurationScalar)
  resolveWithin!: string;
  @Field(() => [Float])
  remindAt!: number[];
  @Field(() => [EscalationStep])
  escalation!: EscalationStep[];
}

@ObjectType()
export class TimeRange {
  @Field(() => String, { description: 'Local time, HH:MM.' })
  start!: string;
  @Field(() => String, { description: 'Local time, HH:MM.' })
  end!: string;
}

@ObjectType()
export class BusinessCalendar {
  @Field(() => String)
  timezone!: string;
  @Field(() => [Int])
  workdays!: number[];
  @Field(() => [TimeRange])
  hours!: TimeRange[];
  @Field(() => [DateScalar])
  holidays!: string[];
  @Field(() => [DateScalar])
  extraWorkdays!: string[];
}
