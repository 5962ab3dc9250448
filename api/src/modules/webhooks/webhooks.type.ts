import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { Node } from '../../graphql/node.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

/** A subscription as read (Webhook) and as written (WebhookInput). */
@ObjectType({ simpleResolvers: true })
@InputType()
export abstract class WebhookFields {
  @Field(() => String)
  url!: string;
  @Field(() => [String], {
    description: 'Event names such as ticket.created, ticket.escalated; ["*"] for all.',
  })
  events!: string[];
}

@ObjectType({ simpleResolvers: true, implements: Node })
export class Webhook extends WebhookFields implements Node {
  @Field(() => ID)
  id!: string;
  @Field(() => Boolean)
  active!: boolean;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDelivery {
  @Field(() => ID, { description: 'The webhook-id header: one per event, the same on every attempt.' })
  id!: string;
  @Field(() => String)
  eventType!: string;
  @Field(() => Int)
  attempts!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'HTTP status of the last attempt; null when it got no answer.',
  })
  lastStatus!: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Why the last attempt got no answer (unreachable, timeout, refused address, a secret the server cannot decrypt); null otherwise.',
  })
  lastError!: string | null;
  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Set once a 2xx answer was received.' })
  deliveredAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null when delivered or given up.' })
  nextAttemptAt!: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class WebhookDeliveryConnection extends Connection(WebhookDelivery) {}

@ObjectType({ simpleResolvers: true })
export class WebhookCreated {
  @Field(() => Webhook)
  webhook!: Webhook;
  @Field(() => String, { description: 'Shown once; signs every delivery.' })
  secret!: string;
}
