/** The contract's error codes (`extensions.code`) and what each means; shared/contract/README.md "Errors". */
export const ERROR_CODES = {
  UNAUTHENTICATED: 'No valid token or API key.',
  FORBIDDEN: "The viewer's role may not do this.",
  NOT_FOUND: 'No such object, or the viewer may not see it.',
  BAD_USER_INPUT: 'The input is malformed or refers to something unusable.',
  INVALID_TRANSITION: "The action is not allowed in the ticket's current status.",
  CONFLICT: 'Stale expectedVersion, or an idempotency key reused with another payload.',
  RATE_LIMITED: 'Too many requests; `retryAfter` seconds tells when to try again.',
  QUERY_TOO_COMPLEX: 'Over the depth, alias, token or cost bounds, or a statement ran past the time bound.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

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
