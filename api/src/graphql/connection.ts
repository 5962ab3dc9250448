import { type ClassType, Field, ObjectType } from 'type-graphql';
import type { Page } from '../cursor.js';

@ObjectType({ simpleResolvers: true })
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

/**
 * A Relay connection over `nodeType` (type-graphql's generic `PaginatedResponse`): registers the
 * `<Node>Edge` type and returns an abstract base for `@ObjectType() class <Node>Connection`, which may
 * add fields of its own (a ticket list's `totalCount`).
 */
export function Connection<TNode extends object>(nodeType: ClassType<TNode>) {
  @ObjectType(`${nodeType.name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field(() => String)
    cursor!: string;
    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class ConnectionBase {
    @Field(() => [Edge])
    edges!: Edge[];
    @Field(() => [nodeType])
    nodes!: TNode[];
    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionBase;
}

/**
 * Shapes a page of rows as a Relay connection. The edges (a cursor per row) are built only when the
 * query reads them: a list that asks for `nodes` encodes no cursor but the page's two.
 */
export function toConnection<T>(page: Page<T>) {
  let edges: { cursor: string; node: T }[] | undefined;
  return {
    get edges() {
      edges ??= page.rows.map((node) => ({ cursor: page.cursorOf(node), node }));
      return edges;
    },
    nodes: page.rows,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.rows[0] ? page.cursorOf(page.rows[0]) : null,
      endCursor: page.rows.length ? page.cursorOf(page.rows[page.rows.length - 1]!) : null,
    },
  };
}
