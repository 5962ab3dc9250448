import type { NoteVisibility as Visibility } from '@hotline/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { NoteVisibility } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({ simpleResolvers: true, description: 'A note on a ticket: its NOTE_ADDED event.' })
export class TicketNote {
  @Field(() => ID, { description: 'The id of its NOTE_ADDED TicketEvent.' })
  id!: string;
  @Field(() => NoteVisibility)
  visibility!: Visibility;
  @Field(() => String)
  body!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
}
