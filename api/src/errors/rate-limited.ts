import { GraphQLError } from 'graphql';

/** RATE_LIMITED, answered with HTTP 429 and Retry-After; `retryAfter` in whole seconds, at least 1. */
export function rateLimited(message: string, msBeforeNext: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    },
  });
}
