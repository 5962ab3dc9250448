import type { Db, Tx } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import type { Viewer } from './auth/viewer.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';

/** What every service call needs: the database, the time, and who is asking. */
export interface ServiceContext {
  db: Db;
  /** A read replica for reporting (DATABASE_READ_URL); reports fall back to `db` without one. */
  readDb?: Db;
  clock: Clock;
  viewer: Viewer;
  /** Where changes without an audit table of their own (users) are recorded; ids only, no personal data. */
  log?: Logger;
  /**
   * The server key (ENCRYPTION_KEY): intake issues the caller's lookup code under it. Without it (the
   * demo seed, benchmarks) tickets are registered without a code.
   */
  serverKey?: Buffer;
  /**
   * How long a report statement may run (DATABASE_REPORT_STATEMENT_TIMEOUT_MS) when it is longer than
   * the connection's own statement_timeout; unset: the connection's.
   */
  reportStatementTimeoutMs?: number;
}

/**
 * Runs a report's reads on the reporting database (the replica when there is one), in a read-only
 * transaction whose statements may run `ctx.reportStatementTimeoutMs` (0: no limit).
 */
export async function readReport<T>(ctx: ServiceContext, read: (db: Tx) => Promise<T>): Promise<T> {
  const db = ctx.readDb ?? ctx.db;
  const timeout = ctx.reportStatementTimeoutMs;
  if (timeout === undefined) return read(db);
  return db.transaction(
    async (tx) => {
      await tx.execute(sql.raw(`set local statement_timeout = ${Math.floor(timeout)}`));
      return read(tx);
    },
    { accessMode: 'read only' },
  );
}
