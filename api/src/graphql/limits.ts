import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  type GraphQLFormattedError,
  getNamedType,
  isLeafType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';

/** The operation bounds of the contract ("Limits"); docs/integration.md explains the cost model. */
export const QUERY_LIMITS = {
  /** Nesting of selections, fragments flattened. */
  maxDepth: 12,
  /** Aliased fields in one operation. */
  maxAliases: 100,
  /** Lexical tokens of the document (bounds parsing work and directive/argument floods). */
  maxTokens: 5_000,
  /** Cost per the estimator below. */
  maxCost: 10_000,
} as const;

/** A connection's page size when `first` is not given (Ticket.events pages 100 by default). */
const DEFAULT_PAGE: Record<string, number> = { events: 100 };
const DEFAULT_FIRST = 20;
const MAX_FIRST = 100;

/** Marks a GraphQL error as one of ours, so `mapLimitErrors` can give it its code. */
export class QueryTooComplex extends Error {
  readonly code = 'QUERY_TOO_COMPLEX';
}

/**
 * The cost model: every field returning an object (or a list of them) costs 1, scalars cost 0; a
 * connection field (`first` argument) multiplies its children's cost by `first` (default 20;
 * `Ticket.events` 100). So `tickets(first: 50) { nodes { department { name } } }` costs
 * 1 + 50 x (1 + 1) = 101.
 */
const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  if (!('first' in args) && !field.args.some((arg) => arg.name === 'first')) return own + childComplexity;
  const given = typeof args.first === 'number' ? args.first : (DEFAULT_PAGE[field.name] ?? DEFAULT_FIRST);
  const first = Math.min(Math.max(given, 1), MAX_FIRST);
  return own + childComplexity * first;
};

/** Reports an armor rejection as our error (the armor default would be a plain validation error). */
function reportAsTooComplex(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(
    new GraphQLError(error.message, {
      nodes: error.nodes,
      originalError: new QueryTooComplex(error.message),
    }),
  );
}

/** Depth and alias bounds (GraphQL Armor), run with the other validation rules before execution. */
export function limitValidationRules(): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [reportAsTooComplex] };
  return [
    maxDepthRule({
      n: QUERY_LIMITS.maxDepth,
      flattenFragments: true,
      ...common,
    }) as unknown as ValidationRule,
    maxAliasesRule({ n: QUERY_LIMITS.maxAliases, ...common }) as unknown as ValidationRule,
  ];
}

/** graphql-js stops parsing past this many tokens ("Document contains more than N tokens"). */
export const limitParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

export function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

/** Refuses an operation over the cost bound after validation and before anything executes. */
export function costLimitPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [costEstimator],
              maxQueryNodes: 20_000,
            });
          } catch (error) {
            const message = error instanceof Error ? error.message : 'Query is too complex';
            // Invalid variables: execution refuses them with BAD_USER_INPUT and runs nothing.
            if (/^Variable "\$/.test(message)) return;
            throw tooComplex(message);
          }
          if (cost > QUERY_LIMITS.maxCost) {
            throw tooComplex(`Query cost ${cost} exceeds the maximum of ${QUERY_LIMITS.maxCost}`);
          }
        },
      };
    },
  };
}

// graphql-js spells it "more that" in 16.x; accept both.
const TOKEN_LIMIT = /Document contains more tha[nt] \d+ tokens/;

/**
 * The one place limit rejections get their contract code: Apollo labels validation and parse
 * failures itself (GRAPHQL_VALIDATION_FAILED, GRAPHQL_PARSE_FAILED), so ours are recognised here.
 */
export function mapLimitErrors(
  format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const overLimit =
      original instanceof QueryTooComplex ||
      (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(formatted.message));
    if (overLimit) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      };
    }
    return format(formatted, error);
  };
}
