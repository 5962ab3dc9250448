import { initGraphQLTada } from 'gql.tada';
import type { introspection, introspection_types } from './graphql-env';

/**
 * Typed GraphQL documents: gql.tada infers each operation's result and variables from the served schema
 * (graphql-env.d.ts, generated from schema/schema.graphql), so a schema change that breaks the console
 * fails `pnpm typecheck`. Fragments are not masked: a query's result holds its fragments' fields.
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  disableMasking: true;
  scalars: {
    /** ISO-8601 calendar date, e.g. 2026-10-01. */
    Date: string;
    /** An ISO-8601 instant as the server writes it. */
    DateTime: string;
    /** ISO-8601 duration, e.g. P3D, PT4H. */
    Duration: string;
    /** Any JSON value (a settings snapshot's field). */
    JSON: unknown;
    /** A JSON object (a saved view's filters and sort). */
    JSONObject: Record<string, unknown>;
  };
}>();

export type { ResultOf, TadaDocumentNode, VariablesOf } from 'gql.tada';

/** The name of each enum of the schema. */
export type EnumName = {
  [Name in keyof introspection_types]: introspection_types[Name] extends { enumValues: string }
    ? Name
    : never;
}[keyof introspection_types];

/** The values of one of the schema's enums, e.g. `EnumOf<'TicketStatus'>`. */
export type EnumOf<Name extends EnumName> = introspection_types[Name] extends {
  enumValues: infer Value extends string;
}
  ? Value
  : never;
