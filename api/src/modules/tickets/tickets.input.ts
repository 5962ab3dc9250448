import type * as enums from '@hotline/schema';
import type { CallerLanguage as CallerLanguageValue } from '@hotline/schema';
import { Field, Float, ID, InputType } from 'type-graphql';
import type { CoordinateSystem as CoordinateSystemValue } from '../../domain/location.js';
import {
  Channel,
  CoordinateSystem,
  DemandType,
  OrderDirection,
  Satisfaction,
  TicketOrderField,
  TicketPriority,
  TicketStatus,
} from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { CallerLanguage } from '../citizen/citizen.enums.js';
import type { TicketOrderField as TicketOrderFieldValue } from './tickets.query.js';

@InputType({ description: 'A map area in degrees: south <= north, west <= east.' })
export class BoundingBoxInput {
  @Field(() => Float, { description: 'Southern edge, latitude -90..90.' })
  south!: number;
  @Field(() => Float, { description: 'Western edge, longitude -180..180.' })
  west!: number;
  @Field(() => Float, { description: 'Northern edge, latitude -90..90.' })
  north!: number;
  @Field(() => Float, {
    description: 'Eastern edge, longitude -180..180 (an area across the antimeridian is two queries).',
  })
  east!: number;
  @Field(() => CoordinateSystem, {
    nullable: true,
    description: 'Default WGS84. A GCJ02 area is searched as the WGS-84 area around its converted corners.',
  })
  system?: CoordinateSystemValue | null;
}

@InputType({
  description: 'A circle: tickets whose point lies within radiusMeters of lat/lng (great-circle distance).',
})
export class NearInput {
  @Field(() => Float, { description: 'Latitude, -90..90.' })
  lat!: number;
  @Field(() => Float, { description: 'Longitude, -180..180.' })
  lng!: number;
  @Field(() => Float, { description: 'More than 0, at most 50,000 (50 km).' })
  radiusMeters!: number;
  @Field(() => CoordinateSystem, { nullable: true, description: 'Default WGS84.' })
  system?: CoordinateSystemValue | null;
}

@InputType()
export class TicketFilter {
  @Field(() => [TicketStatus], { nullable: true })
  status?: enums.TicketStatus[] | null;
  @Field(() => [TicketPriority], { nullable: true })
  priority?: enums.TicketPriority[] | null;
  @Field(() => ID, { nullable: true })
  departmentId?: string | null;
  @Field(() => ID, { nullable: true })
  assigneeId?: string | null;
  @Field(() => String, { nullable: true })
  categoryCode?: string | null;
  @Field(() => String, { nullable: true })
  areaCode?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Open and past the resolution deadline.' })
  overdue?: boolean | null;
  @Field(() => DateTimeScalar, { nullable: true })
  createdAfter?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  createdBefore?: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      "Free text over number, title, description and address. A whole phone number (spaces, dashes, +86 allowed) finds its caller's tickets, among those where the viewer sees the phone in full.",
  })
  search?: string | null;
  @Field(() => String, { nullable: true })
  externalRef?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Escalated at least once in the current SLA cycle (or not).',
  })
  escalated?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Returned twice and waiting for a manager (or not).' })
  needsManager?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Sent to this department at least once (the tickets of its stats and scorecard).',
  })
  dispatchedToDepartmentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Returned by this department at least once.' })
  returnedByDepartmentId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Dispatched to a department at least once (or never).',
  })
  dispatched?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Dispatched and accepted by the accept deadline of its SLA cycle (or not).',
  })
  acceptedOnTime?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Resolved: status RESOLVED, or CLOSED as RESOLVED or ANSWERED_DIRECTLY (or not).',
  })
  resolved?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Resolved with a resolution deadline: true, by the deadline; false, after it (tickets without either are in neither).',
  })
  resolvedOnTime?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Reopened at least once by DISSATISFIED feedback (or never).',
  })
  reopened?: boolean | null;
  @Field(() => [Satisfaction], { nullable: true, description: 'Feedback recorded, any of these.' })
  satisfaction?: enums.Satisfaction[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Supervised (督办/催办) at least once (or never).' })
  supervised?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Supervised while this department was responsible (the supervisedTickets of its scorecard).',
  })
  supervisedDepartmentId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'A return request (派单异议) of this department was rejected by a manager (the rejectedReturns of its scorecard).',
  })
  returnRejectedDepartmentId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "A supervision waits for the department's reply past its deadline now (or not).",
  })
  supervisionOverdue?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Co-handled (协办) at least once (or never): for a HANDLER or an INTEGRATION client, by its own department (its co-handling cases); for others, by any department.',
  })
  coHandling?: boolean | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Co-handling was requested of this department at least once (the coHandlingRequests of its scorecard).',
  })
  coHandlingDepartmentId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The callers linked to this parent incident (多诉一案), waiting or followed its resolution.',
  })
  incidentId?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Linked to a parent incident (a caller's ticket of 多诉一案), or not.",
  })
  isIncidentChild?: boolean | null;
  @Field(() => BoundingBoxInput, {
    nullable: true,
    description: 'The ticket has a location inside this map area (edges included).',
  })
  within?: BoundingBoxInput | null;
  @Field(() => NearInput, { nullable: true, description: 'The ticket has a location within this circle.' })
  near?: NearInput | null;
}

