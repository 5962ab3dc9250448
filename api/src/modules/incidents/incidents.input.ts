import { Field, ID, InputType, Int } from 'type-graphql';

@InputType()
export class LinkToIncidentInput {
  @Field(() => ID, {
    description: "The caller's ticket to link (open: NEW, DISPATCHED, IN_PROGRESS, ON_HOLD, RETURNED).",
  })
  ticketId!: string;
  @Field(() => ID, { description: 'The parent incident: an open ticket that is no child itself.' })
  parentTicketId!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters); in both events.' })
  reason?: string | null;
  @Field(() => Int, { nullable: true, description: "The child ticket's version the caller last saw." })
  expectedVersion?: number | null;
}

@InputType()
export class UnlinkFromIncidentInput {
  @Field(() => ID, { description: 'A LINKED ticket.' })
  ticketId!: string;
  @Field(() => String, { nullable: true, description: 'Why (at most 2,000 characters); in both events.' })
  reason?: string | null;
  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;
}
