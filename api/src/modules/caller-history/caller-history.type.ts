import type { Satisfaction as SatisfactionValue } from '@hotline/schema';
import { Field, Int, ObjectType } from 'type-graphql';
import { Satisfaction } from '../../graphql/enums.js';
import { Ticket } from '../tickets/tickets.type.js';

@ObjectType({
  simpleResolvers: true,
  description:
    "A caller's tickets by phone number, as the viewer may know them: only tickets it sees with the phone in full.",
})
export class CallerHistory {
  @Field(() => Int, { description: 'How many (the ticket asked from excluded).' })
  count!: number;
  @Field(() => [Ticket], { description: 'The newest five, newest first.' })
  last!: Ticket[];
  @Field(() => Satisfaction, {
    nullable: true,
    description: "The caller's latest recorded satisfaction among them; null if none.",
  })
  lastSatisfaction!: SatisfactionValue | null;
}
