import type { KnowledgeArticleRow, TicketRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Area, Category, Department } from '../departments/departments.type.js';
import { Ticket } from '../tickets/tickets.type.js';
import { User } from '../users/users.type.js';
import { KnowledgeArticleInput } from './knowledge.input.js';
import {
  createKnowledgeArticle,
  getKnowledgeArticle,
  listKnowledgeArticles,
  listKnowledgeChanges,
  mayEditArticle,
  retireKnowledgeArticle,
  suggestArticles,
  updateKnowledgeArticle,
} from './knowledge.service.js';
import {
  ArticleSuggestion,
  KnowledgeArticle,
  KnowledgeArticleChange,
  KnowledgeArticlePage,
} from './knowledge.type.js';

@Resolver(() => KnowledgeArticle)
export class KnowledgeArticleResolver {
  @Query(() => KnowledgeArticlePage, {
    description:
      'The knowledge base, for every signed-in role. `search`: Chinese free text, ranked by relevance (character bigrams weighted by rarity, title first). `categoryId`, `areaId` include those below; `validAt`: only articles in force then.',
  })
  knowledgeArticles(
    @Ctx() ctx: GraphQLContext,
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId?: string,
    @Arg('areaId', () => ID, { nullable: true }) areaId?: string,
    @Arg('validAt', () => DateTimeScalar, { nullable: true }) validAt?: Date,
    @Arg('ownerDepartmentId', () => ID, { nullable: true }) ownerDepartmentId?: string,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first = 20,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset = 0,
  ) {
    return listKnowledgeArticles(ctx, {
      search,
      categoryId,
      areaId,
      validAt,
      ownerDepartmentId,
      first,
      offset,
    });
  }

  @Query(() => KnowledgeArticle, { nullable: true })
  knowledgeArticle(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getKnowledgeArticle(ctx, id);
  }

  @Query(() => [ArticleSuggestion], {
    description:
      "Articles in force that likely answer a demand being registered, best first: from its text (title and description), favouring the ticket's category, leaving out other areas' articles.",
  })
  suggestArticles(
    @Arg('text', () => String) text: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('categoryId', () => ID, { nullable: true }) categoryId?: string,
    @Arg('areaId', () => ID, { nullable: true }) areaId?: string,
    @Arg('first', () => Int, { defaultValue: 5, description: 'At most 20.' }) first = 5,
  ) {
    return suggestArticles(ctx, { text, categoryId, areaId, first });
  }

  @Mutation(() => KnowledgeArticle, {
    description: "MANAGER, ADMIN; a HANDLER for its own department (the article's owner).",
  })
  createKnowledgeArticle(
    @Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createKnowledgeArticle(ctx, input);
  }

  @Mutation(() => KnowledgeArticle, { description: 'MANAGER, ADMIN; a HANDLER of the owning department.' })
  updateKnowledgeArticle(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => KnowledgeArticleInput) input: KnowledgeArticleInput,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return updateKnowledgeArticle(ctx, id, input, expectedVersion);
  }

  @Mutation(() => KnowledgeArticle, {
    description: 'Ends the validity now: no longer suggested, kept with its history. Editors as for update.',
  })
  retireKnowledgeArticle(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return retireKnowledgeArticle(ctx, id, expectedVersion);
  }

  @FieldResolver(() => Category, { nullable: true })
  category(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    return article.categoryId ? ctx.loaders.category.load(article.categoryId) : null;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'Null: the whole district.' })
  area(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    return article.areaId ? ctx.loaders.area.load(article.areaId) : null;
  }

  @FieldResolver(() => Department, { nullable: true, description: "Null: the hotline centre's." })
  ownerDepartment(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    return article.ownerDepartmentId ? ctx.loaders.department.load(article.ownerDepartmentId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'In force now: validFrom <= now < validTo.' })
  valid(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    const now = ctx.clock.now();
    return article.validFrom <= now && (article.validTo === null || now < article.validTo);
  }

  @FieldResolver(() => Boolean, {
    description: 'In force and past its review date: the owner must check it.',
  })
  reviewDue(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    return article.retiredAt === null && article.reviewAt !== null && article.reviewAt <= ctx.clock.now();
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit or retire it.' })
  mayEdit(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    return mayEditArticle(ctx.viewer, article.ownerDepartmentId);
  }

  @FieldResolver(() => [KnowledgeArticleChange], { description: 'Every change, oldest first.' })
  history(@Root() article: KnowledgeArticleRow, @Ctx() ctx: GraphQLContext) {
    return listKnowledgeChanges(ctx, article.id);
  }
}

@Resolver(() => KnowledgeArticleChange)
export class KnowledgeArticleChangeResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change.' })
  actor(@Root() change: KnowledgeArticleChange, @Ctx() ctx: GraphQLContext) {
    return change.actorId ? ctx.loaders.user.load(change.actorId) : null;
  }
}

@Resolver(() => Ticket)
export class TicketKnowledgeResolver {
  @FieldResolver(() => KnowledgeArticle, {
    nullable: true,
    description: 'The article the caller was answered from on the spot (closed as ANSWERED_DIRECTLY).',
  })
  answeredFromArticle(@Root() ticket: TicketRow, @Ctx() ctx: GraphQLContext) {
    return ticket.answeredFromArticleId
      ? ctx.loaders.knowledgeArticle.load(ticket.answeredFromArticleId)
      : null;
  }
}
