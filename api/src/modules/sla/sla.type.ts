import type * as enums from '@hotline/schema';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SlaClock, TicketPriority } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { DateScalar, DurationScalar } from '../../graphql/scalars.js';

// Read (ObjectType) and written (InputType) alike: the input types extend or are these classes.

/** An escalation step as read and as written; the input names the department, the output resolves it. */
@ObjectType({ simpleResolvers: true })
@InputType()
export abstract class EscalationStepFields {
  @Field(() => Int)
  level!: number;
  @Field(() => DurationScalar, { description: "Time after the resolution deadline, on the policy's clock." })
  after!: string;
}

@ObjectType({ simpleResolvers: true })
export class EscalationStep extends EscalationStepFields {
  notifyDepartmentId!: string | null;
}

/** A policy as read and as written, but for its escalation steps (input and output types differ). */
@ObjectType({ simpleResolvers: true })
@InputType()
export abstract class SlaPolicyFields {
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
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class SlaPolicy extends SlaPolicyFields implements Node {
  @Field(() => ID)
  id!: string;
  @Field(() => [EscalationStep])
  escalation!: EscalationStep[];
}

@ObjectType({ simpleResolvers: true })
@InputType('TimeRangeInput')
export class TimeRange {
  @Field(() => String, { description: 'Local time, HH:MM.' })
  start!: string;
  @Field(() => String, { description: 'Local time, HH:MM.' })
  end!: string;
}

@ObjectType({ simpleResolvers: true })
@InputType('BusinessCalendarInput')
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
