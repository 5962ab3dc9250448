/** PostgreSQL's query_canceled: here always our `statement_timeout` (nothing else cancels statements). */
const QUERY_CANCELED = '57014';

/** Whether the error (or one it wraps, as drizzle does) is a statement cancelled by `statement_timeout`. */
export function isStatementTimeout(error: unknown): boolean {
  type PgError = { code?: unknown; cause?: unknown };
  for (let e = error as PgError | undefined, depth = 0; e && depth < 5; e = e.cause as PgError, depth++) {
    if (e.code === QUERY_CANCELED) return true;
  }
  return false;
}
