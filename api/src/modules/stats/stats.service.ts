import type { Role } from '@hotline/schema';
import { type Db, queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput } from '../../errors/app-error.js';
import { readRollups } from '../rollups/read-rollups.js';
import { addCounters, noCounters } from '../rollups/rollup-figures.js';

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
  /** Every change committed before this instant is counted. */
  asOf: Date;
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
 * dispatched to a department at least once: sums of the daily roll-up (whole days) plus the tickets of
 * a cut day at either end, and the live count of overdue tickets. `asOf` says how fresh the roll-up is.
 */
export async function computeStats(ctx: ServiceContext, args: StatsArgs): Promise<HotlineStatsResult> {
  const reportDb = ctx.readDb ?? ctx.db;
  const departmentId = scopeDepartment(ctx, args.departmentId ?? null);
  if (departmentId && !isUuid(departmentId))
    throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  checkRange(args.from, args.to, MAX_DAYS);

  const range = { from: args.from, to: args.to };
  const now = ctx.clock.now();
  const [figures, returns, overdue, roots] = await Promise.all([
    readRollups(reportDb, range, departmentId ? { departmentId } : { city: true }, ['day', 'category']),
    departmentId
      ? null
      : readRollups(reportDb, range, { departments: true }, ['department']).then((answer) => answer.rows),
    countOverdue(reportDb, range, now, departmentId),
    categoryRoots(reportDb),
  ]);

  const total = noCounters();
  const perDay = new Map<string, number>();
  const perRoot = new Map<string, number>();
  for (const row of figures.rows) {
    addCounters(total, row);
    perDay.set(row.day!, (perDay.get(row.day!) ?? 0) + row.received);
    const root = row.categoryId ? roots.get(row.categoryId) : undefined;
    if (root) perRoot.set(root, (perRoot.get(root) ?? 0) + row.received);
  }
  const byReturns = departmentId
    ? [{ departmentId, count: total.returns }]
    : (returns ?? []).map((row) => ({
        departmentId: row.departmentId!,
        count: row.returns,
      }));
  const returnsByDepartment = byReturns
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || compareText(a.departmentId, b.departmentId));
  return {
    received: total.received,
    dispatched: total.dispatched,
    resolved: total.resolved,
    overdue,
    outOfScope: total.out_of_scope,
    returned: returnsByDepartment.reduce((sum, row) => sum + row.count, 0),
    responseRate: ratio(total.accepted_on_time, total.dispatched),
    resolutionRate: ratio(total.resolved, total.received - total.excluded),
    satisfactionRate: ratio(total.satisfied, total.feedback),
    byCategory: [...perRoot]
      .filter(([, count]) => count > 0)
      .map(([categoryId, count]) => ({ categoryId, count }))
      .sort((a, b) => b.count - a.count || compareText(a.categoryId, b.categoryId)),
    byDay: figures.days.map((date) => ({ date, count: perDay.get(date) ?? 0 })),
    returnsByDepartment,
    asOf: figures.staleSince ?? now,
  };
}

/** Byte order, as PostgreSQL's `order by` on uuids. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Open tickets created in the range and past their deadline now: live, from the running tickets' index. */
async function countOverdue(
  db: Db,
  range: { from: Date; to: Date },
  now: Date,
  departmentId: string | null,
): Promise<number> {
  // Serial: the count reads one index range (100 k entries for a month in crisis), a few ms of work;
  // starting parallel workers for it took 40-50 ms on a busy two-core machine, most of the stats' time.
  const [row] = await db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return queryRows<{ count: number }>(
      tx,
      sql`select count(*)::int as count from tickets t
      where t.status in ('DISPATCHED', 'IN_PROGRESS') and t.due_at < ${now.toISOString()}::timestamptz
        and t.created_at >= ${range.from.toISOString()}::timestamptz and t.created_at < ${range.to.toISOString()}::timestamptz${
          departmentId
            ? sql` and exists (select 1 from ticket_departments td where td.ticket_id = t.id and td.department_id = ${departmentId}::uuid)`
            : sql``
        }`,
    );
  });
  return Number(row?.count ?? 0);
}

/** Every category's top-level ancestor: district reports count demands under top-level categories. */
export async function categoryRoots(db: Parameters<typeof queryRows>[0]): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; root_id: string }>(
    db,
    sql`with recursive roots(id, root_id) as (
        select id, id from categories where parent_id is null
        union all
        select c.id, r.root_id from categories c join roots r on c.parent_id = r.id
      )
      select id, root_id from roots`,
  );
  return new Map(rows.map((row) => [row.id, row.root_id]));
}
