import { ManualClock, rollUpAllDirtyDays } from '@hotline/api/services';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useHotline } from '../support/hotline.js';
import {
  BASE,
  DAYS,
  type GeneratedTicket,
  MINUTE,
  SATISFACTIONS,
  ticketArbitrary,
  useGeneratedTickets,
} from './generated-tickets.js';

// Tuesday 10 March 2026 12:00 in Asia/Shanghai: after every generated ticket.
const clock = new ManualClock(new Date('2026-03-10T04:00:00Z'));
const app = useHotline({ clock });
const generated = useGeneratedTickets(app);
const insertTickets = (tickets: GeneratedTicket[], tag: string) => generated.insert(tickets, tag);
const clearTickets = () => generated.clear();

/** The contract's definitions over the tickets themselves: the figures as stats computed them before the roll-up. */
async function rawStats(from: Date, to: Date, departmentId: string | null) {
  const { sql } = generated;
  const inScope = departmentId
    ? sql`t.created_at >= ${from} and t.created_at < ${to} and exists (select 1 from ticket_departments td where td.ticket_id = t.id and td.department_id = ${departmentId})`
    : sql`t.created_at >= ${from} and t.created_at < ${to}`;
  const [totals] = await sql<Record<string, number>[]>`select
      count(*)::int as received,
      count(*) filter (where t.first_dispatched_at is not null)::int as dispatched,
      count(*) filter (where t.status = 'RESOLVED' or t.close_reason in ('RESOLVED', 'ANSWERED_DIRECTLY'))::int as resolved,
      count(*) filter (where t.status in ('DISPATCHED', 'IN_PROGRESS') and t.due_at < ${clock.now()})::int as overdue,
      count(*) filter (where t.first_dispatched_at is not null and t.accepted_on_time)::int as accepted_on_time,
      count(*) filter (where t.close_reason in ('OUT_OF_SCOPE', 'DUPLICATE', 'WITHDRAWN'))::int as excluded,
      count(*) filter (where t.close_reason = 'OUT_OF_SCOPE')::int as out_of_scope,
      count(*) filter (where t.satisfaction is not null)::int as feedback,
      count(*) filter (where t.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED'))::int as satisfied
    from tickets t where ${inScope}`;
  const byCategory = await sql<
    { category_id: string; count: number }[]
  >`with recursive roots(id, root_id) as (
      select id, id from categories where parent_id is null
      union all select c.id, r.root_id from categories c join roots r on c.parent_id = r.id)
    select r.root_id as category_id, count(*)::int as count from tickets t join roots r on r.id = t.category_id
    where ${inScope} group by r.root_id order by count desc, r.root_id`;
  const byDay = await sql<{ date: string; count: number }[]>`select to_char(d, 'YYYY-MM-DD') as date,
      (select count(*)::int from tickets t where ${inScope} and (t.created_at at time zone 'Asia/Shanghai')::date = d::date) as count
    from generate_series((${from}::timestamptz at time zone 'Asia/Shanghai')::date,
      ((${to}::timestamptz - interval '1 microsecond') at time zone 'Asia/Shanghai')::date, interval '1 day') d
    where ${to}::timestamptz > ${from}::timestamptz order by d`;
  const returns = await sql<
    { department_id: string; count: number }[]
  >`select e.department_id, count(*)::int as count
    from ticket_events e join tickets t on t.id = e.ticket_id
    where e.type = 'RETURNED' and e.department_id is not null and ${inScope}
      ${departmentId ? sql`and e.department_id = ${departmentId}` : sql``}
    group by e.department_id order by count desc, e.department_id`;
  const n = totals!;
  const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);
  return {
    received: n.received,
    dispatched: n.dispatched,
    resolved: n.resolved,
    overdue: n.overdue,
    outOfScope: n.out_of_scope,
    returned: returns.reduce((sum, row) => sum + row.count, 0),
    responseRate: ratio(n.accepted_on_time!, n.dispatched!),
    resolutionRate: ratio(n.resolved!, n.received! - n.excluded!),
    satisfactionRate: ratio(n.satisfied!, n.feedback!),
    byCategory: byCategory.map((row) => ({ category: { id: row.category_id }, count: row.count })),
    byDay: byDay.map((row) => ({ date: row.date, count: row.count })),
    returnsByDepartment: returns.map((row) => ({ department: { id: row.department_id }, count: row.count })),
  };
}

/** Supervised tickets per day: city-wide at all, per department while it was responsible (and sent there). */
function rawSupervised() {
  return generated.sql<{ day: string; department: string; count: number }[]>`
    with t as (select id, to_char((created_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day from tickets)
    select t.day, 'city' as department, count(*)::int as count
    from t where exists (select 1 from supervisions s where s.ticket_id = t.id) group by t.day
    union all
    select t.day, s.department_id::text, count(distinct t.id)::int
    from t join supervisions s on s.ticket_id = t.id
    join ticket_departments td on td.ticket_id = t.id and td.department_id = s.department_id
    group by t.day, s.department_id
    order by day, department`;
}

