/** The contract's error codes (`extensions.code`); see shared/contract/README.md "Errors". */
export type ErrorCode =
  /** No valid token or API key. */
  | 'UNAUTHENTICATED'
  /** The viewer's role may not do this. */
  | 'FORBIDDEN'
  /** No such object, or the viewer may not see it. */
  | 'NOT_FOUND'
  /** The input is malformed or refers to something unusable. */
  | 'BAD_USER_INPUT'
  /** The action is not allowed in the ticket's current status. */
  | 'INVALID_TRANSITION'
  /** Stale expectedVersion, or an idempotency key reused with another payload. */
  | 'CONFLICT'
  /** Too many requests; `retryAfter` seconds tells when to try again. */
  | 'RATE_LIMITED'
  /** Over the depth, alias or cost bounds. */
  | 'QUERY_TOO_COMPLEX';

/** The one error type of the domain; the GraphQL layer maps it to `extensions.code` in one place. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const badInput = (message: string, field?: string) =>
  new AppError('BAD_USER_INPUT', message, field ? { field } : {});
export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);
