import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { queryRows } from './db.js';

type AnyDb = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

export interface DeferOptions {
  /** The tables being loaded. */
  tables: readonly string[];
  /** Indexes the load's own queries read, which stay. */
  keep?: readonly string[];
}

/** What the demo seed loads through the services, which read a ticket's effect keys by its index. */
export const SEED_LOAD: DeferOptions = {
  tables: ['tickets', 'ticket_events', 'outbox'],
  keep: ['ticket_events_ticket_idx'],
};
/** Where the definitions wait, in the database itself, so an interrupted load can be repaired. */
const PARKED = 'deferred_indexes';

/**
 * Drops the secondary (non-unique) indexes of `tables` for a bulk load, the way pg_restore
 * loads data before it builds indexes: each ticket change otherwise updates some twenty indexes.
 * Unique indexes and primary keys stay, so every constraint is still enforced during the load.
 * The definitions are parked in a table in the same transaction; `rebuildDeferredIndexes` (run by
 * the load when it ends, and by every migration run) builds them again.
 */
export async function deferIndexes(db: AnyDb, { tables, keep = [] }: DeferOptions): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql.raw(`create table if not exists ${PARKED} (name text primary key, definition text not null)`),
    );
    const indexes = await queryRows<{ name: string; definition: string }>(
      tx,
      sql`
        select index.relname as name, pg_get_indexdef(index.oid) as definition
        from pg_index entry
        join pg_class index on index.oid = entry.indexrelid
        join pg_class owner on owner.oid = entry.indrelid
        where owner.relnamespace = current_schema()::regnamespace
          and owner.relname = any(${`{${tables.join(',')}}`}::text[])
          and not entry.indisunique and not entry.indisprimary
          and index.relname <> all(${`{${keep.join(',')}}`}::text[])`,
    );
    for (const index of indexes) {
      await tx.execute(
        sql`insert into ${sql.identifier(PARKED)} (name, definition) values (${index.name}, ${index.definition}) on conflict do nothing`,
      );
      await tx.execute(sql`drop index ${sql.identifier(index.name)}`);
    }
    return indexes.length;
  });
}

/**
 * Builds the indexes a bulk load deferred (none when nothing was deferred), `parallel` at a time,
 * GIN ones (the slowest) first, then ANALYZEs their tables. Idempotent: a definition is forgotten only once its index exists.
 * Returns how many were built.
 */
export async function rebuildDeferredIndexes(db: AnyDb, parallel = 2): Promise<number> {
  const [parked] = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass(${PARKED}) is not null as exists`,
  );
  if (!parked?.exists) return 0;
  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select name, definition from ${sql.identifier(PARKED)} order by definition like '% USING gin %' desc, name`,
  );
  let next = 0;
  const builder = async () => {
    while (next < indexes.length) {
      const index = indexes[next++]!;
      await db.execute(sql.raw(index.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS ')));
      await db.execute(sql`delete from ${sql.identifier(PARKED)} where name = ${index.name}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, builder));
  await db.execute(sql.raw(`drop table if exists ${PARKED}`));
  // A bulk load just grew these tables: planner statistics now, not whenever autovacuum gets to them
  // (until then a fresh table's plans rest on default guesses; issue 14 measured its work list 3x slower).
  const tables = [
    ...new Set(indexes.map((index) => / ON (?:ONLY )?(\S+) USING /.exec(index.definition)?.[1])),
  ];
  const known = tables.filter((table): table is string => Boolean(table));
  if (known.length > 0) await db.execute(sql.raw(`analyze ${known.join(', ')}`));
  return indexes.length;
}
