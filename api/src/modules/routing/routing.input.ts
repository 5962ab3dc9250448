import type * as enums from '@hotline/schema';
import { Field, ID, InputType, Int } from 'type-graphql';
import { Channel, DemandType, TicketPriority } from '../../graphql/enums.js';

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
export class RoutePreviewInput {
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
