import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { MAX_LENGTH } from '../domain/text-limits.js';

/** The operation bounds of the contract ("Limits"); docs/integration.md explains the cost model. */
const QUERY_LIMITS = {
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
 * What the database does beyond the rows it returns, in cost units (docs/integration.md, "The cost
 * model"): `totalCount` (or `totalCountIsExact`) counts up to 10,001 matching rows; `offset` walks the rows it skips; a `search` is a
 * trigram scan that grows with the pattern; `stats` and `slaReport` aggregate every day of their range;
 * `possibleDuplicates` is a similarity search per ticket.
 */
const WORK_COST = {
  totalCount: 100,
  /** Rows skipped per cost unit. */
  offsetRowsPerUnit: 10,
  searchBase: 20,
  searchPerCharacter: 1,
  /**
   * A pattern under three characters has no trigram, so the index cannot narrow it: the search reads
   * every ticket (about 2 s at 1.8 M tickets). Such a search costs this much instead.
   */
  searchWithoutTrigram: 400,
  statsPerDay: 1,
  /** `departmentRanking` and `departmentScorecard` sum the roll-up over their range and the one before. */
  scorecardPerDay: 2,
  /** `slaReport` sorts every measured ticket of each day (percentiles) besides counting them. */
  slaReportPerDay: 2,
  possibleDuplicates: 20,
} as const;

const DAY_MS = 86_400_000;

/** Fragments by name, so a connection finds `totalCount` behind a spread. */
type Fragments = Map<string, FragmentDefinitionNode>;

/** Whether the selection (inline fragments and spreads included) asks for the field. */
function selects(selectionSet: SelectionSetNode | undefined, name: string, fragments: Fragments): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, name, fragments);
    return selects(fragments.get(selection.name.value)?.selectionSet, name, fragments);
  });
}

/** The work cost of a field's arguments (`tickets(offset, filter.search)`, `stats(from, to)`). */
function argumentCost(fieldName: string, args: Record<string, unknown>): number {
  let cost = 0;
  if (typeof args.offset === 'number' && args.offset > 0) {
    cost += Math.ceil(args.offset / WORK_COST.offsetRowsPerUnit);
  }
  const search = (args.filter as { search?: unknown } | undefined)?.search;
  if (typeof search === 'string' && search.trim() !== '') {
    // Past MAX_LENGTH.search the service refuses the text itself (BAD_USER_INPUT, a clearer answer).
    const length = Math.min([...search.trim()].length, MAX_LENGTH.search);
    cost +=
      length < 3
        ? WORK_COST.searchWithoutTrigram
        : WORK_COST.searchBase + WORK_COST.searchPerCharacter * length;
  }
  const perDay =
    fieldName === 'stats'
      ? WORK_COST.statsPerDay
      : fieldName === 'slaReport'
        ? WORK_COST.slaReportPerDay
        : fieldName === 'departmentRanking' || fieldName === 'departmentScorecard'
          ? WORK_COST.scorecardPerDay
          : 0;
  if (perDay > 0 && args.from instanceof Date && args.to instanceof Date) {
    const days = Math.ceil((args.to.getTime() - args.from.getTime()) / DAY_MS);
    if (Number.isFinite(days) && days > 0) cost += perDay * days;
  }
  if (fieldName === 'possibleDuplicates') cost += WORK_COST.possibleDuplicates;
  return cost;
}

/**
 * The cost model: every field returning an object (or a list of them) costs 1, scalars cost 0; a
 * connection field (`first` argument) multiplies its children's cost by `first` (default 20;
 * `Ticket.events` 100). So `tickets(first: 50) { nodes { department { name } } }` costs
 * 1 + 50 x (1 + 1) = 101. On top, the work of `WORK_COST`, counted once per field and never
 * multiplied by `first` (a connection's `totalCount` is one count, however large the page).
 */
const costEstimator: ComplexityEstimator = ({ field, node, args, childComplexity, context }) => {
  const own = (isLeafType(getNamedType(field.type)) ? 0 : 1) + argumentCost(field.name, args);
  if (!('first' in args) && !field.args.some((arg) => arg.name === 'first')) return own + childComplexity;
  const given = typeof args.first === 'number' ? args.first : (DEFAULT_PAGE[field.name] ?? DEFAULT_FIRST);
  const first = Math.min(Math.max(given, 1), MAX_FIRST);
  const fragments = (context?.fragments as Fragments) ?? new Map();
  const counted =
    selects(node.selectionSet, 'totalCount', fragments) ||
    selects(node.selectionSet, 'totalCountIsExact', fragments);
  return own + childComplexity * first + (counted ? WORK_COST.totalCount : 0);
};

function fragmentsOf(document: DocumentNode): Fragments {
  const fragments: Fragments = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

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

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

/**
 * The cost depends on the document and on the numbers it is given (`first`), never on other variable
 * values: costs are kept per document and numbers, so a console polling the same page costs its
 * estimate once.
 */
function costKey(
  queryHash: string,
  operationName: string | null,
  variables: Record<string, unknown>,
): string {
  const numbers = Object.entries(variables).filter(
    ([, value]) => typeof value === 'number' || value === null,
  );
  return `${queryHash}:${operationName ?? ''}:${JSON.stringify(numbers)}`;
}

/** Refuses an operation over the cost bound after validation and before anything executes. */
export function costLimitPlugin(): ApolloServerPlugin {
  const costs = new LRUCache<string, number>({ max: 2_000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName, queryHash }) {
          const key = costKey(queryHash, operationName, request.variables ?? {});
          let cost = costs.get(key);
          if (cost === undefined) {
            cost = operationCost(schema, document, request.variables ?? {}, operationName);
            // Not measurable (invalid variables): execution refuses them with BAD_USER_INPUT.
            if (cost === undefined) return;
            costs.set(key, cost);
          }
          if (cost > QUERY_LIMITS.maxCost) {
            throw tooComplex(`Query cost ${cost} exceeds the maximum of ${QUERY_LIMITS.maxCost}`);
          }
        },
      };
    },
  };
}

/** The operation's cost; undefined when its variables are invalid (execution refuses them with BAD_USER_INPUT). */
function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName: string | null,
): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [costEstimator],
      context: { fragments: fragmentsOf(document) },
      maxQueryNodes: 20_000,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Query is too complex';
    if (/^Variable "\$/.test(message)) return undefined;
    throw tooComplex(message);
  }
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
