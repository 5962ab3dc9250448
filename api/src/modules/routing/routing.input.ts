import type * as enums from '@hotline/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Channel, DemandType, TicketPriority } from '../../graphql/enums.js';
import { TicketDemandFields } from '../tickets/tickets.input.js';

@InputType()
export class RoutingConditionsInput {
  @Field(() => [String], { nullable: true })
  categoryCodes?: string[] | null;
  @Field(() => [String], { nullable: true })
  areaCodes?: string[] | null;
  @Field(() => [String], { nullable: true })
  keywords?: string[] | null;
  @Field(() => [DemandType], { nullable: true })
  demandTypes?: enums.DemandType[] | null;
  @Field(() => [Channel], { nullable: true })
  channels?: enums.Channel[] | null;
}

@InputType()
export class RoutingRuleInput {
  @Field(() => String)
  name!: string;
  @Field(() => Boolean, { nullable: true })
  enabled?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Defaults to after the last rule.' })
  position?: number | null;
  @Field(() => RoutingConditionsInput)
  conditions!: RoutingConditionsInput;
  @Field(() => ID)
  departmentId!: string;
  @Field(() => TicketPriority, { nullable: true })
  priority?: enums.TicketPriority | null;
}

@InputType()
export class RoutePreviewInput extends TicketDemandFields {}
