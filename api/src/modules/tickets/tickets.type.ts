import type * as enums from '@hotline/schema';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import {
  Channel,
  CloseReason,
  DemandType,
  Satisfaction,
  TicketEventType,
  TicketPriority,
  TicketStatus,
} from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { FeedbackChannel } from '../citizen/citizen.enums.js';
import type { TicketCount } from './tickets.query.js';

@ObjectType({ simpleResolvers: true })
export class Caller {
  @Field(() => String, { nullable: true })
  name!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Masked (e.g. 138****5678) unless the viewer may see personal data of this ticket.',
  })
  phone!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'A point in WGS-84 degrees (the GPS datum).' })
export class Location {
  @Field(() => Float)
  lat!: number;
  @Field(() => Float)
  lng!: number;
}

@ObjectType({ simpleResolvers: true })
export class Feedback {
  @Field(() => Satisfaction)
  satisfaction!: enums.Satisfaction;
  @Field(() => String, { nullable: true })
  comment!: string | null;
  @Field(() => DateTimeScalar)
  recordedAt!: Date;
  @Field(() => FeedbackChannel, { description: "How it came: an agent's callback or the caller's link." })
  channel!: 'CALLBACK' | 'SELF_SERVICE';
}

@ObjectType({ simpleResolvers: true })
export class TicketSla {
  slaPolicyId!: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  acceptDueAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  dueAt!: Date | null;
  @Field(() => Boolean)
  paused!: boolean;
  @Field(() => Boolean)
  breached!: boolean;
  @Field(() => Int)
  escalationLevel!: number;
}

/** Fields map one to one onto the tickets row; the rest are field resolvers. */
@ObjectType({ simpleResolvers: true, implements: Node })
export class Ticket extends Node {
  @Field(() => String, { description: 'Human-facing work-order number, unique.' })
  number!: string;
  @Field(() => TicketStatus)
  status!: enums.TicketStatus;
  @Field(() => TicketPriority)
  priority!: enums.TicketPriority;
  @Field(() => DemandType)
  demandType!: enums.DemandType;
  @Field(() => Channel)
  channel!: enums.Channel;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  description!: string;
  @Field(() => String, { nullable: true })
  address!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'A link to a photo or other media the reporter gave; never downloaded by the hotline.',
  })
  mediaUrl!: string | null;
  @Field(() => String, { nullable: true, description: "The submitting system's own reference." })
  externalRef!: string | null;
  @Field(() => Int, { description: 'Increases by one on every change; pass it back as expectedVersion.' })
  version!: number;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
  @Field(() => String, { nullable: true, description: 'The outcome as told to the caller.' })
  reply!: string | null;
  @Field(() => CloseReason, { nullable: true })
  closeReason!: enums.CloseReason | null;
  @Field(() => Int, {
    description: 'Returns since the last reassignment; two flag the ticket for a manager.',
  })
  returnCount!: number;
  @Field(() => Boolean, { description: 'Returned twice: a manager must reassign it.' })
  needsManager!: boolean;
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class TicketEvent extends Node {
  @Field(() => TicketEventType)
  type!: enums.TicketEventType;
  @Field(() => DateTimeScalar)
  at!: Date;
  @Field(() => TicketStatus, { nullable: true })
  fromStatus!: enums.TicketStatus | null;
  @Field(() => TicketStatus, { nullable: true })
  toStatus!: enums.TicketStatus | null;
  @Field(() => String, { nullable: true })
  note!: string | null;
  @Field(() => Int, { nullable: true, description: 'Escalation level, for ESCALATED events.' })
  level!: number | null;
}

@ObjectType({ simpleResolvers: true })
export class TicketConnection extends Connection(Ticket) {
  /** Runs the count only when the client asks for totalCount or totalCountIsExact (once for both). */
  count!: () => Promise<TicketCount>;
}

@ObjectType({ simpleResolvers: true })
export class TicketEventConnection extends Connection(TicketEvent) {}
