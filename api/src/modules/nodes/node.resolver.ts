import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { Node } from '../../graphql/node.js';
import { getNode } from './node.service.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    return getNode(ctx, id);
  }
}
