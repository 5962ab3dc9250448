import * as schema from '@hotline/schema';
import { type Db, postgresClient, viaLocalSocket } from '@hotline/schema/client';
import { withPreparedStatements } from '@hotline/schema/prepared-statements';
import { drizzle } from 'drizzle-orm/postgres-js';

/**
 * A pool for bulk seeding: commits do not wait for the WAL flush (synchronous_commit off), so
 * thousands of small transactions are not bound by fsync, and a local server is reached through
 * its Unix socket. A crash mid-seed loses at most the last few commits; the seed is re-runnable.
 */
export function bulkDatabase(url: string, max: number): { db: Db; close: () => Promise<void> } {
  const client = postgresClient(process.env.SEED_USE_TCP === '1' ? url : viaLocalSocket(url), {
    max,
    onnotice: () => {},
    // The seed looks tickets up by key only, so its prepared statements keep their generic plans
    // (the API's pool plans every execution: see schema/src/db.ts).
    connection: { synchronous_commit: 'off' },
  });
  return {
    db: drizzle(withPreparedStatements(client), { schema, casing: 'snake_case' }),
    close: () => client.end({ timeout: 5 }),
  };
}
