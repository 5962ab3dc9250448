import { type TicketPriority, ticketPriorities } from '@hotline/schema';
import { queryRows } from '@hotline/schema/client';
import { type SQL, sql } from 'drizzle-orm';
import { readReport, type ServiceContext } from '../../context.js';
import { workingMsBetween } from '../../domain/sla-clock.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput } from '../../errors/app-error.js';
import { loadCalendar } from '../sla/sla-settings.js';
import { checkRange, ratio, scopeDepartment } from '../stats/stats.service.js';

/** At most a year per report: the percentiles sort every measured ticket of the range. */
export const SLA_REPORT_MAX_DAYS = 366;
export const SLA_BREACHES_MAX_PAGE = 100;

export interface SlaReportArgs {
  from: Date;
  to: Date;
  departmentId?: string | null;
  priority?: TicketPriority | null;
  /** A category or any of its descendants. */
  categoryId?: string | null;
}

/** The validated report scope, carried to the breach list of the same report. */
export interface SlaReportScope {
  from: Date;
  to: Date;
  now: Date;
  departmentId: string | null;
  priority: TicketPriority | null;
  categoryId: string | null;
}

export interface SlaFiguresResult {
  tickets: number;
  acceptMet: number;
  acceptMissed: number;
  acceptRate: number | null;
  resolveMet: number;
  resolveMissed: number;
  resolveRate: number | null;
  avgAcceptMinutes: number | null;
  p90AcceptMinutes: number | null;
  avgResolveMinutes: number | null;
  p90ResolveMinutes: number | null;
}

export interface SlaReportResult {
  scope: SlaReportScope;
  overall: SlaFiguresResult;
  byPriority: (SlaFiguresResult & { priority: TicketPriority })[];
  byDepartment: (SlaFiguresResult & { departmentId: string | null })[];
  byCategory: (SlaFiguresResult & { categoryId: string | null })[];
}

export type SlaDeadlineKind = 'ACCEPTANCE' | 'RESOLUTION';
/** Why a deadline was missed, from the ticket's cycle and its extension requests (docs/integration.md). */
export type SlaBreachCause =
  | 'ACCEPTED_LATE'
  | 'NOT_ACCEPTED'
  | 'RESOLVED_LATE'
  | 'EXTENSION_REFUSED'
  | 'LATE_AFTER_EXTENSION'
  | 'RETURNED_LATE'
  | 'CLOSED_LATE'
  | 'OPEN_PAST_DUE';

export interface SlaBreachResult {
  ticketId: string;
  priority: TicketPriority;
  deadline: SlaDeadlineKind;
  dueAt: Date;
  /** When the deadline's work was done (accepted, resolved); null when it never was. */
  metAt: Date | null;
  departmentId: string | null;
  cause: SlaBreachCause;
  lateByMinutes: number;
  lateByWorkingMinutes: number;
}

const MINUTE_MS = 60_000;
const minutes = (ms: unknown) => (ms === null || ms === undefined ? null : Number(ms) / MINUTE_MS);

/**
 * Who reads it (ADMIN, MANAGER; a HANDLER only its own department) and a bounded range. Tickets
 * created in [from, to) that had an SLA clock, judged on their current cycle.
 */
export function slaReportScope(ctx: ServiceContext, args: SlaReportArgs): SlaReportScope {
  const departmentId = scopeDepartment(ctx, args.departmentId ?? null, ['ADMIN', 'MANAGER', 'HANDLER']);
  if (departmentId && !isUuid(departmentId))
    throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  if (args.categoryId && !isUuid(args.categoryId))
    throw badInput(`Unknown category ${args.categoryId}`, 'categoryId');
  if (args.priority && !ticketPriorities.includes(args.priority))
    throw badInput(`Unknown priority ${args.priority}`, 'priority');
  checkRange(args.from, args.to, SLA_REPORT_MAX_DAYS);
  return {
    from: args.from,
    to: args.to,
    now: ctx.clock.now(),
    departmentId,
    priority: args.priority ?? null,
    categoryId: args.categoryId ?? null,
  };
}

