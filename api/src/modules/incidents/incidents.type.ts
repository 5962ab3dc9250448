import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({
  simpleResolvers: true,
  description:
    'The callers (child tickets) linked to a parent incident (多诉一案): counts of all of them, and the tickets the viewer may see.',
})
export class IncidentChildren {
  /** The parent ticket's id, for the `tickets` field. */
  parentId!: string;
  @Field(() => Int, { description: 'Every caller ever linked and not unlinked, waiting or followed.' })
  totalCount!: number;
  @Field(() => Int, { description: "Callers still LINKED, waiting for the parent's resolution." })
  waitingCount!: number;
}
