import {
  areas,
  categories,
  type TicketPriority,
  type TicketRow,
  type TicketStatus,
  ticketEvents,
  tickets,
} from '@hotline/schema';
import { queryRows } from '@hotline/schema/client';
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { type PgColumn, PgDialect } from 'drizzle-orm/pg-core';
import { LRUCache } from 'lru-cache';
import { requireSignedIn, scopedDepartment, type Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import {
  encodeCursor,
  isCursorSerial,
  isCursorTime,
  MAX_PAGE,
  type Page,
  pageSize,
  readCursor,
} from '../../cursor.js';
import type { GeoBox } from '../../domain/geo-distance.js';
import { type CoordinateSystem, checkBox, checkNear, type GeoPointInput } from '../../domain/location.js';
import { checkText } from '../../domain/text-limits.js';
import { RUNNING_STATUSES } from '../../domain/ticket-machine.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';
import { type FigureFilter, figureConditions } from './figure-filters.js';
import { nearPoint, withinBox } from './geo-conditions.js';
import { phoneSearchForms, textNumberForms } from './phone-search.js';
import { personalDataReadable, visibleEvents, visibleTickets } from './ticket-access.js';
import { ALL_TICKET_COLUMNS, selectTicketRows, type TicketColumns } from './ticket-rows.js';

export interface TicketFilter extends FigureFilter {
  status?: TicketStatus[] | null;
  priority?: TicketPriority[] | null;
  departmentId?: string | null;
  assigneeId?: string | null;
  categoryCode?: string | null;
  areaCode?: string | null;
  overdue?: boolean | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  search?: string | null;
  externalRef?: string | null;
  escalated?: boolean | null;
  needsManager?: boolean | null;
  /** A supervision waits for the department's reply past its deadline now. */
  supervisionOverdue?: boolean | null;
  /** Co-handled (协办): for a department-scoped viewer, by its own department; for others, by any. */
  coHandling?: boolean | null;
  /** The callers linked to this parent incident (多诉一案). */
  incidentId?: string | null;
  /** Linked to a parent incident, or not. */
  isIncidentChild?: boolean | null;
  /** Located inside this map area. */
  within?: (GeoBox & { system?: CoordinateSystem | null }) | null;
  /** Located within radiusMeters of this point. */
  near?: (GeoPointInput & { radiusMeters: number }) | null;
}

export type TicketOrderField = 'CREATED_AT' | 'UPDATED_AT' | 'DUE_AT' | 'NUMBER';

export interface ListTicketsArgs {
  first?: number | null;
  after?: string | null;
  offset?: number | null;
  filter?: TicketFilter | null;
  orderBy?: { field: TicketOrderField; direction: 'ASC' | 'DESC' } | null;
  /** The columns the caller reads from the rows (ticketColumnsFor); every column when not given. */
  columns?: TicketColumns;
}

const MAX_OFFSET = 100_000;

/**
 * `totalCount` is exact up to this many matching tickets; beyond it the count would cost as much as the
 * rows it walks, so the answer is the planner's estimate (at least one more than the bound) and
 * `totalCountIsExact` is false.
 */
export const EXACT_COUNT_BOUND = 10_000;

export interface TicketCount {
  value: number;
  exact: boolean;
}

/**
 * A count past the bound is an estimate anyway, so the same filter asked again within this time
 * reuses it instead of walking EXACT_COUNT_BOUND rows and planning again (a big queue that many agents
 * page through). A set that shrank under the bound in that time is still shown as "10,000+" until it
 * passes; a count under the bound is never reused.
 */
export const OVER_BOUND_REUSE_MS = 5_000;
const overBound = new LRUCache<string, { value: number; at: number }>({ max: 1_000 });
const dialect = new PgDialect();

const ORDER_COLUMNS: Record<TicketOrderField, PgColumn> = {
  CREATED_AT: tickets.createdAt,
  UPDATED_AT: tickets.updatedAt,
  DUE_AT: tickets.dueAt,
  NUMBER: tickets.number,
};

/** Codes match their own row and direct children (a sub-district includes its communities). */
function codeTree(column: PgColumn, table: typeof categories | typeof areas, code: string): SQL {
  return inArray(
    column,
    sql`(select id from ${table} where code = ${code} or parent_id in (select id from ${table} where code = ${code}))`,
  );
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** A list filter naming a value twice is a mistake (or padding to make the statement big): refused. */
function checkDistinct(field: string, values: readonly string[] | null | undefined): void {
  const seen = new Set<string>();
  for (const value of values ?? []) {
    if (seen.has(value)) throw badInput(`filter.${field} lists ${value} more than once`, `filter.${field}`);
    seen.add(value);
  }
}

function filterConditions(filter: TicketFilter, viewer: Viewer, now: Date): (SQL | undefined)[] {
  checkDistinct('status', filter.status);
  checkDistinct('priority', filter.priority);
  const conditions: (SQL | undefined)[] = [];
  const idOrNothing = (column: PgColumn, id: string) => (isUuid(id) ? eq(column, id) : sql`false`);
  if (filter.status?.length) conditions.push(inArray(tickets.status, filter.status));
  if (filter.priority?.length) conditions.push(inArray(tickets.priority, filter.priority));
  if (filter.departmentId) conditions.push(idOrNothing(tickets.departmentId, filter.departmentId));
  if (filter.assigneeId) conditions.push(idOrNothing(tickets.assigneeId, filter.assigneeId));
  if (filter.categoryCode) conditions.push(codeTree(tickets.categoryId, categories, filter.categoryCode));
  if (filter.areaCode) conditions.push(codeTree(tickets.areaId, areas, filter.areaCode));
  if (filter.overdue != null) {
    const overdue = and(inArray(tickets.status, [...RUNNING_STATUSES]), lt(tickets.dueAt, now))!;
    conditions.push(filter.overdue ? overdue : sql`not coalesce(${overdue}, false)`);
  }
  if (filter.createdAfter) conditions.push(gte(tickets.createdAt, filter.createdAfter));
  if (filter.createdBefore) conditions.push(lt(tickets.createdAt, filter.createdBefore));
  if (filter.externalRef) conditions.push(eq(tickets.externalRef, filter.externalRef));
  if (filter.escalated != null) {
    conditions.push(filter.escalated ? gt(tickets.escalationLevel, 0) : eq(tickets.escalationLevel, 0));
  }
  if (filter.needsManager != null) conditions.push(eq(tickets.needsManager, filter.needsManager));
  if (filter.supervisionOverdue != null) {
    const overdue = sql`exists (select 1 from supervisions s where s.ticket_id = ${tickets.id} and s.status = 'OPEN' and s.due_at < ${now.toISOString()}::timestamptz)`;
    conditions.push(filter.supervisionOverdue ? overdue : sql`not ${overdue}`);
  }
  if (filter.coHandling != null) {
    const department = scopedDepartment(viewer);
    const own = typeof department === 'string' && department !== 'none' && isUuid(department);
    const coHandled = own
      ? sql`exists (select 1 from ticket_co_handlers c where c.ticket_id = ${tickets.id} and c.department_id = ${department}::uuid)`
      : sql`exists (select 1 from ticket_co_handlers c where c.ticket_id = ${tickets.id})`;
    conditions.push(filter.coHandling ? coHandled : sql`not ${coHandled}`);
  }
  if (filter.incidentId) conditions.push(idOrNothing(tickets.incidentId, filter.incidentId));
  if (filter.isIncidentChild != null) {
    conditions.push(filter.isIncidentChild ? isNotNull(tickets.incidentId) : isNull(tickets.incidentId));
  }
  const search = checkText('search', filter.search, { optional: true, label: 'filter.search' });
  if (search) conditions.push(searchCondition(search, viewer));
  if (filter.within) conditions.push(withinBox(checkBox(filter.within, 'filter.within')));
  if (filter.near) {
    const { center, radiusMeters } = checkNear(filter.near, 'filter.near');
    conditions.push(nearPoint(center, radiusMeters));
  }
  checkDistinct('satisfaction', filter.satisfaction);
  conditions.push(...figureConditions(filter));
  return conditions;
}

/**
 * Free text over number, title, description and address, as a substring. A term shaped like a phone
 * number (7 to 20 digits) instead matches that whole number written in the text (a phone quoted in the
 * description, the ticket's own number) and the caller's phone exactly, on tickets where this viewer
 * sees that phone in full.
 */
function searchCondition(search: string, viewer: Viewer): SQL {
  const phones = phoneSearchForms(search);
  if (phones.length === 0) return sql`${tickets.searchText} ilike ${`%${escapeLike(search)}%`}`;
  // A whole number: the same forms as a number written in the text (its own GIN index), not a
  // substring through the trigram index, whose cost grows with the table.
  const numbers = sql.join(
    textNumberForms(phones).map((form) => sql`${form}`),
    sql`, `,
  );
  const callers = and(inArray(tickets.callerPhone, phones), personalDataReadable(viewer));
  // The matching ids first, then the page. The planner cannot estimate the overlap with a number
  // (no number is common enough for its statistics), guesses 0.5 % of the table per number, and would
  // walk the list's sort index to its end looking for the few tickets that match; given arrays of ids
  // it reads them by primary key and sorts them. tickets_quoting_numbers: migration 0022.
  return or(
    sql`${tickets.id} = any(array(select tickets_quoting_numbers(array[${numbers}]::text[])))`,
    sql`${tickets.id} = any(array(select ${tickets.id} from ${tickets} where ${callers}))`,
  )!;
}

type SortKey = [string | null, string];

function sortValue(row: TicketRow, field: TicketOrderField): string | null {
  const value = {
    CREATED_AT: row.createdAt,
    UPDATED_AT: row.updatedAt,
    DUE_AT: row.dueAt,
    NUMBER: row.number,
  }[field];
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

/** A cursor of this ordering: its sort value (a timestamp, or a ticket number) and a ticket id. */
function isSortKey(field: TicketOrderField) {
  const isValue =
    field === 'NUMBER' ? (v: unknown) => typeof v === 'string' && /^\d{1,32}$/.test(v) : isCursorTime;
  return (key: unknown): key is SortKey =>
    Array.isArray(key) &&
    key.length === 2 &&
    (key[0] === null || isValue(key[0])) &&
    typeof key[1] === 'string' &&
    isUuid(key[1]);
}

/** Rows strictly after the cursor in (column NULLS LAST, id) order. */
function afterCursor(column: PgColumn, descending: boolean, [value, id]: SortKey): SQL {
  const beyond = descending ? lt : gt;
  const typed = (v: string) => (column === tickets.number ? sql`${v}` : sql`${v}::timestamptz`);
  if (value === null) return and(sql`${column} is null`, beyond(tickets.id, id))!;
  return or(
    sql`${column} ${sql.raw(descending ? '<' : '>')} ${typed(value)}`,
    and(sql`${column} = ${typed(value)}`, beyond(tickets.id, id)),
    sql`${column} is null`,
  )!;
}

/**
 * The condition and order of a ticket list as `tickets` reads it (visibility, filters, ordering), for
 * readers that walk the whole list at once (exports).
 */
export function ticketListQuery(
  viewer: Viewer,
  args: Pick<ListTicketsArgs, 'filter' | 'orderBy'>,
  now: Date,
): { where: SQL; orderBy: SQL } {
  requireSignedIn(viewer);
  const column = ORDER_COLUMNS[args.orderBy?.field ?? 'CREATED_AT'];
  const direction = (args.orderBy?.direction ?? 'DESC') === 'DESC' ? desc : asc;
  const where = and(visibleTickets(viewer), ...filterConditions(args.filter ?? {}, viewer, now));
  return {
    where: where ?? sql`true`,
    orderBy: sql`${direction(column)} nulls last, ${direction(tickets.id)}`,
  };
}

export async function listTickets(
  ctx: ServiceContext,
  args: ListTicketsArgs,
): Promise<Page<TicketRow> & { count: () => Promise<TicketCount> }> {
  requireSignedIn(ctx.viewer);
  const first = pageSize(args.first);
  const offset = args.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw badInput(`offset must be between 0 and ${MAX_OFFSET}`, 'offset');
  }
  const field = args.orderBy?.field ?? 'CREATED_AT';
  const descending = (args.orderBy?.direction ?? 'DESC') === 'DESC';
  const column = ORDER_COLUMNS[field];
  const where = [
    visibleTickets(ctx.viewer),
    ...filterConditions(args.filter ?? {}, ctx.viewer, ctx.clock.now()),
  ];
  const countWhere = and(...where);
  if (args.after) where.push(afterCursor(column, descending, readCursor(args.after, isSortKey(field))));
  const direction = descending ? desc : asc;
  const rows = await selectTicketRows(
    ctx.db,
    sql`where ${and(...where) ?? sql`true`} order by ${direction(column)} nulls last, ${direction(tickets.id)} limit ${first + 1} offset ${offset}`,
    args.columns,
  );
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: Boolean(args.after) || offset > 0,
    cursorOf: (row) => encodeCursor([sortValue(row, field), row.id] satisfies SortKey),
    count: () => countTickets(ctx, countWhere ?? sql`true`),
  };
}

/**
 * Counts at most EXACT_COUNT_BOUND + 1 matching rows (the same cost at 10 k as at 1 M matches); past the
 * bound, asks the planner for its estimate of the whole set instead of walking it.
 */
async function countTickets(ctx: ServiceContext, where: SQL): Promise<TicketCount> {
  const now = ctx.clock.now().getTime();
  const rendered = dialect.sqlToQuery(where);
  const key = `${rendered.sql}\n${JSON.stringify(rendered.params)}`;
  const recent = overBound.get(key);
  if (recent && now - recent.at >= 0 && now - recent.at < OVER_BOUND_REUSE_MS) {
    return { value: recent.value, exact: false };
  }
  // queryRows: postgres.js answers rows, the embedded PGlite `{ rows }`.
  const [bounded] = await queryRows<{ count: number }>(
    ctx.db,
    sql`select count(*)::int as count from (select 1 from ${tickets} where ${where} limit ${EXACT_COUNT_BOUND + 1}) as matching`,
  );
  const count = Number(bounded?.count ?? 0);
  if (count <= EXACT_COUNT_BOUND) return { value: count, exact: true };
  const [plan] = await queryRows<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    ctx.db,
    sql`explain (format json) select 1 from ${tickets} where ${where}`,
  );
  const estimate = Math.round(plan?.['QUERY PLAN']?.[0]?.Plan['Plan Rows'] ?? 0);
  const value = Math.max(EXACT_COUNT_BOUND + 1, estimate);
  overBound.set(key, { value, at: now });
  return { value, exact: false };
}

