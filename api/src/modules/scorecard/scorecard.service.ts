import { departments } from '@hotline/schema';
import { queryRows } from '@hotline/schema/client';
import { sql } from 'drizzle-orm';
import { requireRole } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { badInput, notFound } from '../../errors/app-error.js';
import { readRollups } from '../rollups/read-rollups.js';
import { type Counters, noCounters } from '../rollups/rollup-figures.js';
import { checkRange, ratio, scopeDepartment } from '../stats/stats.service.js';
import { getScorecardWeights, type Weights, type WeightsView, weightedScore } from './scorecard-weights.js';

/** A department's figures over tickets created in a period and sent to it at least once. */
export interface Scorecard {
  volume: number;
  dispatched: number;
  acceptedOnTime: number;
  responseRate: number | null;
  resolved: number;
  excluded: number;
  resolutionRate: number | null;
  resolvedWithDeadline: number;
  resolvedOnTime: number;
  onTimeResolutionRate: number | null;
  feedback: number;
  satisfied: number;
  satisfactionRate: number | null;
  reopened: number;
  reopenRate: number | null;
  returnedTickets: number;
  returns: number;
  returnRate: number | null;
  supervisedTickets: number;
  coHandlingRequests: number;
  coHandlingExcused: number;
  coHandlingRepliedOnTime: number;
  coHandlingOnTimeRate: number | null;
  rejectedReturns: number;
  score: number | null;
}

export interface RankingEntry {
  rank: number;
  departmentId: string;
  /** Running tickets now with the department and past their deadline (live). */
  overdueNow: number;
  current: Scorecard;
  previous: Scorecard;
  /** Score points against the previous period; null when either has no score. */
  scoreChange: number | null;
}

export interface Period {
  from: Date;
  to: Date;
}

export interface RankingResult extends PeriodBounds {
  asOf: Date;
  weights: WeightsView;
  entries: RankingEntry[];
}

const MAX_DAYS = 366;

/** The contract's rates and the scorecard's own, from the roll-up's counters. */
export function scorecardOf(counters: Counters, weights: Weights): Scorecard {
  const rates = {
    responseRate: ratio(counters.accepted_on_time, counters.dispatched),
    resolutionRate: ratio(counters.resolved, counters.received - counters.excluded),
    onTimeResolutionRate: ratio(counters.resolved_on_time, counters.resolved_with_deadline),
    satisfactionRate: ratio(counters.satisfied, counters.feedback),
    reopenRate: ratio(counters.reopened, counters.feedback),
    returnRate: ratio(counters.returned_tickets, counters.received),
  };
  return {
    volume: counters.received,
    dispatched: counters.dispatched,
    acceptedOnTime: counters.accepted_on_time,
    resolved: counters.resolved,
    excluded: counters.excluded,
    resolvedWithDeadline: counters.resolved_with_deadline,
    resolvedOnTime: counters.resolved_on_time,
    feedback: counters.feedback,
    satisfied: counters.satisfied,
    reopened: counters.reopened,
    returnedTickets: counters.returned_tickets,
    returns: counters.returns,
    supervisedTickets: counters.supervised,
    coHandlingRequests: counters.co_handling_requests,
    coHandlingExcused: counters.co_handling_excused,
    coHandlingRepliedOnTime: counters.co_handling_replied_on_time,
    coHandlingOnTimeRate: ratio(
      counters.co_handling_replied_on_time,
      counters.co_handling_requests - counters.co_handling_excused,
    ),
    rejectedReturns: counters.rejected_returns,
    ...rates,
    score: weightedScore(rates, weights),
  };
}

/** The period of equal length just before (month over month for a month). */
export function previousPeriod(period: Period): Period {
  const span = period.to.getTime() - period.from.getTime();
  return { from: new Date(period.from.getTime() - span), to: period.from };
}

type Reader = Parameters<typeof queryRows>[0];

/** Running tickets past their deadline now, per department now responsible: from the index alone. */
async function overdueByDepartment(db: Reader, now: Date): Promise<Map<string, number>> {
  const rows = await queryRows<{ department_id: string; count: number }>(
    db,
    sql`select department_id, count(*)::int as count from tickets
      where status in ('DISPATCHED', 'IN_PROGRESS') and due_at < ${now.toISOString()}::timestamptz
        and department_id is not null
      group by department_id`,
  );
  return new Map(rows.map((row) => [row.department_id, Number(row.count)]));
}

async function countersByDepartment(db: Reader, period: Period) {
  const answer = await readRollups(db, period, { departments: true }, ['department']);
  return {
    staleSince: answer.staleSince,
    byDepartment: new Map(answer.rows.map((row) => [row.departmentId!, row])),
  };
}

/**
 * Every department ranked by its weighted score over tickets created in [from, to) (ties: more
 * tickets first, then by name), with the previous period of equal length beside it. ADMIN, MANAGER.
 * Two SUMs over the roll-up and one count over the running tickets' index.
 */
