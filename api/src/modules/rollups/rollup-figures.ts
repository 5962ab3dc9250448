import { type SQL, sql } from 'drizzle-orm';

/**
 * The additive counters of daily_rollups, each with its definition over one ticket (alias `t`, plus the
 * `reopened` flag). The contract's rates are ratios of these sums (stats.service, scorecard.service).
 */
export const TICKET_COUNTERS = {
  received: sql`true`,
  dispatched: sql`t.first_dispatched_at is not null`,
  accepted_on_time: sql`t.first_dispatched_at is not null and t.accepted_on_time`,
  resolved: sql`t.resolved`,
  excluded: sql`t.close_reason in ('OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN')`,
  out_of_scope: sql`t.close_reason = 'OUT_OF_SCOPE'`,
  resolved_with_deadline: sql`t.resolved and t.resolved_at is not null and t.due_at is not null`,
  resolved_on_time: sql`t.resolved and t.resolved_at is not null and t.due_at is not null and t.resolved_at <= t.due_at`,
  feedback: sql`t.satisfaction is not null`,
  satisfied: sql`t.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')`,
  reopened: sql`t.reopened`,
} as const;

/**
 * The co-handling counters, each over a department's latest request on a ticket (alias `c`, a
 * ticket_co_handlers row): a case dispatched again with the same co-handler counts once, as its ticket
 * list filter (coHandlingDepartmentId) does.
 */
export const CO_HANDLING_COUNTERS = {
  co_handling_requests: sql`true`,
  /** Waived by a manager or cancelled with the case: outside the on-time rate. */
  co_handling_excused: sql`c.status in ('WAIVED', 'CANCELLED')`,
  co_handling_replied_on_time: sql`c.status = 'REPLIED' and c.replied_at <= c.due_at`,
} as const;
const CO_HANDLING_COLUMNS = Object.keys(CO_HANDLING_COUNTERS) as (keyof typeof CO_HANDLING_COUNTERS)[];

/**
 * Every counter column: the ticket counters, the two counted from RETURNED events, the tickets
 * supervised (city-wide: at all; a department's rows: while it was responsible), the tickets with a
 * rejected return request (city-wide: any department's; a department's rows: its own), and the
 * co-handling (协办) requests (city-wide: all; a department's rows: those made of it, on rows of their own
 * that carry no ticket counters, since a case counts for its lead only).
 */
export type CounterColumn =
  | keyof typeof TICKET_COUNTERS
  | 'returns'
  | 'returned_tickets'
  | 'supervised'
  | 'rejected_returns'
  | keyof typeof CO_HANDLING_COUNTERS;
export const COUNTER_COLUMNS: readonly CounterColumn[] = [
  ...(Object.keys(TICKET_COUNTERS) as (keyof typeof TICKET_COUNTERS)[]),
  'returns',
  'returned_tickets',
  'supervised',
  'rejected_returns',
  ...CO_HANDLING_COLUMNS,
];
export type Counters = Record<CounterColumn, number>;

/** A co-handling department's own rows: no ticket counters, its requests counted. */
const coHandlingCounts = () =>
  sql.join(
    [
      ...COUNTER_COLUMNS.filter((column) => !(column in CO_HANDLING_COUNTERS)).map((column) =>
        sql.raw(`0 as ${column}`),
      ),
      ...Object.entries(CO_HANDLING_COUNTERS).map(
        ([column, condition]) => sql`count(*) filter (where ${condition})::int as ${sql.raw(column)}`,
      ),
    ],
    sql`, `,
  );

/** The ticket counters of a group of tickets; the co-handling ones summed from `coHandlingSource` or zero. */
const counts = (
  returnsSource: string,
  supervisedSource: string,
  rejectedSource: string,
  coHandlingSource: string | null,
) =>
  sql.join(
    [
      ...Object.entries(TICKET_COUNTERS).map(
        ([column, condition]) => sql`count(*) filter (where ${condition})::int as ${sql.raw(column)}`,
      ),
      sql.raw(`coalesce(sum(${returnsSource}.count), 0)::int as returns`),
      sql.raw(`count(${returnsSource}.ticket_id)::int as returned_tickets`),
      sql.raw(`count(${supervisedSource}.ticket_id)::int as supervised`),
      sql.raw(`count(${rejectedSource}.ticket_id)::int as rejected_returns`),
      ...CO_HANDLING_COLUMNS.map((column) =>
        sql.raw(
          coHandlingSource
            ? `coalesce(sum(${coHandlingSource}.${column}), 0)::int as ${column}`
            : `0 as ${column}`,
        ),
      ),
    ],
    sql`, `,
  );