export async function getTicket(
  ctx: ServiceContext,
  id: string,
  columns: TicketColumns = ALL_TICKET_COLUMNS,
): Promise<TicketRow | null> {
  requireSignedIn(ctx.viewer);
  if (!isUuid(id)) return null;
  const [row] = await selectTicketRows(
    ctx.db,
    sql`where ${and(eq(tickets.id, id), visibleTickets(ctx.viewer))}`,
    columns,
  );
  return row ?? null;
}

export async function getTicketByNumber(
  ctx: ServiceContext,
  number: string,
  columns: TicketColumns = ALL_TICKET_COLUMNS,
): Promise<TicketRow | null> {
  requireSignedIn(ctx.viewer);
  const [row] = await selectTicketRows(
    ctx.db,
    sql`where ${and(eq(tickets.number, number.trim()), visibleTickets(ctx.viewer))}`,
    columns,
  );
  return row ?? null;
}

export type TicketEventRow = typeof ticketEvents.$inferSelect;

/** A ticket's own events, oldest first (the ticket's visibility was checked by whoever loaded it). */
export async function listTicketEvents(
  ctx: ServiceContext,
  ticketId: string,
  args: { first?: number | null; after?: string | null },
): Promise<Page<TicketEventRow>> {
  const first = args.first == null ? MAX_PAGE : pageSize(args.first);
  const afterId = args.after ? readCursor(args.after, isCursorSerial) : 0;
  const rows = await ctx.db
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, ticketId), gt(ticketEvents.id, afterId), visibleEvents(ctx.viewer)))
    .orderBy(asc(ticketEvents.id))
    .limit(first + 1);
  return {
    rows: rows.slice(0, first),
    hasNextPage: rows.length > first,
    hasPreviousPage: afterId > 0,
    cursorOf: (row) => encodeCursor(row.id),
  };
}