@InputType()
export class TicketOrder {
  @Field(() => TicketOrderField)
  field!: TicketOrderFieldValue;
  @Field(() => OrderDirection)
  direction!: 'ASC' | 'DESC';
}

/** What the routing rules read of a demand: registering a ticket and previewing its route alike. */
@InputType()
export abstract class TicketDemandFields {
  @Field(() => String)
  title!: string;
  @Field(() => String)
  description!: string;
  @Field(() => DemandType)
  demandType!: enums.DemandType;
  @Field(() => Channel, { nullable: true })
  channel?: enums.Channel | null;
  @Field(() => String, { nullable: true })
  categoryCode?: string | null;
  @Field(() => String, { nullable: true })
  areaCode?: string | null;
}

@InputType({ description: 'A point in degrees, WGS-84 (the GPS datum) unless `system` says GCJ02.' })
export class LocationInput {
  @Field(() => Float, { description: 'Latitude, -90..90.' })
  lat!: number;
  @Field(() => Float, { description: 'Longitude, -180..180.' })
  lng!: number;
  @Field(() => CoordinateSystem, {
    nullable: true,
    description:
      'Default WGS84. GCJ02 points (Chinese map SDKs) are converted to WGS-84 before they are stored.',
  })
  system?: CoordinateSystemValue | null;
}

@InputType()
export class CreateTicketInput extends TicketDemandFields {
  @Field(() => TicketPriority, {
    nullable: true,
    description: 'Defaults to the routing decision, else ORDINARY.',
  })
  priority?: enums.TicketPriority | null;
  @Field(() => String, { nullable: true })
  address?: string | null;
  @Field(() => LocationInput, {
    nullable: true,
    description: 'Where the demand is; kept to 6 decimal places (about 10 cm).',
  })
  location?: LocationInput | null;
  @Field(() => String, {
    nullable: true,
    description:
      'An http(s) link to a photo or other media; stored, never downloaded. At most 2,000 characters.',
  })
  mediaUrl?: string | null;
  @Field(() => String, { nullable: true })
  callerName?: string | null;
  @Field(() => String, { nullable: true })
  callerPhone?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The caller's e-mail, for notifications (never returned, never logged).",
  })
  callerEmail?: string | null;
  @Field(() => CallerLanguage, { nullable: true, description: 'Default ZH_CN.' })
  callerLanguage?: CallerLanguageValue | null;
  @Field(() => String, { nullable: true })
  externalRef?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Same key from the same client returns the same ticket; with a different payload CONFLICT.',
  })
  idempotencyKey?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Route and dispatch at once when a rule matches. Default true.',
  })
  autoDispatch?: boolean | null;
  @Field(() => [ID], {
    nullable: true,
    description:
      'Co-handling departments (协办) of the dispatch a routing rule makes at once, as on dispatchTicket. BAD_USER_INPUT (reason NOT_DISPATCHED_AT_ONCE) when the ticket is not dispatched at once: dispatch it with them then.',
  })
  coHandlingDepartmentIds?: string[] | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the co-handlers' replies are due (default: half way to the resolution deadline).",
  })
  coHandlingDueAt?: Date | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The caller was answered on the spot from this knowledge article (in force now): the ticket is created CLOSED as ANSWERED_DIRECTLY, not dispatched, and the usage count of the article rises. AGENT, MANAGER, ADMIN.',
  })
  answeredFromArticleId?: string | null;
}
