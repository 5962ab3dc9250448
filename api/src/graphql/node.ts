import { Field, ID, InterfaceType } from 'type-graphql';

/** Objects with a global id; resolvers tag each with `__typename` so `node` can tell them apart. */
@InterfaceType('Node', { resolveType: (value: { __typename?: string }) => value.__typename })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
