import type { Role } from '@hotline/schema';
import { queryRows } from '@hotline/schema/client';
import { type SQL, sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';

export interface StatsArgs {
  from: Date;
  to: Date;
  departmentId?: string | null;
}

export interface HotlineStatsResult {
  received: number;
  dispatched: number;
  resolved: number;
  overdue: number;
  outOfScope: number;
  returned: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  byCategory: { categoryId: string; count: number }[];
  byDay: { date: string; count: number }[];
  returnsByDepartment: { departmentId: string; count: number }[];
}

const MAX_DAYS = 3700;
const DAY_MS = 86_400_000;

/** Who may read which figures: the roles given everything, a HANDLER its own department. */
export function scopeDepartment(
  ctx: ServiceContext,
  departmentId: string | null,
  roles: readonly Role[] = ['ADMIN', 'MANAGER', 'AGENT', 'HANDLER'],
): string | null {
  requireRole(ctx.viewer, roles);
  if (ctx.viewer.role !== 'HANDLER') return departmentId;
  const own = ctx.viewer.departmentId;
  if (!own || (departmentId && departmentId !== own)) {
    throw new AppError('FORBIDDEN', "A HANDLER sees only its own department's figures");
  }
  return own;
}

/** A report's [from, to): not reversed, at most `maxDays` long (bounds the work of one request). */
export function checkRange(from: Date, to: Date, maxDays: number): void {
  const span = to.getTime() - from.getTime();
  if (!(span >= 0)) throw badInput('from must not be after to', 'from');
  if (span > maxDays * DAY_MS) throw badInput(`The range may span at most ${maxDays} days`, 'to');
}

export const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/**
 * The contract's three rates and counts over tickets created in [from, to), optionally only those
 * dispatched to a department at least once. Four aggregate statements; no ticket leaves the database.
 */
export async function computeStats(ctx: ServiceContext, args: StatsArgs): Promise<HotlineStatsResult> {
  const reportDb = ctx.readDb ?? ctx.db;
  const departmentId = scopeDepartment(ctx, args.departmentId ?? null);
  if (departmentId && !isUuid(departmentId))
    throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  checkRange(args.from, args.to, MAX_DAYS);

  const from = args.from.toISOString();
  const to = args.to.toISOString();
  const now = ctx.clock.now().toISOString();
  const inScope: SQL = sql`t.created_at >= ${from}::timestamptz and t.created_at < ${to}::timestamptz${
    departmentId
      ? sql` and exists (select 1 from ticket_departments td where td.ticket_id = t.id and td.department_id = ${departmentId}::uuid)`
      : sql``
  }`;

  const [totals, byCategory, byDay, returns] = await Promise.all([
    queryRows<Record<string, number>>(
      reportDb,
      sql`select
        count(*)::int as received,
        count(*) filter (where t.first_dispatched_at is not null)::int as dispatched,
        count(*) filter (where t.status = 'RESOLVED' or t.close_reason in ('RESOLVED', 'ANSWERED_DIRECTLY'))::int as resolved,
        count(*) filter (where t.status in ('DISPATCHED', 'IN_PROGRESS') and t.due_at < ${now}::timestamptz)::int as overdue,
        count(*) filter (where t.first_dispatched_at is not null and t.accepted_on_time)::int as accepted_on_time,
        count(*) filter (where t.close_reason in ('OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN'))::int as excluded,
        count(*) filter (where t.close_reason = 'OUT_OF_SCOPE')::int as out_of_scope,
        count(*) filter (where t.satisfaction is not null)::int as feedback,
        count(*) filter (where t.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))::int as satisfied
      from tickets t where ${inScope}`,
    ),
    // Counted under top-level categories (a leaf's root), the way district reports group demands.
    queryRows<{ category_id: string; count: number }>(
      reportDb,
      sql`with recursive roots(id, root_id) as (
          select id, id from categories where parent_id is null
          union all
          select c.id, r.root_id from categories c join roots r on c.parent_id = r.id
        ),
        -- Count per category in one pass over the range, then roll the few dozen counts up to their roots
        -- (joining first made PostgreSQL hash every ticket of the month: 2.7x slower).
        per_category as (select t.category_id, count(*) as count from tickets t where ${inScope} group by t.category_id)
        select r.root_id as category_id, sum(p.count)::int as count
        from per_category p join roots r on r.id = p.category_id
        group by r.root_id
        order by count desc, r.root_id`,
    ),
    queryRows<{ date: string; count: number }>(
      reportDb,
      sql`with zone as (
          select coalesce((select timezone from business_calendar where id = 1), 'Asia/Shanghai') as tz
        ),
        days as (
          select generate_series(
            (${from}::timestamptz at time zone zone.tz)::date,
            ((${to}::timestamptz - interval '1 microsecond') at time zone zone.tz)::date,
            interval '1 day')::date as day
          from zone
          where ${to}::timestamptz > ${from}::timestamptz
        ),
        counts as (
          select (t.created_at at time zone zone.tz)::date as day, count(*)::int as count
          from tickets t, zone where ${inScope} group by 1
        )
        select to_char(days.day, 'YYYY-MM-DD') as date, coalesce(counts.count, 0)::int as count
        from days left join counts on counts.day = days.day
        order by days.day`,
    ),
    // The department a RETURNED event names is the one that sent the ticket back: it was misrouted there.
    queryRows<{ department_id: string; count: number }>(
      reportDb,
      sql`select e.department_id, count(*)::int as count
        from ticket_events e join tickets t on t.id = e.ticket_id
        where e.type = 'RETURNED' and e.department_id is not null and ${inScope}${
          departmentId ? sql` and e.department_id = ${departmentId}::uuid` : sql``
        }
        group by e.department_id
        order by count desc, e.department_id`,
    ),
  ]);

  const total = totals[0]!;
  const n = (key: string) => Number(total[key] ?? 0);
  const returnsByDepartment = returns.map((row) => ({
    departmentId: row.department_id,
    count: Number(row.count),
  }));
  return {
    received: n('received'),
    dispatched: n('dispatched'),
    resolved: n('resolved'),
    overdue: n('overdue'),
    outOfScope: n('out_of_scope'),
    returned: returnsByDepartment.reduce((sum, row) => sum + row.count, 0),
    responseRate: ratio(n('accepted_on_time'), n('dispatched')),
    resolutionRate: ratio(n('resolved'), n('received') - n('excluded')),
    satisfactionRate: ratio(n('satisfied'), n('feedback')),
    byCategory: byCategory.map((row) => ({ categoryId: row.category_id, count: Number(row.count) })),
    byDay: byDay.map((row) => ({ date: row.date, count: Number(row.count) })),
    returnsByDepartment,
  };
}
