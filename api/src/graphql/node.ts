import { Field, ID, InterfaceType, ObjectType } from 'type-graphql';

// Cursors are the services' (keyset pagination), kept importable from here for the resolvers.
export { decodeCursor, encodeCursor, isCursorSerial, isCursorTime, readCursor } from '../cursor.js';

/** Objects with a global id; resolvers tag each with `__typename` so `node` can tell them apart. */
@InterfaceType('Node', { resolveType: (value: { __typename?: string }) => value.__typename })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;
  @Field(() => Boolean)
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true })
  startCursor!: string | null;
  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