type FeedKey = [string, number];

/** A transaction id (xid8: at most 19 digits stay within its 64 bits) and an event id. */
function isFeedKey(key: unknown): key is FeedKey {
  return (
    Array.isArray(key) &&
    key.length === 2 &&
    typeof key[0] === 'string' &&
    /^\d{1,19}$/.test(key[0]) &&
    isCursorSerial(key[1])
  );
}

/**
 * The change feed. Events are ordered by their writing transaction id, then id, and only events of
 * transactions older than every transaction still running are shown: a transaction that commits
 * later always has a larger id than everything already shown, so a poller never skips one.
 */
export async function listEventFeed(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null },
): Promise<Page<TicketEventRow>> {
  requireSignedIn(ctx.viewer);
  const first = pageSize(args.first);
  const key = args.after ? readCursor(args.after, isFeedKey) : null;
  const visible = visibleTickets(ctx.viewer);
  const rows = await ctx.db
    .select({ event: ticketEvents })
    .from(ticketEvents)
    .where(
      and(
        sql`${ticketEvents.txid} < pg_snapshot_xmin(pg_current_snapshot())`,
        key ? sql`(${ticketEvents.txid}, ${ticketEvents.id}) > (${key[0]}::xid8, ${key[1]})` : undefined,
        visibleEvents(ctx.viewer),
        visible
          ? sql`exists (select 1 from ${tickets} where ${tickets.id} = ${ticketEvents.ticketId} and ${visible})`
          : undefined,
      ),
    )
    .orderBy(asc(ticketEvents.txid), asc(ticketEvents.id))
    .limit(first + 1);
  const events = rows.map((row) => row.event);
  return {
    rows: events.slice(0, first),
    hasNextPage: events.length > first,
    hasPreviousPage: key !== null,
    cursorOf: (row) => encodeCursor([row.txid, row.id] satisfies FeedKey),
  };
}
