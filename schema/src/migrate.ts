import { fileURLToPath } from 'node:url';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type Database, postgresClient } from './db.js';
import { rebuildDeferredIndexes } from './deferred-indexes.js';

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Applies the committed migrations; safe when several processes start at once. */
export async function migrate(database: Database): Promise<void> {
  if (!database.url) {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // One connection, so the session advisory lock serializes API and worker processes booting together.
  const client = postgresClient(database.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(4242001)`;
    const db = drizzle(client);
    await migratePostgres(db, { migrationsFolder });
    // Indexes a bulk load deferred and never got to build (the load was killed) are part of the schema.
    await rebuildDeferredIndexes(db);
  } finally {
    await client.end({ timeout: 5 });
  }
}
