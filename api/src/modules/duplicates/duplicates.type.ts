import { Field, Float, ObjectType } from 'type-graphql';
import { Ticket } from '../tickets/tickets.type.js';

@ObjectType({ description: 'Another ticket that may be the same demand.' })
export class DuplicateCandidate {
  @Field(() => Ticket)
  ticket!: Ticket;
  @Field(() => Boolean, { description: 'Registered from the same caller phone.' })
  sameCaller!: boolean;
  @Field(() => Float, {
    description: 'Trigram similarity of title or description, 0..1 (the higher of the two).',
  })
  similarity!: number;
}
