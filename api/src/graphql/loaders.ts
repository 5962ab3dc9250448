import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../../schema/src/db.js';
import { areas, categories, departments, slaPolicies, tickets, users } from '../../../schema/src/index.js';

type TableWithId = PgTable & { id: PgColumn };

/** One query per table per tick, however many rows ask: no N+1. */
function byId<T extends TableWithId>(db: Db, table: T) {
  return new DataLoader<string, T['$inferSelect'] | null>(async (ids) => {
    const rows = (await db
      .select()
      .from(table as PgTable)
      .where(inArray(table.id, ids as string[]))) as (T['$inferSelect'] & { id: string })[];
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createLoaders(db: Db) {
  return {
    department: byId(db, departments),
    category: byId(db, categories),
    area: byId(db, areas),
    user: byId(db, users),
    slaPolicy: byId(db, slaPolicies),
    /** Unscoped: only for tickets whose visibility the caller already checked (events of a visible feed). */
    ticket: byId(db, tickets),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