/**
 * Every ticket of the scope with its two verdicts: `accept_met` / `resolve_met` true (met), false
 * (missed) or null (not judged yet: still within its deadline, or stopped before it by a return or a
 * withdrawal). A returned ticket has no department any more: it counts for the one that returned it.
 */
function judgedTickets(scope: SlaReportScope): SQL {
  const now = scope.now.toISOString();
  const from = scope.from.toISOString();
  // When the acceptance clock stopped without an acceptance (return, withdrawal), or now.
  const acceptStop = sql`case t.status when 'DISPATCHED' then ${now}::timestamptz when 'RETURNED' then t.updated_at when 'CLOSED' then t.closed_at end`;
  // A returned ticket's cycle ran in the department that returned it (its last RETURNED event).
  const cycleDepartment = sql`coalesce(t.department_id, rd.department_id)`;
  // Leaf -> top-level category as one jsonb value looked up per ticket: joining the category tree
  // made PostgreSQL hash every ticket of the range instead of the few dozen categories.
  return sql`roots(id, root_id) as (
      select id, id from categories where parent_id is null
      union all
      select c.id, r.root_id from categories c join roots r on c.parent_id = r.id
    ),
    root_of as (select jsonb_object_agg(id::text, root_id) as map from roots),
    returned_by as (
      select distinct on (e.ticket_id) e.ticket_id, e.department_id from ticket_events e
      where e.type = 'RETURNED' and e.at >= ${from}::timestamptz
      order by e.ticket_id, e.id desc
    ),
    judged as (
      select t.id, t.priority, ((select map from root_of) ->> t.category_id::text)::uuid as category_id, t.status, t.clock_started_at, t.accept_due_at,
        t.accepted_at, t.accept_working_ms, t.due_at, t.breached_at, t.resolved_at, t.resolve_working_ms,
        t.paused_at, t.closed_at, t.updated_at,
        ${cycleDepartment} as department_id,
        case
          when t.accepted_at is not null then t.accepted_on_time
          when t.accept_due_at <= ${acceptStop} then false
        end as accept_met,
        case
          when t.breached_at is not null then false
          when t.status in ('DISPATCHED', 'IN_PROGRESS') and t.due_at <= ${now}::timestamptz then false
          when t.status = 'ON_HOLD' and t.paused_at >= t.due_at then false
          when t.resolved_at is not null then true
        end as resolve_met
      from tickets t left join returned_by rd on rd.ticket_id = t.id and t.department_id is null
      where t.created_at >= ${from}::timestamptz
        and t.created_at < ${scope.to.toISOString()}::timestamptz
        and t.clock_started_at is not null${
          scope.priority ? sql` and t.priority = ${scope.priority}::ticket_priority` : sql``
        }${
          scope.categoryId
            ? sql` and (t.category_id = ${scope.categoryId}::uuid or (select map from root_of) ->> t.category_id::text = ${scope.categoryId})`
            : sql``
        }${scope.departmentId ? sql` and ${cycleDepartment} = ${scope.departmentId}::uuid` : sql``}
    )`;
}

interface FiguresRow {
  grp: 'ALL' | 'PRIORITY' | 'DEPARTMENT' | 'CATEGORY';
  priority: TicketPriority | null;
  department_id: string | null;
  category_id: string | null;
  tickets: number;
  accept_met: number;
  accept_missed: number;
  resolve_met: number;
  resolve_missed: number;
  avg_accept_ms: number | null;
  p90_accept_ms: number | null;
  avg_resolve_ms: number | null;
  p90_resolve_ms: number | null;
}

function figuresOf(row: FiguresRow | undefined): SlaFiguresResult {
  const n = (value: unknown) => Number(value ?? 0);
  const acceptMet = n(row?.accept_met);
  const acceptMissed = n(row?.accept_missed);
  const resolveMet = n(row?.resolve_met);
  const resolveMissed = n(row?.resolve_missed);
  return {
    tickets: n(row?.tickets),
    acceptMet,
    acceptMissed,
    acceptRate: ratio(acceptMet, acceptMet + acceptMissed),
    resolveMet,
    resolveMissed,
    resolveRate: ratio(resolveMet, resolveMet + resolveMissed),
    avgAcceptMinutes: minutes(row?.avg_accept_ms),
    p90AcceptMinutes: minutes(row?.p90_accept_ms),
    avgResolveMinutes: minutes(row?.avg_resolve_ms),
    p90ResolveMinutes: minutes(row?.p90_resolve_ms),
  };
}

