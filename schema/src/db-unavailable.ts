/** postgres.js and Node codes of a connection that could not be made or was lost. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);
/** SQLSTATEs of a server shutting down, crashed or starting up (class 08: connection exception). */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03']);

/** Whether the error (or one of its causes: drizzle wraps the driver's) says PostgreSQL is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (CONNECTION_CODES.has(code) || SERVER_GONE.has(code) || /^08/.test(code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
