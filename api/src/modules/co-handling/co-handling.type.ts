import type { CoHandlingStatus as Status } from '@hotline/schema';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CoHandlingStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({
  simpleResolvers: true,
  description:
    "A co-handling department's part in a case (协办): the lead keeps the case and resolves it once every co-handler replied (or a manager waived it).",
})
export class CoHandler {
  @Field(() => ID)
  id!: string;
  @Field(() => CoHandlingStatus)
  status!: Status;
  @Field(() => DateTimeScalar, { description: 'When the co-handling was requested (the dispatch).' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: "The co-handler's reply is due by then." })
  dueAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  repliedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The co-handler's part, replied to the lead." })
  reply!: string | null;
  @Field(() => Int, { description: 'Reminders sent to the co-handler (remindCoHandler).' })
  reminders!: number;
  @Field(() => DateTimeScalar, { nullable: true })
  lastRemindedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was WAIVED or CANCELLED.' })
  endedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "WAIVED: the manager's reason." })
  waiveReason!: string | null;
}
