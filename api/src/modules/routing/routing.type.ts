import type * as enums from '@hotline/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { Channel, DemandType, TicketPriority } from '../../graphql/enums.js';
import { Node } from '../../graphql/node.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ScopeAdvice } from '../scope/scope.type.js';

@ObjectType({ simpleResolvers: true })
export class RoutingConditions {
  @Field(() => [String], { description: 'Empty means any. Within a list: any of; across lists: all of.' })
  categoryCodes!: string[];
  @Field(() => [String])
  areaCodes!: string[];
  @Field(() => [String], { description: 'Case-insensitive substrings of title or description.' })
  keywords!: string[];
  @Field(() => [DemandType])
  demandTypes!: enums.DemandType[];
  @Field(() => [Channel])
  channels!: enums.Channel[];
}

/** A rule's settings, as it is now (RoutingRule) and as it was (RoutingRuleSnapshot). */
@ObjectType({ simpleResolvers: true })
export abstract class RoutingRuleFields {
  @Field(() => String)
  name!: string;
  @Field(() => Int, { description: 'Rules are tried in ascending position; the first enabled match wins.' })
  position!: number;
  @Field(() => Boolean)
  enabled!: boolean;
  @Field(() => RoutingConditions)
  conditions!: RoutingConditions;
  @Field(() => TicketPriority, { nullable: true, description: "Overrides the ticket's priority when set." })
  priority!: enums.TicketPriority | null;
  departmentId!: string;
}

/** Maps onto a routing_rules row; `department` is a field resolver. */
@ObjectType({ simpleResolvers: true, implements: Node })
export class RoutingRule extends RoutingRuleFields implements Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ simpleResolvers: true })
export class RouteDecision {
  @Field(() => RoutingRule, {
    nullable: true,
    description: 'Null when no rule matches: the ticket waits in NEW for manual dispatch.',
  })
  rule!: RoutingRule | null;
  departmentId!: string | null;
  @Field(() => TicketPriority)
  priority!: enums.TicketPriority;
  @Field(() => ScopeAdvice, {
    nullable: true,
    description: 'Set when the demand looks out of the hotline scope: the agent decides whether to close it.',
  })
  scopeAdvice!: ScopeAdvice | null;
}

/** A rule as it was before or after a change (audit). */
@ObjectType({ simpleResolvers: true })
export class RoutingRuleSnapshot extends RoutingRuleFields {}

@ObjectType({ simpleResolvers: true, description: 'One audited change of the routing configuration.' })
export class RoutingRuleChange {
  @Field(() => ID)
  id!: string;
  @Field(() => ID, { nullable: true, description: 'The rule changed (it may since have been deleted).' })
  ruleId!: string | null;
  @Field(() => String, { description: 'CREATED, UPDATED, DELETED or REORDERED.' })
  action!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
  actorId!: string | null;
  @Field(() => RoutingRuleSnapshot, { nullable: true, description: 'Null for CREATED.' })
  before!: RoutingRuleSnapshot | null;
  @Field(() => RoutingRuleSnapshot, { nullable: true, description: 'Null for DELETED.' })
  after!: RoutingRuleSnapshot | null;
}

@ObjectType({ simpleResolvers: true })
export class RoutingRuleChangeConnection extends Connection(RoutingRuleChange) {}
