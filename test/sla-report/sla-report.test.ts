import { backfillSlaWorkingTimes, ManualClock } from '@hotline/api/services';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartments } from '../routing/routing-support.js';
import { makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

// Monday 2 March 2026 09:00 in Asia/Shanghai (the default calendar: weekdays 08:30-12:00, 14:30-18:00).
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });
const local = (stamp: string) => new Date(`${stamp}+08:00`).toISOString();
const at = (stamp: string) => clock.set(local(stamp));

let agent: string;
let manager: string;
let handlerA: string;
let handlerB: string;
let A: string;
let B: string;
const ids: Record<string, string> = {};

const FIGURES = `tickets acceptMet acceptMissed acceptRate resolveMet resolveMissed resolveRate
  avgAcceptMinutes p90AcceptMinutes avgResolveMinutes p90ResolveMinutes`;
const REPORT = `query($from: DateTime!, $to: DateTime!, $dept: ID, $first: Int, $offset: Int) {
  slaReport(from: $from, to: $to, departmentId: $dept) {
    overall { ${FIGURES} }
    byPriority { priority ${FIGURES} }
    byDepartment { department { id } ${FIGURES} }
    byCategory { category { code } tickets }
    breaches(first: $first, offset: $offset) {
      totalCount
      nodes { ticket { id } deadline cause dueAt metAt department { id } lateByMinutes lateByWorkingMinutes }
    }
  }
}`;

