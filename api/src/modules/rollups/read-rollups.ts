import { queryRows } from '@hotline/schema/client';
import { type SQL, sql } from 'drizzle-orm';
import { ZONE_SQL } from './roll-up-days.js';
import { aggregateTickets, COUNTER_COLUMNS, type Counters, readCounters } from './rollup-figures.js';

type Reader = Parameters<typeof queryRows>[0];

/** Whose rows: city-wide, one department's, or every department's (one group each). */
export type RollupScope = { city: true } | { departmentId: string } | { departments: true };

export type RollupGroup = 'day' | 'department' | 'category';

export interface RollupRow extends Counters {
  day?: string;
  departmentId?: string;
  categoryId?: string | null;
}

export interface RollupAnswer {
  rows: RollupRow[];
  /** Every change committed before this instant is counted (null: the figures are exact now). */
  staleSince: Date | null;
  /** The calendar days of [from, to) in the business calendar's zone, first to last. */
  days: string[];
}

interface RangeSplit {
  zone: string;
  first_day: string;
  end_day: string;
  first_start: string;
  end_start: string;
}

const GROUP_COLUMNS: Record<RollupGroup, string> = {
  day: `to_char(day, 'YYYY-MM-DD') as day`,
  department: 'department_id',
  category: 'category_id',
};
const GROUP_KEYS: Record<RollupGroup, string> = {
  day: 'day',
  department: 'department_id',
  category: 'category_id',
};

function scopeCondition(scope: RollupScope): SQL {
  if ('city' in scope) return sql`department_id is null`;
  if ('departmentId' in scope) return sql`department_id = ${scope.departmentId}::uuid`;
  return sql`department_id is not null`;
}

/**
 * Sums of the roll-up's counters over tickets created in [from, to), grouped as asked. Whole days of
 * the business calendar's zone come from daily_rollups (a SUM over an index range); the parts of a day
 * at either end that [from, to) cuts are counted from their tickets (the console asks whole days).
 */
export async function readRollups(
  db: Reader,
  range: { from: Date; to: Date },
  scope: RollupScope,
  groups: readonly RollupGroup[],
): Promise<RollupAnswer> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const [split] = await queryRows<RangeSplit>(
    db,
    sql`with z as (select ${ZONE_SQL} as zone),
      b as (
        select zone, (${from}::timestamptz at time zone zone)::date as from_day,
          (${to}::timestamptz at time zone zone)::date as to_day
        from z
      ),
      c as (
        select zone, case when (from_day::timestamp at time zone zone) < ${from}::timestamptz
          then from_day + 1 else from_day end as first_day, to_day as end_day
        from b
      )
      select zone, to_char(first_day, 'YYYY-MM-DD') as first_day, to_char(end_day, 'YYYY-MM-DD') as end_day,
        (first_day::timestamp at time zone zone)::text as first_start,
        (end_day::timestamp at time zone zone)::text as end_start
      from c`,
  );
  const { zone, first_day: firstDay, end_day: endDay } = split!;
  const firstStart = new Date(split!.first_start);
  const endStart = new Date(split!.end_start);
  const wholeDays = firstDay < endDay;
  const edges: [string, string][] = [];
  if (!wholeDays) {
    if (range.from < range.to) edges.push([from, to]);
  } else {
    if (range.from < firstStart) edges.push([from, firstStart.toISOString()]);
    if (endStart < range.to) edges.push([endStart.toISOString(), to]);
  }
  const columns = sql.raw(['day', 'department_id', 'category_id', ...COUNTER_COLUMNS].join(', '));
  const pieces: SQL[] = [];
  if (wholeDays) {
    pieces.push(sql`select ${columns} from daily_rollups
      where ${scopeCondition(scope)} and day >= ${firstDay}::date and day < ${endDay}::date`);
  }
  for (const [start, end] of edges) {
    pieces.push(
      sql`select ${columns} from (${aggregateTickets(
        sql`${start}::timestamptz`,
        sql`${end}::timestamptz`,
        zone,
      )}) edge where ${scopeCondition(scope)}`,
    );
  }
  const days = calendarDays(range, zone);
  if (pieces.length === 0) return { rows: [], staleSince: null, days };
  const select = groups.map((group) => GROUP_COLUMNS[group]);
  const sums = COUNTER_COLUMNS.map((column) => `sum(${column})::int as ${column}`);
  const [rows, stale] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`select ${sql.raw([...select, ...sums].join(', '))}
        from (${sql.join(pieces, sql` union all `)}) pieces
        ${groups.length ? sql.raw(`group by ${groups.map((group) => GROUP_KEYS[group]).join(', ')}`) : sql``}`,
    ),
    wholeDays
      ? queryRows<{ since: string | null }>(
          db,
          sql`select min(marked_at)::text as since from rollup_dirty_days
            where day >= ${firstDay}::date and day < ${endDay}::date`,
        )
      : Promise.resolve([{ since: null }]),
  ]);
  return {
    rows: rows.map((row) => ({
      ...readCounters(row),
      ...(groups.includes('day') ? { day: String(row.day) } : {}),
      ...(groups.includes('department') ? { departmentId: String(row.department_id) } : {}),
      ...(groups.includes('category')
        ? { categoryId: row.category_id == null ? null : String(row.category_id) }
        : {}),
    })),
    staleSince: stale[0]?.since ? new Date(stale[0].since) : null,
    days,
  };
}

/** The calendar days [from, to) touches, in the zone (partial days at either end included). */
function calendarDays(range: { from: Date; to: Date }, zone: string): string[] {
  if (!(range.from < range.to)) return [];
  const key = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(at);
  const first = key(range.from);
  const last = key(new Date(range.to.getTime() - 1));
  const days: string[] = [];
  for (let day = first; day <= last; day = nextDay(day)) days.push(day);
  return days;
}

/** The calendar day after a YYYY-MM-DD. */
export function nextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
