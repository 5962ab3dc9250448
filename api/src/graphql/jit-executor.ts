import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type ExecutionResult,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  type OperationDefinitionNode,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

/**
 * How many compiled operations one process keeps. The console and the integrations send a few dozen
 * distinct documents; the bound keeps a client that sends endless distinct ones from growing the heap
 * (each one past it is compiled again, which costs that client, not the others).
 */
const COMPILED_OPERATIONS = 500;

/**
 * Executes operations with graphql-jit instead of graphql-js: each distinct document (and operation
 * name) is compiled once into a JavaScript function that walks the selection without graphql-js's
 * per-field interpretation, promise bookkeeping and result-map allocation. The resolvers, the
 * schema, parsing, validation, the limits (which run in `didResolveOperation`) and error formatting
 * stay Apollo's and ours.
 *
 * Apollo Server 5 has no executor option; its gateway hook is the documented way to replace execution
 * (https://www.apollographql.com/docs/apollo-server/migration#executor), and it is all this uses: the
 * "gateway" serves the one local schema and never changes it.
 */
export function jitGateway(schema: GraphQLSchema): GatewayInterface {
  const compiled = new LRUCache<string, CompiledQuery | ExecutionResult>({ max: COMPILED_OPERATIONS });
  const executor: GatewayExecutor = async (request) => {
    const key = `${request.queryHash}:${request.operationName ?? ''}`;
    let query = compiled.get(key);
    if (!query) {
      query = compileQuery(schema, request.document, request.operationName ?? undefined);
      compiled.set(key, query);
    }
    // Not compiled: the document or its operation name is wrong; the result carries the errors.
    if (!isCompiledQuery(query)) return withGraphQLErrors(query);
    const variables = request.request.variables ?? {};
    // graphql-js coerces the variables first, only to refuse bad ones exactly as before: its errors
    // name the variable's definition, which is how Apollo answers them BAD_USER_INPUT.
    const refused = request.operation && checkVariables(schema, request.operation, variables);
    if (refused) return { errors: refused };
    return withGraphQLErrors(await query.query(undefined, request.context, variables));
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/** graphql-js's errors for variables it cannot coerce; undefined when all are valid. */
function checkVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): readonly GraphQLError[] | undefined {
  if (!operation.variableDefinitions?.length) return undefined;
  return getVariableValues(schema, operation.variableDefinitions, inputs, { maxErrors: 50 }).errors;
}

/**
 * graphql-jit's errors carry no `extensions` object when the error had none, which Apollo's error
 * formatting reads; rebuilt as graphql-js errors (message, path, locations and the resolver's own
 * error, whose code formatError answers) they format exactly as graphql-js's do.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.length) return result;
  const errors = result.errors.map((error) => {
    const rebuilt = new GraphQLError(error.message, {
      path: error.path,
      originalError: error.originalError ?? undefined,
      extensions: error.extensions,
    });
    if (error.locations)
      Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true });
    return rebuilt;
  });
  return { ...result, errors };
}
