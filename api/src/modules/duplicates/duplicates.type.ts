import { Field, Float, ObjectType } from 'type-graphql';
import { Ticket } from '../tickets/tickets.type.js';

@ObjectType({ simpleResolvers: true, description: 'Another ticket that may be the same demand.' })
export class DuplicateCandidate {
  @Field(() => Ticket)
  ticket!: Ticket;
  @Field(() => Boolean, { description: 'Registered from the same caller phone.' })
  sameCaller!: boolean;
  @Field(() => Float, {
    description: 'Trigram similarity of title or description, 0..1 (the higher of the two).',
  })
  similarity!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Metres between the two tickets' points (great-circle), when both have one. Tickets of the same category within 200 m and 7 days are proposed whatever their text.",
  })
  distanceMeters!: number | null;
}
