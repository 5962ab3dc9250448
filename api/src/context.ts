import type { Db } from '@hotline/schema/client';
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
}