interface Figures {
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
interface Breach {
  ticket: { id: string };
  deadline: string;
  cause: string;
  dueAt: string;
  metAt: string | null;
  department: { id: string } | null;
  lateByMinutes: number;
  lateByWorkingMinutes: number;
}
interface Report {
  overall: Figures;
  byPriority: (Figures & { priority: string })[];
  byDepartment: (Figures & { department: { id: string } })[];
  byCategory: { category: { code: string } | null; tickets: number }[];
  breaches: { totalCount: number; nodes: Breach[] };
}

const RANGE = { from: local('2026-03-01T00:00'), to: local('2026-03-15T00:00') };
async function report(token: string, variables: Record<string, unknown> = {}) {
  return (await app.ok<{ slaReport: Report }>(REPORT, { ...RANGE, ...variables }, token)).slaReport;
}

async function run(token: string, mutation: string, variables: Record<string, unknown>) {
  await app.ok(mutation, variables, token);
}
async function newTicket(name: string, stamp: string, overrides: Record<string, unknown> = {}) {
  at(stamp);
  ids[name] = (await makeTicket(app, { categoryCode: 'URBAN_ROADS', ...overrides }, agent)).id;
  return ids[name];
}
const dispatch = (id: string, dept: string) =>
  run(agent, 'mutation($id: ID!, $dept: ID!) { dispatchTicket(id: $id, departmentId: $dept) { id } }', {
    id,
    dept,
  });
const accept = (token: string, id: string) =>
  run(token, 'mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id });
const resolve = (token: string, id: string) =>
  run(token, 'mutation($id: ID!) { resolveTicket(id: $id, reply: "已处理") { id } }', { id });

const HOURS = 60;

beforeAll(async () => {
  agent = (await makeUser(app, 'AGENT')).token;
  manager = (await makeUser(app, 'MANAGER')).token;
  const dept = await makeDepartments(app, ['SLA_A', 'SLA_B']);
  A = dept.SLA_A!;
  B = dept.SLA_B!;
  handlerA = (await makeUser(app, 'HANDLER', A)).token;
  handlerB = (await makeUser(app, 'HANDLER', B)).token;
  // Monday 9 March is a holiday: the clock skips it as it skips the weekend.
  await app.ok(
    'mutation($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { timezone } }',
    {
      input: {
        timezone: 'Asia/Shanghai',
        workdays: [1, 2, 3, 4, 5],
        hours: [
          { start: '08:30', end: '12:00' },
          { start: '14:30', end: '18:00' },
        ],
        holidays: ['2026-03-09'],
        extraWorkdays: [],
      },
    },
    app.adminToken,
  );

  // T1 (ORDINARY, A): dispatched Friday 16:00; accept due Tuesday 10:30 (2 h Friday, the weekend and the
  // holiday skipped, 2 h Tuesday); accepted Tuesday 10:00 (3.5 working hours), resolved Tuesday 16:30
  // (7.5 h), due Thursday 16:00: both met.
  const t1 = await newTicket('t1', '2026-03-06T15:50');
  at('2026-03-06T16:00');
  await dispatch(t1, A);
  at('2026-03-10T10:00');
  await accept(handlerA, t1);
  at('2026-03-10T16:30');
  await resolve(handlerA, t1);

  // T2 (ORDINARY, A): dispatched Friday 17:00; accept due Tuesday 11:30, accepted Tuesday 15:00 (5 h);
  // due Thursday 17:00, resolved Friday 13 March 10:00 (23.5 h): both missed.
  const t2 = await newTicket('t2', '2026-03-06T16:50');
  at('2026-03-06T17:00');
  await dispatch(t2, A);
  at('2026-03-10T15:00');
  await accept(handlerA, t2);
  at('2026-03-13T10:00');
  await resolve(handlerA, t2);

  // T3 (ORDINARY, B): dispatched Tuesday 10 March 09:00, never accepted: accept due 15:30 that day,
  // resolution due Friday 13 March 09:00; both missed by the report's "now".
  const t3 = await newTicket('t3', '2026-03-10T08:50');
  at('2026-03-10T09:00');
  await dispatch(t3, B);

  // T4 (EMERGENCY, CALENDAR clock, A): over the weekend, accepted in 1 hour and resolved in 23: on time,
  // and no working time at all.
  const t4 = await newTicket('t4', '2026-03-07T09:50', { priority: 'EMERGENCY' });
  at('2026-03-07T10:00');
  await dispatch(t4, A);
  at('2026-03-07T11:00');
  await accept(handlerA, t4);
  at('2026-03-08T09:00');
  await resolve(handlerA, t4);

  // T5 (ORDINARY, B): dispatched Monday 2 March 09:00, accepted 09:30; due Thursday 5 March 09:00; an
  // extension asked Wednesday is refused; resolved Thursday 11:00 (23 working hours): refused, late.
  const t5 = await newTicket('t5', '2026-03-02T08:55');
  at('2026-03-02T09:00');
  await dispatch(t5, B);
  at('2026-03-02T09:30');
  await accept(handlerB, t5);
  at('2026-03-04T10:00');
  await run(
    handlerB,
    'mutation($id: ID!, $until: DateTime!) { requestExtension(id: $id, until: $until, reason: "需协调") { id } }',
    { id: t5, until: local('2026-03-06T18:00') },
  );
  at('2026-03-04T11:00');
  await run(manager, 'mutation($id: ID!) { decideExtension(id: $id, approve: false) { id } }', { id: t5 });
  at('2026-03-05T11:00');
  await resolve(handlerB, t5);

  // Outside the range: created on 15 March.
  const late = await newTicket('outside', '2026-03-15T09:00');
  await dispatch(late, A);

  at('2026-03-16T09:00');
});

describe('slaReport', () => {
  it('counts deadlines met and missed per priority and department', async () => {
    const result = await report(manager);
    expect(result.overall).toMatchObject({
      tickets: 5,
      acceptMet: 3,
      acceptMissed: 2,
      acceptRate: 0.6,
      resolveMet: 2,
      resolveMissed: 3,
      resolveRate: 0.4,
    });
    const ordinary = result.byPriority.find((row) => row.priority === 'ORDINARY');
    const emergency = result.byPriority.find((row) => row.priority === 'EMERGENCY');
    expect(result.byPriority.map((row) => row.priority)).toEqual(['EMERGENCY', 'ORDINARY']);
    expect(ordinary).toMatchObject({ tickets: 4, acceptRate: 0.5, resolveRate: 0.25 });
    expect(emergency).toMatchObject({ tickets: 1, acceptRate: 1, resolveRate: 1 });
    const byDepartment = Object.fromEntries(result.byDepartment.map((row) => [row.department.id, row]));
    expect(byDepartment[A]).toMatchObject({ tickets: 3, acceptMet: 2, acceptMissed: 1, resolveMet: 2 });
    expect(byDepartment[B]).toMatchObject({ tickets: 2, acceptMet: 1, acceptMissed: 1, resolveMissed: 2 });
    // B missed more: listed first.
    expect(result.byDepartment[0]!.department.id).toBe(B);
    expect(result.byCategory).toEqual([{ category: { code: 'URBAN_RURAL' }, tickets: 5 }]);
  });

  it('measures time to accept and resolve in working hours, across the weekend and the holiday', async () => {
    const result = await report(manager);
    const ordinary = result.byPriority.find((row) => row.priority === 'ORDINARY')!;
    // Accept: T5 0.5 h, T1 3.5 h, T2 5 h. Resolve: T1 7.5 h, T5 23 h, T2 23.5 h.
    expect(ordinary.avgAcceptMinutes).toBeCloseTo((30 + 210 + 300) / 3, 6);
    expect(ordinary.p90AcceptMinutes).toBeCloseTo(210 + 0.8 * 90, 6);
    expect(ordinary.avgResolveMinutes).toBeCloseTo(((7.5 + 23 + 23.5) * HOURS) / 3, 6);
    expect(ordinary.p90ResolveMinutes).toBeCloseTo(23 * HOURS + 0.8 * 30, 6);
    // The weekend emergency took no working time at all.
    const emergency = result.byPriority.find((row) => row.priority === 'EMERGENCY')!;
    expect(emergency).toMatchObject({ avgAcceptMinutes: 0, avgResolveMinutes: 0 });
    expect(result.overall.avgAcceptMinutes).toBeCloseTo((0 + 30 + 210 + 300) / 4, 6);
    expect(result.overall.p90AcceptMinutes).toBeCloseTo(210 + 0.7 * 90, 6);
  });

  it('lists each missed deadline with its cause and by how much, latest deadline first', async () => {
    const { breaches } = await report(manager, { first: 10 });
    expect(breaches.totalCount).toBe(5);
    const rows = breaches.nodes.map((row) => ({
      ticket: Object.keys(ids).find((name) => ids[name] === row.ticket.id),
      deadline: row.deadline,
      cause: row.cause,
      dueAt: row.dueAt,
      metAt: row.metAt,
      department: row.department?.id,
      late: row.lateByMinutes,
      lateWorking: row.lateByWorkingMinutes,
    }));
    expect(rows).toEqual([
      // Due 6.5 + 7 + 7 + 0.5 working hours after Tuesday 09:00: Friday 13 March 09:00. Late until
      // Monday 16 March 09:00: 3 + 3.5 + 0.5 working hours.
      {
        ticket: 't3',
        deadline: 'RESOLUTION',
        cause: 'OPEN_PAST_DUE',
        dueAt: local('2026-03-13T09:00'),
        metAt: null,
        department: B,
        late: 72 * HOURS,
        lateWorking: 7 * HOURS,
      },
      {
        ticket: 't2',
        deadline: 'RESOLUTION',
        cause: 'RESOLVED_LATE',
        dueAt: local('2026-03-12T17:00'),
        metAt: local('2026-03-13T10:00'),
        department: A,
        late: 17 * HOURS,
        lateWorking: 2.5 * HOURS,
      },
      {
        ticket: 't3',
        deadline: 'ACCEPTANCE',
        cause: 'NOT_ACCEPTED',
        dueAt: local('2026-03-10T15:30'),
        metAt: null,
        department: B,
        late: (5 * 24 + 17.5) * HOURS,
        lateWorking: 24 * HOURS,
      },
      {
        ticket: 't2',
        deadline: 'ACCEPTANCE',
        cause: 'ACCEPTED_LATE',
        dueAt: local('2026-03-10T11:30'),
        metAt: local('2026-03-10T15:00'),
        department: A,
        late: 3.5 * HOURS,
        lateWorking: 1 * HOURS,
      },
      {
        ticket: 't5',
        deadline: 'RESOLUTION',
        cause: 'EXTENSION_REFUSED',
        dueAt: local('2026-03-05T09:00'),
        metAt: local('2026-03-05T11:00'),
        department: B,
        late: 2 * HOURS,
        lateWorking: 2 * HOURS,
      },
    ]);
    const second = await report(manager, { first: 2, offset: 2 });
    expect(second.breaches.nodes.map((row) => row.deadline)).toEqual(['ACCEPTANCE', 'ACCEPTANCE']);
  });

  it("gives a HANDLER its own department's figures only", async () => {
    const own = await report(handlerA);
    expect(own.overall).toMatchObject({ tickets: 3, acceptMissed: 1, resolveMissed: 1 });
    expect(own.breaches.nodes.every((row) => row.department?.id === A)).toBe(true);
    const denied = await app.gql(REPORT, { ...RANGE, dept: B }, handlerA);
    expect(codes(denied)).toEqual(['FORBIDDEN']);
    const agentDenied = await app.gql(REPORT, RANGE, agent);
    expect(codes(agentDenied)).toEqual(['FORBIDDEN']);
  });

  it('refuses a range over a year and a page over 100', async () => {
    const tooLong = await app.gql(
      REPORT,
      { from: local('2025-01-01T00:00'), to: local('2026-03-15T00:00') },
      manager,
    );
    expect(codes(tooLong)).toEqual(['BAD_USER_INPUT']);
    const tooBig = await app.gql(REPORT, { ...RANGE, first: 101 }, manager);
    expect(codes(tooBig)).toEqual(['BAD_USER_INPUT']);
  });

  it('backfills the working times of tickets accepted and resolved before they were stored', async () => {
    const { db } = app.hotline.database;
    const before = (await report(manager)).byPriority;
    await db.execute(
      sql`update tickets set accept_working_ms = null, resolve_working_ms = null where id in (${ids.t1}::uuid, ${ids.t2}::uuid)`,
    );
    const blank = (await report(manager)).byPriority.find((row) => row.priority === 'ORDINARY')!;
    expect(blank.avgAcceptMinutes).toBe(30);
    expect(await backfillSlaWorkingTimes(db, app.hotline.log)).toBe(2);
    expect((await report(manager)).byPriority).toEqual(before);
    expect(await backfillSlaWorkingTimes(db, app.hotline.log)).toBe(0);
  });

  it('leaves time on hold out of the time to resolve', async () => {
    // COMPLEX, April: dispatched Wednesday 09:00, accepted 10:00, on hold Thursday 09:00 to Friday 09:00
    // (6.5 + 0.5 working hours), resolved Friday 10:00: 6.5 + 7 + 1.5 - 7 = 8 working hours.
    const id = await newTicket('held', '2026-04-01T08:55', { priority: 'COMPLEX' });
    at('2026-04-01T09:00');
    await dispatch(id, A);
    at('2026-04-01T10:00');
    await accept(handlerA, id);
    at('2026-04-02T09:00');
    await run(handlerA, 'mutation($id: ID!) { holdTicket(id: $id, reason: "等待材料") { id } }', { id });
    at('2026-04-03T09:00');
    await run(handlerA, 'mutation($id: ID!) { resumeTicket(id: $id) { id } }', { id });
    at('2026-04-03T10:00');
    await resolve(handlerA, id);
    const april = await report(manager, { from: local('2026-04-01T00:00'), to: local('2026-05-01T00:00') });
    expect(april.overall).toMatchObject({
      tickets: 1,
      acceptRate: 1,
      resolveRate: 1,
      avgAcceptMinutes: 60,
      avgResolveMinutes: 8 * HOURS,
      p90ResolveMinutes: 8 * HOURS,
    });
  });

  it('counts a ticket returned unaccepted after its deadline against the department that returned it', async () => {
    // ORDINARY, May: dispatched to A Monday 4 May 09:00, accept due 15:30; A returns it at 16:00.
    const id = await newTicket('returned', '2026-05-04T08:55');
    at('2026-05-04T09:00');
    await dispatch(id, A);
    at('2026-05-04T16:00');
    await run(handlerA, 'mutation($id: ID!) { returnTicket(id: $id, reason: "非本单位职责") { id } }', {
      id,
    });
    const may = await report(handlerA, { from: local('2026-05-01T00:00'), to: local('2026-06-01T00:00') });
    expect(may.byDepartment.map((row) => [row.department.id, row.acceptMissed])).toEqual([[A, 1]]);
    expect(may.breaches.nodes).toEqual([
      expect.objectContaining({
        ticket: { id },
        deadline: 'ACCEPTANCE',
        cause: 'RETURNED_LATE',
        dueAt: local('2026-05-04T15:30'),
        metAt: null,
        department: { id: A },
        lateByMinutes: 30,
        lateByWorkingMinutes: 30,
      }),
    ]);
  });
});