/**
 * % met per priority, department and top-level category, with average and 90th percentile working time
 * to accept and to resolve (stored on the ticket when they happened): one statement, grouping sets.
 */
export async function computeSlaReport(ctx: ServiceContext, args: SlaReportArgs): Promise<SlaReportResult> {
  const scope = slaReportScope(ctx, args);
  const grouping = sql`case
      when grouping(priority, department_id, category_id) = 7 then 'ALL'
      when grouping(priority) = 0 then 'PRIORITY'
      when grouping(department_id) = 0 then 'DEPARTMENT'
      else 'CATEGORY'
    end as grp, priority, department_id, category_id`;
  const sets = sql`group by grouping sets ((), (priority), (department_id), (category_id))`;
  // Two statements on two connections: the counts hash in one pass, while the percentiles (ordered-set
  // aggregates, which PostgreSQL can only sort for) run beside them.
  const [counts, percentiles] = await Promise.all([
    readReport(ctx, (tx) =>
      queryRows<FiguresRow>(
        tx,
        sql`with recursive ${judgedTickets(scope)}
        select ${grouping},
          count(*)::int as tickets,
          count(*) filter (where accept_met)::int as accept_met,
          count(*) filter (where not accept_met)::int as accept_missed,
          count(*) filter (where resolve_met)::int as resolve_met,
          count(*) filter (where not resolve_met)::int as resolve_missed,
          avg(accept_working_ms::float8) as avg_accept_ms,
          avg(resolve_working_ms::float8) as avg_resolve_ms
        from judged ${sets}`,
      ),
    ),
    readReport(ctx, (tx) =>
      queryRows<FiguresRow>(
        tx,
        sql`with recursive ${judgedTickets(scope)}
        select ${grouping},
          percentile_cont(0.9) within group (order by accept_working_ms) as p90_accept_ms,
          percentile_cont(0.9) within group (order by resolve_working_ms) as p90_resolve_ms
        from judged ${sets}`,
      ),
    ),
  ]);
  const keyOf = (row: FiguresRow) => `${row.grp}:${row.priority}:${row.department_id}:${row.category_id}`;
  const p90 = new Map(percentiles.map((row) => [keyOf(row), row]));
  const missed = (row: FiguresRow) => row.accept_missed + row.resolve_missed;
  // Most misses first, then most tickets: where a director looks first.
  const rows = counts
    .map((row) => ({
      ...row,
      p90_accept_ms: p90.get(keyOf(row))?.p90_accept_ms ?? null,
      p90_resolve_ms: p90.get(keyOf(row))?.p90_resolve_ms ?? null,
    }))
    .sort((a, b) => missed(b) - missed(a) || b.tickets - a.tickets || keyOf(a).localeCompare(keyOf(b)));
  const of = (grp: FiguresRow['grp']) => rows.filter((row) => row.grp === grp);
  const priorityOrder = (p: TicketPriority) => ticketPriorities.indexOf(p);
  return {
    scope,
    overall: figuresOf(of('ALL')[0]),
    byPriority: of('PRIORITY')
      .map((row) => ({ ...figuresOf(row), priority: row.priority as TicketPriority }))
      .sort((a, b) => priorityOrder(a.priority) - priorityOrder(b.priority)),
    byDepartment: of('DEPARTMENT').map((row) => ({ ...figuresOf(row), departmentId: row.department_id })),
    byCategory: of('CATEGORY').map((row) => ({ ...figuresOf(row), categoryId: row.category_id })),
  };
}

interface BreachRow {
  ticket_id: string;
  priority: TicketPriority;
  deadline: SlaDeadlineKind;
  due_at: string | Date;
  met_at: string | Date | null;
  ended_at: string | Date | null;
  department_id: string | null;
  cause: SlaBreachCause;
}

const asDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));

/**
 * One page of the report's missed deadlines (a ticket can miss both), latest deadline first, with the
 * cause and how late: until the work was done, the clock stopped (return, withdrawal, hold) or now.
 */
export async function listSlaBreaches(
  ctx: ServiceContext,
  scope: SlaReportScope,
  page: { first: number; offset: number },
): Promise<SlaBreachResult[]> {
  if (!(page.first >= 1 && page.first <= SLA_BREACHES_MAX_PAGE))
    throw badInput(`first must be between 1 and ${SLA_BREACHES_MAX_PAGE}`, 'first');
  if (!(page.offset >= 0)) throw badInput('offset must not be negative', 'offset');
  const db = ctx.readDb ?? ctx.db;
  // An extension decided in this cycle, refused or granted, explains a late resolution.
  const decided = (status: string) =>
    sql`exists (select 1 from extension_requests x where x.ticket_id = p.ticket_id and x.status = ${status}::extension_status and x.decided_at >= p.clock_started_at)`;
  const [rows, calendar] = await Promise.all([
    // One pass over the tickets, each giving up to two missed deadlines; the causes are worked out for
    // the page's rows only.
    readReport(ctx, (tx) =>
      queryRows<BreachRow>(
        tx,
        sql`with recursive ${judgedTickets(scope)},
      page as (
        select j.id as ticket_id, j.priority, j.department_id, j.status, j.clock_started_at,
          b.deadline, b.due_at, b.met_at, b.ended_at
        from judged j cross join lateral (values
          ('ACCEPTANCE', j.accept_due_at, j.accepted_at,
            coalesce(j.accepted_at, case j.status when 'RETURNED' then j.updated_at when 'CLOSED' then j.closed_at end),
            j.accept_met),
          ('RESOLUTION', coalesce(j.breached_at, j.due_at), j.resolved_at,
            coalesce(j.resolved_at, case j.status when 'RETURNED' then j.updated_at when 'CLOSED' then j.closed_at when 'ON_HOLD' then j.paused_at end),
            j.resolve_met)
        ) as b(deadline, due_at, met_at, ended_at, met)
        where b.met = false
        order by b.due_at desc, j.id, b.deadline
        limit ${page.first} offset ${page.offset}
      )
      select p.ticket_id, p.priority, p.department_id, p.deadline, p.due_at, p.met_at, p.ended_at,
        case
          when p.deadline = 'ACCEPTANCE' and p.met_at is not null then 'ACCEPTED_LATE'
          when p.deadline = 'ACCEPTANCE' and p.status = 'RETURNED' then 'RETURNED_LATE'
          when p.deadline = 'ACCEPTANCE' and p.status = 'CLOSED' then 'CLOSED_LATE'
          when p.deadline = 'ACCEPTANCE' then 'NOT_ACCEPTED'
          when ${decided('REJECTED')} then 'EXTENSION_REFUSED'
          when ${decided('APPROVED')} then 'LATE_AFTER_EXTENSION'
          when p.met_at is not null then 'RESOLVED_LATE'
          when p.status = 'RETURNED' then 'RETURNED_LATE'
          when p.status = 'CLOSED' then 'CLOSED_LATE'
          else 'OPEN_PAST_DUE'
        end as cause
      from page p
      order by p.due_at desc, p.ticket_id, p.deadline`,
      ),
    ),
    loadCalendar(db),
  ]);
  return rows.map((row) => {
    const dueAt = asDate(row.due_at);
    const endedAt = row.ended_at ? asDate(row.ended_at) : scope.now;
    return {
      ticketId: row.ticket_id,
      priority: row.priority,
      deadline: row.deadline,
      dueAt,
      metAt: row.met_at ? asDate(row.met_at) : null,
      departmentId: row.department_id,
      cause: row.cause,
      lateByMinutes: Math.max(0, endedAt.getTime() - dueAt.getTime()) / MINUTE_MS,
      lateByWorkingMinutes: workingMsBetween(calendar, 'BUSINESS', dueAt, endedAt) / MINUTE_MS,
    };
  });
}