/** Tickets with a rejected return request per day: city-wide by anyone, per department its own. */
function rawRejectedReturns() {
  return generated.sql<{ day: string; department: string; count: number }[]>`
    with t as (select id, to_char((created_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day from tickets)
    select t.day, 'city' as department, count(*)::int as count
    from t where exists (select 1 from return_requests r where r.ticket_id = t.id and r.status = 'REJECTED') group by t.day
    union all
    select t.day, r.department_id::text, count(distinct t.id)::int
    from t join return_requests r on r.ticket_id = t.id and r.status = 'REJECTED'
    join ticket_departments td on td.ticket_id = t.id and td.department_id = r.department_id
    group by t.day, r.department_id
    order by day, department`;
}

function rolledRejectedReturns() {
  return generated.sql<{ day: string; department: string; count: number }[]>`
    select to_char(day, 'YYYY-MM-DD') as day, coalesce(department_id::text, 'city') as department, sum(rejected_returns)::int as count
    from daily_rollups group by 1, 2 having sum(rejected_returns) > 0 order by 1, 2`;
}

function rolledSupervised() {
  return generated.sql<{ day: string; department: string; count: number }[]>`
    select to_char(day, 'YYYY-MM-DD') as day, coalesce(department_id::text, 'city') as department, sum(supervised)::int as count
    from daily_rollups group by 1, 2 having sum(supervised) > 0 order by 1, 2`;
}

/** Co-handling requests per day (a department's latest on each ticket): city-wide all, per department its own. */
function rawCoHandling() {
  return generated.sql<
    { day: string; department: string; requests: number; excused: number; on_time: number }[]
  >`
    with t as (select id, to_char((created_at at time zone 'Asia/Shanghai')::date, 'YYYY-MM-DD') as day from tickets),
    latest as (
      select distinct on (ticket_id, department_id) * from ticket_co_handlers
      order by ticket_id, department_id, created_at desc, id desc
    ),
    c as (
      select t.day, c.department_id::text as department, c.status, c.replied_at, c.due_at
      from t join latest c on c.ticket_id = t.id
    )
    select day, department, requests, excused, on_time from (
      select day, 'city' as department, count(*)::int as requests,
        count(*) filter (where status in ('WAIVED', 'CANCELLED'))::int as excused,
        count(*) filter (where status = 'REPLIED' and replied_at <= due_at)::int as on_time
      from c group by day
      union all
      select day, department, count(*)::int,
        count(*) filter (where status in ('WAIVED', 'CANCELLED'))::int,
        count(*) filter (where status = 'REPLIED' and replied_at <= due_at)::int
      from c group by day, department
    ) x order by day, department`;
}

function rolledCoHandling() {
  return generated.sql<
    { day: string; department: string; requests: number; excused: number; on_time: number }[]
  >`
    select to_char(day, 'YYYY-MM-DD') as day, coalesce(department_id::text, 'city') as department,
      sum(co_handling_requests)::int as requests, sum(co_handling_excused)::int as excused,
      sum(co_handling_replied_on_time)::int as on_time
    from daily_rollups group by 1, 2 having sum(co_handling_requests) > 0 order by 1, 2`;
}

const STATS = `query($from: DateTime!, $to: DateTime!, $dept: ID) {
  stats(from: $from, to: $to, departmentId: $dept) {
    received dispatched resolved overdue outOfScope returned responseRate resolutionRate satisfactionRate
    byCategory { category { id } count } byDay { date count } returnsByDepartment { department { id } count } asOf
  }
}`;

async function servedStats(from: Date, to: Date, departmentId: string | null) {
  const { stats } = await app.ok<{ stats: Record<string, unknown> }>(
    STATS,
    { from: from.toISOString(), to: to.toISOString(), dept: departmentId },
    app.adminToken,
  );
  return stats;
}

/** A range of whole days, or cut anywhere (the ends then come from the tickets themselves). */
const rangeArbitrary = fc.record({
  fromMinute: fc.oneof(
    fc.integer({ min: -1, max: DAYS }).map((day) => day * 24 * 60),
    fc.integer({ min: -60, max: DAYS * 24 * 60 }),
  ),
  lengthMinutes: fc.oneof(
    fc.integer({ min: 0, max: DAYS + 1 }).map((days) => days * 24 * 60),
    fc.integer({ min: 0, max: (DAYS + 1) * 24 * 60 }),
  ),
  department: fc.integer({ min: -1, max: 2 }),
});

