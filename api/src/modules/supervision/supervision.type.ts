import type { SupervisionLevel as Level, SupervisionStatus as Status } from '@hotline/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { SupervisionLevel, SupervisionStatus } from '../../graphql/enums.js';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({
  simpleResolvers: true,
  description: "A manager's supervision of a case (督办/催办) and the responsible department's reply.",
})
export class Supervision {
  @Field(() => ID)
  id!: string;
  @Field(() => SupervisionLevel)
  level!: Level;
  @Field(() => SupervisionStatus)
  status!: Status;
  @Field(() => String, { description: "The manager's instruction to the department." })
  note!: string;
  @Field(() => DateTimeScalar, { description: 'When the manager supervised the case.' })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: "The department's reply is due by then." })
  dueAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the department replied (or resolved).' })
  repliedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "The department's reply; for a case resolved meanwhile, the reply to the caller.",
  })
  reply!: string | null;
}