export async function rankDepartments(ctx: ServiceContext, period: Period): Promise<RankingResult> {
  requireRole(ctx.viewer, ['ADMIN', 'MANAGER']);
  checkRange(period.from, period.to, MAX_DAYS);
  const db = ctx.readDb ?? ctx.db;
  const previous = previousPeriod(period);
  const now = ctx.clock.now();
  const [current, before, overdue, weights, all] = await Promise.all([
    countersByDepartment(db, period),
    countersByDepartment(db, previous),
    overdueByDepartment(db, now),
    getScorecardWeights(ctx.db),
    db
      .select({
        id: departments.id,
        name: departments.name,
        kind: departments.kind,
        active: departments.active,
      })
      .from(departments),
  ]);
  const ranked = all.filter(
    (department) =>
      (department.active && department.kind !== 'HOTLINE_CENTER') ||
      current.byDepartment.has(department.id) ||
      before.byDepartment.has(department.id),
  );
  const entries = ranked.map((department) => {
    const now = scorecardOf(current.byDepartment.get(department.id) ?? noCounters(), weights);
    const then = scorecardOf(before.byDepartment.get(department.id) ?? noCounters(), weights);
    return {
      name: department.name,
      entry: {
        rank: 0,
        departmentId: department.id,
        overdueNow: overdue.get(department.id) ?? 0,
        current: now,
        previous: then,
        scoreChange:
          now.score == null || then.score == null ? null : Math.round((now.score - then.score) * 10) / 10,
      },
    };
  });
  entries.sort(
    (a, b) =>
      (b.entry.current.score ?? -1) - (a.entry.current.score ?? -1) ||
      b.entry.current.volume - a.entry.current.volume ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  entries.forEach((item, index) => {
    item.entry.rank = index + 1;
  });
  const stale = [current.staleSince, before.staleSince].filter((at): at is Date => at != null);
  return {
    from: period.from,
    to: period.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    asOf: stale.length ? new Date(Math.min(...stale.map((at) => at.getTime()))) : now,
    weights,
    entries: entries.map((item) => item.entry),
  };
}

export interface DepartmentDay {
  date: string;
  scorecard: Scorecard;
}

export interface PeriodBounds {
  from: Date;
  to: Date;
  previousFrom: Date;
  previousTo: Date;
}

export interface DepartmentScorecardResult extends Omit<RankingEntry, 'rank'>, PeriodBounds {
  byDay: DepartmentDay[];
  asOf: Date;
}

/**
 * One department's scorecard over [from, to), its previous period and one scorecard per day (the
 * department page's charts). ADMIN, MANAGER; a HANDLER its own department. `rank` is its place in
 * the ranking of the same period.
 */
export async function departmentScorecard(
  ctx: ServiceContext,
  args: Period & { departmentId: string },
): Promise<DepartmentScorecardResult> {
  const departmentId = scopeDepartment(ctx, args.departmentId, ['ADMIN', 'MANAGER', 'HANDLER'])!;
  if (!isUuid(departmentId)) throw badInput(`Unknown department ${departmentId}`, 'departmentId');
  checkRange(args.from, args.to, MAX_DAYS);
  const db = ctx.readDb ?? ctx.db;
  const period = { from: args.from, to: args.to };
  const previous = previousPeriod(period);
  const scope = { departmentId };
  const [exists, days, before, overdue, weights] = await Promise.all([
    db.select({ id: departments.id }).from(departments).where(sql`${departments.id} = ${departmentId}::uuid`),
    readRollups(db, period, scope, ['day']),
    readRollups(db, previous, scope, []),
    overdueByDepartment(db, ctx.clock.now()),
    getScorecardWeights(ctx.db),
  ]);
  if (exists.length === 0) throw notFound('Department');
  const total = noCounters();
  const perDay = new Map(days.rows.map((row) => [row.day!, row]));
  for (const row of days.rows)
    for (const key of Object.keys(total) as (keyof Counters)[]) total[key] += row[key];
  const current = scorecardOf(total, weights);
  const then = scorecardOf(before.rows[0] ?? noCounters(), weights);
  const stale = [days.staleSince, before.staleSince].filter((at): at is Date => at != null);
  return {
    departmentId,
    overdueNow: overdue.get(departmentId) ?? 0,
    from: period.from,
    to: period.to,
    previousFrom: previous.from,
    previousTo: previous.to,
    current,
    previous: then,
    scoreChange:
      current.score == null || then.score == null ? null : Math.round((current.score - then.score) * 10) / 10,
    byDay: days.days.map((date) => ({
      date,
      scorecard: scorecardOf(perDay.get(date) ?? noCounters(), weights),
    })),
    asOf: stale.length ? new Date(Math.min(...stale.map((at) => at.getTime()))) : ctx.clock.now(),
  };
}