describe('the daily roll-up', () => {
  it('answers stats exactly as the definitions over the tickets, on random tickets and ranges, after late changes', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArbitrary(), { minLength: 1, maxLength: 25 }),
        fc.array(rangeArbitrary, { minLength: 2, maxLength: 4 }),
        fc.array(fc.record({ ticket: fc.nat(), satisfaction: fc.constantFrom(...SATISFACTIONS) }), {
          maxLength: 4,
        }),
        fc.array(fc.record({ part: fc.nat(), lateMinutes: fc.integer({ min: -600, max: 600 }) }), {
          maxLength: 3,
        }),
        async (tickets, ranges, lateFeedback, lateReplies) => {
          run++;
          await clearTickets();
          const ids = await insertTickets(tickets, String(run));
          await rollUpAllDirtyDays(app.hotline.database.db, clock);
          // Late changes to tickets of days already rolled up: their days are rolled up again.
          for (const change of lateFeedback) {
            await generated.sql`update tickets set satisfaction = ${change.satisfaction}, version = version + 1
              where id = ${ids[change.ticket % ids.length]!}`;
          }
          // Late co-handling replies (as replyCoHandling writes them, with the ticket's version step).
          const parts = await generated.sql<{ id: string; ticket_id: string }[]>`
            select id, ticket_id from ticket_co_handlers where status in ('PENDING', 'ACCEPTED') order by id`;
          for (const reply of lateReplies) {
            const part = parts[reply.part % Math.max(parts.length, 1)];
            if (!part) break;
            await generated.sql`update ticket_co_handlers set status = 'REPLIED',
              replied_at = due_at + ${reply.lateMinutes} * interval '1 minute' where id = ${part.id}`;
            await generated.sql`update tickets set version = version + 1 where id = ${part.ticket_id}`;
          }
          await rollUpAllDirtyDays(app.hotline.database.db, clock);
          for (const range of ranges) {
            const from = new Date(BASE + range.fromMinute * MINUTE);
            const to = new Date(from.getTime() + range.lengthMinutes * MINUTE);
            const department = range.department < 0 ? null : generated.departmentIds[range.department]!;
            const served = await servedStats(from, to, department);
            const { asOf, ...figures } = served;
            expect(asOf).toBe(clock.now().toISOString());
            expect(figures).toEqual(await rawStats(from, to, department));
          }
          expect(await rolledSupervised()).toEqual(await rawSupervised());
          expect(await rolledCoHandling()).toEqual(await rawCoHandling());
          expect(await rolledRejectedReturns()).toEqual(await rawRejectedReturns());
        },
      ),
      { numRuns: 20 },
    );
  }, 180_000);

  it('says how fresh it is: a change not yet rolled up leaves asOf before now, and the roll-up catches up', async () => {
    await clearTickets();
    const [id] = await insertTickets(
      [
        {
          createdMinute: 600,
          status: 'RESOLVED',
          closeReason: 'RESOLVED',
          dispatched: true,
          acceptedOnTime: true,
          resolvedAfter: 30,
          dueAfter: 60,
          satisfaction: null,
          category: 1,
          departments: [0],
          current: 0,
          returnsBy: [],
          reopened: false,
          supervisedAt: [],
          coHandlers: [],
          returnRequests: [],
        },
      ],
      'fresh',
    );
    await rollUpAllDirtyDays(app.hotline.database.db, clock);
    const from = new Date(BASE);
    const to = new Date(BASE + DAYS * 24 * 60 * MINUTE);
    expect(await servedStats(from, to, null)).toMatchObject({ resolved: 1, asOf: clock.now().toISOString() });

    await generated.sql`update tickets set status = 'CLOSED', close_reason = 'WITHDRAWN', version = version + 1 where id = ${id!}`;
    const stale = await servedStats(from, to, null);
    expect(stale.resolved).toBe(1);
    expect(Date.parse(String(stale.asOf))).toBeLessThanOrEqual(Date.now());
    expect(stale.asOf).not.toBe(clock.now().toISOString());

    await rollUpAllDirtyDays(app.hotline.database.db, clock);
    expect(await servedStats(from, to, null)).toMatchObject({ resolved: 0, asOf: clock.now().toISOString() });
  });

  it('marks nothing when an update leaves every figure unchanged (the SLA tick moving timers)', async () => {
    await clearTickets();
    await insertTickets(
      [
        {
          createdMinute: 60,
          status: 'IN_PROGRESS',
          closeReason: 'RESOLVED',
          dispatched: true,
          acceptedOnTime: true,
          resolvedAfter: null,
          dueAfter: 600,
          satisfaction: null,
          category: 0,
          departments: [1],
          current: 0,
          returnsBy: [],
          reopened: false,
          supervisedAt: [],
          coHandlers: [],
          returnRequests: [],
        },
      ],
      'timer',
    );
    await rollUpAllDirtyDays(app.hotline.database.db, clock);
    await generated.sql`update tickets set next_timer_at = ${clock.now()}, escalation_level = escalation_level + 1`;
    expect((await generated.sql`select day from rollup_dirty_days`).length).toBe(0);
    await generated.sql`update tickets set status = 'RESOLVED', resolved_at = ${clock.now()}, version = version + 1`;
    expect(
      (await generated.sql`select to_char(day, 'YYYY-MM-DD') as day from rollup_dirty_days`).map(
        (row) => row.day,
      ),
    ).toEqual(['2026-03-02']);
  });
});
