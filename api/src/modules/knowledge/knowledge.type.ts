import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

@ObjectType({
  simpleResolvers: true,
  description: 'A knowledge base article: what an agent may tell a caller on the spot.',
})
export class KnowledgeArticle {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  body!: string;
  categoryId!: string | null;
  areaId!: string | null;
  ownerDepartmentId!: string | null;
  @Field(() => DateTimeScalar)
  validFrom!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Null: open-ended.' })
  validTo!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the owner must check it again.' })
  reviewAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true })
  retiredAt!: Date | null;
  @Field(() => Int, { description: 'Tickets answered directly from this article.' })
  usageCount!: number;
  @Field(() => Int, { description: 'Increases by one on every change; pass it back as expectedVersion.' })
  version!: number;
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType({ simpleResolvers: true })
export class KnowledgeArticlePage {
  @Field(() => Int)
  totalCount!: number;
  @Field(() => [KnowledgeArticle], {
    description: 'Most relevant first when searching, else last changed first.',
  })
  nodes!: KnowledgeArticle[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'An article that likely answers a demand being registered.',
})
export class ArticleSuggestion {
  @Field(() => KnowledgeArticle)
  article!: KnowledgeArticle;
  @Field(() => Float, { description: 'Relevance, 0..1.' })
  score!: number;
}

@ObjectType({ simpleResolvers: true, description: 'One audited change of a knowledge article.' })
export class KnowledgeArticleChange {
  @Field(() => ID)
  id!: string;
  @Field(() => String, { description: 'CREATED, UPDATED or RETIRED.' })
  action!: string;
  @Field(() => DateTimeScalar)
  at!: Date;
  actorId!: string | null;
  @Field(() => String, { nullable: true, description: 'The article before, as JSON; null for CREATED.' })
  before!: string | null;
  @Field(() => String, { nullable: true, description: 'The article after, as JSON.' })
  after!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'A reply template; {caller_name} {ticket_number} {department} {deadline} are filled from a ticket by renderCannedReply.',
})
export class CannedReply {
  @Field(() => ID)
  id!: string;
  @Field(() => String)
  title!: string;
  @Field(() => String)
  body!: string;
  departmentId!: string | null;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}
