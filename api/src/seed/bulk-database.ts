import { existsSync } from 'node:fs';
import * as schema from '@hotline/schema';
import { type Db, postgresTarget } from '@hotline/schema/client';
import { withPreparedStatements } from '@hotline/schema/prepared-statements';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const SOCKET_DIRS = ['/var/run/postgresql', '/tmp'];

/** The Unix socket of a PostgreSQL on this machine: much cheaper per round trip than loopback TCP. */
function localSocket(url: URL): string | undefined {
  if (!LOCAL_HOSTS.has(url.hostname) || process.env.SEED_USE_TCP === '1') return undefined;
  const port = url.port || '5432';
  return SOCKET_DIRS.map((dir) => `${dir}/.s.PGSQL.${port}`).find((path) => existsSync(path));
}

/**
 * A pool for bulk seeding: commits do not wait for the WAL flush (synchronous_commit off), so
 * thousands of small transactions are not bound by fsync, and a local server is reached through
 * its Unix socket. A crash mid-seed loses at most the last few commits; the seed is re-runnable.
 */
export function bulkDatabase(url: string, max: number): { db: Db; close: () => Promise<void> } {
  const target = postgresTarget(url);
  const path = target.path ?? localSocket(new URL(target.url));
  const client = postgres(target.url, {
    max,
    onnotice: () => {},
    // The seed looks tickets up by key only, so its prepared statements keep their generic plans
    // (the API's pool plans every execution: see schema/src/db.ts).
    connection: { synchronous_commit: 'off' },
    ...(path ? { path } : {}),
  });
  return {
    db: drizzle(withPreparedStatements(client), { schema, casing: 'snake_case' }),
    close: () => client.end({ timeout: 5 }),
  };
}
