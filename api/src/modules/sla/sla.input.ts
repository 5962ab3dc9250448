import type * as enums from '@hotline/schema';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { SlaClock, TicketPriority } from '../../graphql/enums.js';
import { DateScalar, DurationScalar } from '../../graphql/scalars.js';

@InputType()
export class TimeRangeInput {
  @Field(() => String)
  start!: string;
  @Field(() => String)
  end!: string;
}

@InputType()
export class BusinessCalendarInput {
  @Field(() => String)
  timezone!: string;
  @Field(() => [Int])
  workdays!: number[];
  @Field(() => [TimeRangeInput])
  hours!: TimeRangeInput[];
  @Field(() => [DateScalar])
  holidays!: string[];
  @Field(() => [DateScalar])
  extraWorkdays!: string[];
}

@InputType()
export class EscalationStepInput {
  @Field(() => Int)
  level!: number;
  @Field(() => DurationScalar)
  after!: string;
  @Field(() => ID, { nullable: true })
  notifyDepartmentId?: string | null;
}

@InputType()
export class SlaPolicyInput {
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
  @Field(() => [EscalationStepInput])
  escalation!: EscalationStepInput[];
}
