import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { AppError, ERROR_CODES } from '../errors/app-error.js';
import { isStatementTimeout } from '../errors/statement-timeout.js';

/** Codes answered as they are: ours, and Apollo's own request and validation failures. */
const PASS_THROUGH = new Set<string>([
  ...Object.keys(ERROR_CODES),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const STATEMENT_TIMEOUT_MESSAGE =
  'The request ran longer than the server allows and was cancelled (its changes were undone); ask for less: a narrower filter, a smaller page';

/**
 * The one place domain errors become GraphQL errors: AppError codes pass through with their message,
 * a statement cancelled by the statement timeout answers QUERY_TOO_COMPLEX, anything unexpected is logged and answered as INTERNAL_SERVER_ERROR without internals.
 */
export function makeFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...original.details, code: original.code },
      };
    }
    if (isStatementTimeout(original)) {
      // Over the time bound: the client's remedy is the same as for the cost bound, ask for less.
      log.warn(
        { path: formatted.path },
        'a statement ran past DATABASE_STATEMENT_TIMEOUT_MS and was cancelled',
      );
      return {
        message: STATEMENT_TIMEOUT_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'QUERY_TOO_COMPLEX' },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
