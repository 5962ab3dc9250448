import { type Db, queryRows } from '@hotline/schema/client';
import { type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const dialect = new PgDialect({ casing: 'snake_case' });

interface PostgresJsClient {
  unsafe(
    query: string,
    params: unknown[],
  ): { values(): { cursor(rows: number): AsyncIterable<unknown[][]> } };
}

function postgresJsClient(db: Db): PostgresJsClient | null {
  const client = (db as unknown as { $client?: unknown }).$client as { unsafe?: unknown } | undefined;
  // PGlite has no `unsafe`: only postgres.js clients do.
  return client && typeof client.unsafe === 'function' ? (client as PostgresJsClient) : null;
}

/**
 * The rows of a query in batches of `size`, each row an array of its columns in select order. On
 * PostgreSQL a server-side cursor streams them (one statement, one snapshot, bounded memory); on the
 * embedded PGlite, which serves one process, pages of `size` rows.
 */
export async function* readBatches(db: Db, query: SQL, size: number): AsyncIterable<unknown[][]> {
  const client = postgresJsClient(db);
  if (client) {
    const { sql: text, params } = dialect.sqlToQuery(query);
    yield* client.unsafe(text, params).values().cursor(size);
    return;
  }
  for (let offset = 0; ; offset += size) {
    const rows = await queryRows<Record<string, unknown>>(db, sql`${query} limit ${size} offset ${offset}`);
    if (rows.length > 0) yield rows.map((row) => Object.values(row));
    if (rows.length < size) return;
  }
}