/**
 * daily_rollups rows (day, department_id, category_id, counters...) computed from the tickets created in
 * [start, end), days cut in `zone`: city-wide rows (null department) count each ticket once, department
 * rows each ticket sent there at least once, with the returns that department made. `start` and `end`
 * are SQL timestamptz expressions.
 */
export function aggregateTickets(start: SQL, end: SQL, zone: string): SQL {
  return sql`with t as materialized (
      select t.id, (t.created_at at time zone ${zone})::date as day, t.category_id, t.first_dispatched_at,
        t.accepted_on_time, t.close_reason, t.resolved_at, t.due_at, t.satisfaction,
        (t.status = 'RESOLVED' or t.close_reason in ('RESOLVED', 'ANSWERED_DIRECTLY')) as resolved,
        exists (select 1 from ticket_events e where e.ticket_id = t.id and e.type = 'REOPENED') as reopened
      from tickets t
      where t.created_at >= ${start} and t.created_at < ${end}
    ),
    returned as (
      select e.ticket_id, e.department_id, count(*)::int as count
      from t join ticket_events e on e.ticket_id = t.id and e.type = 'RETURNED' and e.department_id is not null
      group by e.ticket_id, e.department_id
    ),
    returned_any as (select ticket_id, sum(count)::int as count from returned group by ticket_id),
    supervised as (
      select distinct s.ticket_id, s.department_id from t join supervisions s on s.ticket_id = t.id
    ),
    supervised_any as (select distinct ticket_id from supervised),
    rejected as (
      select distinct r.ticket_id, r.department_id
      from t join return_requests r on r.ticket_id = t.id and r.status = 'REJECTED'
    ),
    rejected_any as (select distinct ticket_id from rejected),
    co_latest as (
      select distinct on (c.ticket_id, c.department_id) c.ticket_id, c.department_id, c.status, c.due_at, c.replied_at
      from t join ticket_co_handlers c on c.ticket_id = t.id
      order by c.ticket_id, c.department_id, c.created_at desc, c.id desc
    ),
    co_handled as (
      select c.ticket_id, ${sql.join(
        Object.entries(CO_HANDLING_COUNTERS).map(
          ([column, condition]) => sql`count(*) filter (where ${condition})::int as ${sql.raw(column)}`,
        ),
        sql`, `,
      )}
      from co_latest c
      group by c.ticket_id
    )
    select t.day, null::uuid as department_id, t.category_id,
      ${counts('returned_any', 'supervised_any', 'rejected_any', 'co_handled')}
    from t
    left join returned_any on returned_any.ticket_id = t.id
    left join supervised_any on supervised_any.ticket_id = t.id
    left join rejected_any on rejected_any.ticket_id = t.id
    left join co_handled on co_handled.ticket_id = t.id
    group by t.day, t.category_id
    union all
    select t.day, td.department_id, t.category_id, ${counts('returned', 'supervised', 'rejected', null)}
    from t
    join ticket_departments td on td.ticket_id = t.id
    left join returned on returned.ticket_id = t.id and returned.department_id = td.department_id
    left join supervised on supervised.ticket_id = t.id and supervised.department_id = td.department_id
    left join rejected on rejected.ticket_id = t.id and rejected.department_id = td.department_id
    group by t.day, td.department_id, t.category_id
    union all
    select t.day, c.department_id, t.category_id, ${coHandlingCounts()}
    from t
    join co_latest c on c.ticket_id = t.id
    group by t.day, c.department_id, t.category_id`;
}

/** Zero of every counter. */
export function noCounters(): Counters {
  return Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, 0])) as Counters;
}

/** Counters of a result row (postgres.js may answer sums as strings). */
export function readCounters(row: Record<string, unknown>): Counters {
  return Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, Number(row[column] ?? 0)])) as Counters;
}

export function addCounters(into: Counters, more: Counters): Counters {
  for (const column of COUNTER_COLUMNS) into[column] += more[column];
  return into;
}
