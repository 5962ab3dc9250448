import { Field, ID, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@InputType()
export class KnowledgeArticleInput {
  @Field(() => String)
  title!: string;
  @Field(() => String)
  body!: string;
  @Field(() => ID, { nullable: true })
  categoryId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Null: the whole district.' })
  areaId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: "Null: the hotline centre's. A HANDLER's articles are always its department's.",
  })
  ownerDepartmentId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Default: now.' })
  validFrom?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null: open-ended.' })
  validTo?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  reviewAt?: Date | null;
}

@InputType()
export class CannedReplyInput {
  @Field(() => String)
  title!: string;
  @Field(() => String, { description: 'Text with {caller_name} {ticket_number} {department} {deadline}.' })
  body!: string;
  @Field(() => ID, {
    nullable: true,
    description: "Null: the centre's (MANAGER, ADMIN). A HANDLER's replies are its department's.",
  })
  departmentId?: string | null;
}
