import {
  apiClients,
  areas,
  categories,
  departments,
  extensionRequests,
  knowledgeArticles,
  returnRequests,
  type SupervisionRow,
  slaPolicies,
  supervisions,
  type TicketCoHandlerRow,
  ticketCoHandlers,
  tickets,
  users,
} from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import DataLoader from 'dataloader';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Viewer } from '../auth/viewer.js';
import type { ServiceContext } from '../context.js';
import { type DuplicateCandidate, findPossibleDuplicates } from '../modules/duplicates/duplicates.service.js';
import { loadScopeRules } from '../modules/scope/scope.service.js';
import { referenceRows } from '../reference-rows.js';

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

function cachedById<T extends TableWithId>(db: Db, table: T, name: string) {
  const load = byId(db, table);
  return new DataLoader<string, T['$inferSelect'] | null>(async (ids) => {
    const found = new Map<string, T['$inferSelect']>();
    for (const id of ids) {
      const row = referenceRows.peek(`${name}:${id}`);
      if (row) found.set(id, row as T['$inferSelect']);
    }
    const missing = ids.filter((id) => !found.has(id));
    const rows = missing.length > 0 ? await load.loadMany(missing) : [];
    rows.forEach((row, index) => {
      if (row instanceof Error) throw row;
      if (!row) return;
      found.set(missing[index]!, row);
      referenceRows.set(`${name}:${missing[index]}`, row);
    });
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Whether each ticket has an extension request waiting for a decision (one query for a page of tickets). */
function pendingExtension(db: Db) {
  return new DataLoader<string, boolean>(async (ticketIds) => {
    const rows = await db
      .select({ ticketId: extensionRequests.ticketId })
      .from(extensionRequests)
      .where(
        and(
          inArray(extensionRequests.ticketId, ticketIds as string[]),
          eq(extensionRequests.status, 'PENDING'),
        ),
      );
    const pending = new Set(rows.map((row) => row.ticketId));
    return ticketIds.map((id) => pending.has(id));
  });
}

export type ReturnRequestRow = typeof returnRequests.$inferSelect;

/** Each ticket's return request waiting for a manager, or null (one query for a page of tickets). */
function pendingReturn(db: Db) {
  return new DataLoader<string, ReturnRequestRow | null>(async (ticketIds) => {
    const rows = await db
      .select()
      .from(returnRequests)
      .where(
        and(inArray(returnRequests.ticketId, ticketIds as string[]), eq(returnRequests.status, 'PENDING')),
      );
    const pending = new Map(rows.map((row) => [row.ticketId, row]));
    return ticketIds.map((id) => pending.get(id) ?? null);
  });
}

/** Each ticket's latest supervision, open or answered, or null (one query for a page of tickets). */
function latestSupervision(db: Db) {
  return new DataLoader<string, SupervisionRow | null>(async (ticketIds) => {
    const rows = await db
      .selectDistinctOn([supervisions.ticketId])
      .from(supervisions)
      .where(inArray(supervisions.ticketId, ticketIds as string[]))
      .orderBy(
        supervisions.ticketId,
        // The open one first: two supervisions may share a clock reading.
        sql`${supervisions.status} = 'OPEN' desc`,
        desc(supervisions.createdAt),
      );
    const latest = new Map(rows.map((row) => [row.ticketId, row]));
    return ticketIds.map((id) => latest.get(id) ?? null);
  });
}

/** Each ticket's co-handlers (协办), oldest request first (one query for a page of tickets). */
function coHandlers(db: Db) {
  return new DataLoader<string, TicketCoHandlerRow[]>(async (ticketIds) => {
    const rows = await db
      .select()
      .from(ticketCoHandlers)
      .where(inArray(ticketCoHandlers.ticketId, ticketIds as string[]))
      .orderBy(ticketCoHandlers.createdAt, ticketCoHandlers.id);
    const byTicket = new Map<string, TicketCoHandlerRow[]>();
    for (const row of rows) byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row]);
    return ticketIds.map((id) => byTicket.get(id) ?? []);
  });
}

/** Each ticket's likely duplicates as the viewer may see them: one search for all the tickets on a page. */
function possibleDuplicates(db: Db, viewer: Viewer) {
  return new DataLoader<string, DuplicateCandidate[]>(async (ids) => {
    const found = await findPossibleDuplicates(db, viewer, ids);
    return ids.map((id) => found.get(id) ?? []);
  });
}

/** Each ticket's incident callers (children): how many ever linked, how many still wait (one query per page). */
function incidentChildCounts(db: Db) {
  return new DataLoader<string, { total: number; waiting: number }>(async (ticketIds) => {
    const rows = await db
      .select({
        parentId: tickets.incidentId,
        total: sql<number>`count(*)::int`,
        waiting: sql<number>`(count(*) filter (where ${tickets.status} = 'LINKED'))::int`,
      })
      .from(tickets)
      .where(inArray(tickets.incidentId, ticketIds as string[]))
      .groupBy(tickets.incidentId);
    const counts = new Map(rows.map((row) => [row.parentId, row]));
    return ticketIds.map((id) => {
      const row = counts.get(id);
      return { total: row?.total ?? 0, waiting: row?.waiting ?? 0 };
    });
  });
}

/** Reads once per request, on first use, however many fields ask. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => {
    value ??= read();
    return value;
  };
}

/** Every batching loader of one request; `viewer` is whom the request answers (loaders that filter by it). */
export function createLoaders(db: Db, viewer: Viewer) {
  return {
    department: cachedById(db, departments, 'department'),
    category: cachedById(db, categories, 'category'),
    area: cachedById(db, areas, 'area'),
    user: byId(db, users),
    apiClient: byId(db, apiClients),
    slaPolicy: cachedById(db, slaPolicies, 'slaPolicy'),
    knowledgeArticle: byId(db, knowledgeArticles),
    /** Unscoped: only for tickets whose visibility the caller already checked (events of a visible feed). */
    ticket: byId(db, tickets),
    pendingExtension: pendingExtension(db),
    pendingReturn: pendingReturn(db),
    latestSupervision: latestSupervision(db),
    coHandlers: coHandlers(db),
    incidentChildCounts: incidentChildCounts(db),
    possibleDuplicates: possibleDuplicates(db, viewer),
    scopeRules: once(() => loadScopeRules(db)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** What services that read through the request's loaders take. */
export interface LoaderContext extends ServiceContext {
  loaders: Loaders;
}
