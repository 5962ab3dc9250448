import type { CannedReplyRow } from '@hotline/schema';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Department } from '../departments/departments.type.js';
import {
  createCannedReply,
  deleteCannedReply,
  listCannedReplies,
  mayEditReply,
  renderCannedReply,
  updateCannedReply,
} from './canned-replies.service.js';
import { CannedReplyInput } from './knowledge.input.js';
import { CannedReply } from './knowledge.type.js';

@Resolver(() => CannedReply)
export class CannedReplyResolver {
  @Query(() => [CannedReply], {
    description:
      "The centre's replies and the viewer's department's (all of them for MANAGER, ADMIN, AGENT).",
  })
  cannedReplies(@Ctx() ctx: GraphQLContext) {
    return listCannedReplies(ctx);
  }

  @Query(() => String, {
    description: 'The reply filled from a ticket the viewer may see, ready for resolveTicket or a note.',
  })
  renderCannedReply(
    @Arg('id', () => ID) id: string,
    @Arg('ticketId', () => ID) ticketId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    return renderCannedReply(ctx, id, ticketId);
  }

  @Mutation(() => CannedReply, { description: "MANAGER, ADMIN the centre's; a HANDLER its department's." })
  createCannedReply(
    @Arg('input', () => CannedReplyInput) input: CannedReplyInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return createCannedReply(ctx, input);
  }

  @Mutation(() => CannedReply)
  updateCannedReply(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CannedReplyInput) input: CannedReplyInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return updateCannedReply(ctx, id, input);
  }

  @Mutation(() => CannedReply, { description: 'Returns the reply as it was.' })
  deleteCannedReply(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return deleteCannedReply(ctx, id);
  }

  @FieldResolver(() => Department, { nullable: true, description: "Null: the hotline centre's." })
  department(@Root() reply: CannedReplyRow, @Ctx() ctx: GraphQLContext) {
    return reply.departmentId ? ctx.loaders.department.load(reply.departmentId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may edit or delete it.' })
  mayEdit(@Root() reply: CannedReplyRow, @Ctx() ctx: GraphQLContext) {
    return mayEditReply(ctx.viewer, reply.departmentId);
  }
}
