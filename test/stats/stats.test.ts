import { ManualClock, rollUpAllDirtyDays } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartments } from '../routing/routing-support.js';
import { makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

// Monday 2 March 2026 09:00 in Asia/Shanghai (the default calendar's zone).
const clock = new ManualClock(new Date('2026-03-02T01:00:00Z'));
const app = useHotline({ clock });
let agent: string;
let manager: string;
let handlerA: string;
let handlerB: string;
let dept: Record<string, string>;
const local = (stamp: string) => new Date(`${stamp}+08:00`).toISOString();
const MINUTE = 60_000;

const VARIABLE_TYPES: Record<string, string> = {
  id: 'ID!',
  dept: 'ID!',
  reason: 'String!',
  sat: 'Satisfaction!',
};

/** Runs one mutation field with the variables it uses, returning that field's data. */
async function act(token: string, field: string, variables: Record<string, unknown>) {
  const declared = Object.keys(variables).map((key) => `$${key}: ${VARIABLE_TYPES[key]}`);
  const data = await app.ok<Record<string, { sla?: { acceptDueAt: string; dueAt: string } }>>(
    `mutation(${declared.join(', ')}) { ${field} }`,
    variables,
    token,
  );
  return Object.values(data)[0]!;
}

const dispatch = async (id: string, department: string) =>
  (
    await act(agent, 'dispatchTicket(id: $id, departmentId: $dept) { sla { acceptDueAt dueAt } }', {
      id,
      dept: department,
    })
  ).sla!;
const accept = (token: string, id: string) => act(token, 'acceptTicket(id: $id) { id }', { id });
const resolve = (token: string, id: string) =>
  act(token, 'resolveTicket(id: $id, reply: "已处理") { id }', { id });
const feedback = (id: string, sat: string) =>
  act(agent, 'recordFeedback(id: $id, satisfaction: $sat) { id }', { id, sat });
const close = (id: string, reason: string) =>
  act(agent, `closeTicket(id: $id, reason: ${reason}) { id }`, { id });

async function ticketAt(stamp: string, categoryCode: string | null) {
  clock.set(local(stamp));
  return (await makeTicket(app, { categoryCode }, agent)).id;
}

/** Dispatch at `stamp`, then accept a minute later, or a minute past the accept deadline when late. */
async function dispatchAndAccept(
  id: string,
  department: string,
  handler: string,
  stamp: string,
  late = false,
) {
  clock.set(local(stamp));
  const sla = await dispatch(id, department);
  clock.set(
    late ? new Date(Date.parse(sla.acceptDueAt) + MINUTE) : new Date(Date.parse(local(stamp)) + MINUTE),
  );
  await accept(handler, id);
  return sla;
}

let overdueDueAt = '';

beforeAll(async () => {
  agent = (await makeUser(app, 'AGENT')).token;
  manager = (await makeUser(app, 'MANAGER')).token;
  dept = await makeDepartments(app, ['STAT_A', 'STAT_B']);
  handlerA = (await makeUser(app, 'HANDLER', dept.STAT_A)).token;
  handlerB = (await makeUser(app, 'HANDLER', dept.STAT_B)).token;
  const { STAT_A: A, STAT_B: B } = dept as { STAT_A: string; STAT_B: string };

  // T1: on time, resolved, satisfied.
  const t1 = await ticketAt('2026-03-02T09:00', 'HOUSING_PROPERTY_MGMT');
  await dispatchAndAccept(t1, A, handlerA, '2026-03-02T09:05');
  await resolve(handlerA, t1);
  await feedback(t1, 'SATISFIED');
  // T2: accepted late, resolved, basically satisfied.
  const t2 = await ticketAt('2026-03-02T10:00', 'HOUSING_RENTAL');
  await dispatchAndAccept(t2, A, handlerA, '2026-03-02T10:05', true);
  await resolve(handlerA, t2);
  await feedback(t2, 'BASICALLY_SATISFIED');
  // T3 (23:30 local, still 2 March): returned by A, dispatched to B, dissatisfied, reopened, then satisfied.
  const t3 = await ticketAt('2026-03-02T23:30', 'URBAN_WATER');
  await dispatchAndAccept(t3, A, handlerA, '2026-03-03T09:00');
  await act(handlerA, 'returnTicket(id: $id, reason: $reason) { id }', { id: t3, reason: '不属于本单位' });
  await dispatchAndAccept(t3, B, handlerB, '2026-03-03T10:00');
  await resolve(handlerB, t3);
  await feedback(t3, 'DISSATISFIED');
  await resolve(handlerB, t3);
  await feedback(t3, 'SATISFIED');
  // T4: A accepts late, a manager reassigns to B, B accepts on time and resolves (no feedback yet).
  const t4 = await ticketAt('2026-03-02T11:00', 'HOUSING_REPAIR');
  await dispatchAndAccept(t4, A, handlerA, '2026-03-02T11:05', true);
  await act(manager, 'reassignTicket(id: $id, departmentId: $dept, reason: $reason) { id }', {
    id: t4,
    dept: B,
    reason: '改派',
  });
  await accept(handlerB, t4);
  await resolve(handlerB, t4);
  // T5 (00:10 local on 3 March, still 2 March in UTC): out of scope.
  const t5 = await ticketAt('2026-03-03T00:10', 'MARKET_CONSUMER');
  await close(t5, 'OUT_OF_SCOPE');
  // T6: answered directly.
  const t6 = await ticketAt('2026-03-03T09:00', null);
  await close(t6, 'ANSWERED_DIRECTLY');
  // T7: dispatched to B, never accepted: overdue at the end.
  const t7 = await ticketAt('2026-03-03T09:30', 'TRANSPORT_BUS');
  clock.set(local('2026-03-03T09:35'));
  overdueDueAt = (await dispatch(t7, B)).dueAt;
  // T8: A on time, resolved, dissatisfied: reopened and in progress.
  const t8 = await ticketAt('2026-03-04T09:00', 'URBAN_ROADS');
  await dispatchAndAccept(t8, A, handlerA, '2026-03-04T09:05');
  await resolve(handlerA, t8);
  await feedback(t8, 'DISSATISFIED');
  // T9: withdrawn.
  const t9 = await ticketAt('2026-03-04T12:00', null);
  await close(t9, 'WITHDRAWN');
  // Outside the range: one minute before it, and at its exclusive end.
  const t10 = await ticketAt('2026-03-01T23:59', 'HOUSING_PROPERTY_MGMT');
  await dispatchAndAccept(t10, A, handlerA, '2026-03-02T09:00');
  await ticketAt('2026-03-05T00:00', 'HOUSING_PROPERTY_MGMT');

  clock.set(new Date(Date.parse(overdueDueAt) + MINUTE));
});

const STATS = `query($from: DateTime!, $to: DateTime!, $dept: ID) {
  stats(from: $from, to: $to, departmentId: $dept) {
    received dispatched resolved overdue outOfScope returned responseRate resolutionRate satisfactionRate
    byCategory { category { code } count } byDay { date count } returnsByDepartment { department { code } count }
  }
}`;
/** The workers' roll-up of the days the scenario changed (this test server runs no workers). */
const rolledUp = () => rollUpAllDirtyDays(app.hotline.database.db, clock);
const RANGE = { from: '2026-03-02T00:00:00+08:00', to: '2026-03-05T00:00:00+08:00' };

describe('stats over a scripted scenario', () => {
  it('computes the overall counts and rates', async () => {
    await rolledUp();
    const { stats } = await app.ok(STATS, RANGE, manager);
    expect(stats).toMatchObject({
      received: 9,
      dispatched: 6, // T1 T2 T3 T4 T7 T8
      resolved: 5, // T1 T2 T3 T4 (RESOLVED) and T6 (answered directly)
      overdue: 1, // T7
      outOfScope: 1,
      returned: 1,
      returnsByDepartment: [{ department: { code: 'STAT_A' }, count: 1 }],
      byDay: [
        { date: '2026-03-02', count: 4 },
        { date: '2026-03-03', count: 3 },
        { date: '2026-03-04', count: 2 },
      ],
    });
    expect(stats.responseRate).toBeCloseTo(4 / 6); // T2 late, T7 never accepted; T3, T4 count their last acceptance
    expect(stats.resolutionRate).toBeCloseTo(5 / 7); // 9 minus out of scope and withdrawn
    expect(stats.satisfactionRate).toBeCloseTo(3 / 4); // T1 T2 T3 (latest) satisfied, T8 dissatisfied
    expect(stats.byCategory.slice(0, 2)).toEqual([
      { category: { code: 'HOUSING' }, count: 3 },
      { category: { code: 'URBAN_RURAL' }, count: 2 },
    ]);
    expect(stats.byCategory.slice(2)).toEqual(
      expect.arrayContaining([
        { category: { code: 'MARKET' }, count: 1 },
        { category: { code: 'TRANSPORT' }, count: 1 },
      ]),
    );
  });

  it('per department: tickets dispatched there at least once; out-of-scope never counts', async () => {
    await rolledUp();
    const a = (await app.ok(STATS, { ...RANGE, dept: dept.STAT_A }, manager)).stats;
    expect(a).toMatchObject({
      received: 5,
      dispatched: 5,
      resolved: 4,
      overdue: 0,
      outOfScope: 0,
      returned: 1,
    });
    expect(a.responseRate).toBeCloseTo(4 / 5);
    expect(a.resolutionRate).toBeCloseTo(4 / 5);
    expect(a.satisfactionRate).toBeCloseTo(3 / 4);
    await rolledUp();
    const b = (await app.ok(STATS, { ...RANGE, dept: dept.STAT_B }, manager)).stats;
    expect(b).toMatchObject({
      received: 3,
      dispatched: 3,
      resolved: 2,
      overdue: 1,
      outOfScope: 0,
      returned: 0,
      satisfactionRate: 1,
    });
    expect(b.responseRate).toBeCloseTo(2 / 3);
    expect(b.byDay).toEqual([
      { date: '2026-03-02', count: 2 },
      { date: '2026-03-03', count: 1 },
      { date: '2026-03-04', count: 0 },
    ]);
  });

  it('byDay covers every calendar day of the range in the calendar timezone, zeros included', async () => {
    await rolledUp();
    const { stats } = await app.ok(
      STATS,
      { from: '2026-03-01T16:00:00Z', to: '2026-03-06T16:00:00Z' },
      manager,
    );
    expect(stats.byDay).toEqual([
      { date: '2026-03-02', count: 4 },
      { date: '2026-03-03', count: 3 },
      { date: '2026-03-04', count: 2 },
      { date: '2026-03-05', count: 1 },
      { date: '2026-03-06', count: 0 },
    ]);
    const wide = (
      await app.ok(STATS, { from: '2026-03-01T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00' }, manager)
    ).stats;
    expect(wide).toMatchObject({ received: 1, byDay: [{ date: '2026-03-01', count: 1 }] });
    const empty = (
      await app.ok(STATS, { from: '2026-02-01T00:00:00+08:00', to: '2026-02-03T00:00:00+08:00' }, manager)
    ).stats;
    expect(empty).toMatchObject({
      received: 0,
      responseRate: null,
      resolutionRate: null,
      satisfactionRate: null,
    });
    expect(empty.byDay).toEqual([
      { date: '2026-02-01', count: 0 },
      { date: '2026-02-02', count: 0 },
    ]);
  });

  it('lets a HANDLER read only its own department', async () => {
    await rolledUp();
    const own = (await app.ok(STATS, RANGE, handlerB)).stats;
    expect(own.received).toBe(3);
    expect(codes(await app.gql(STATS, { ...RANGE, dept: dept.STAT_A }, handlerB))).toEqual(['FORBIDDEN']);
    expect(codes(await app.gql(STATS, { from: RANGE.to, to: RANGE.from }, manager))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('the return guard', () => {
  it('flags a ticket returned twice for a manager; an agent may not dispatch it; a reassignment clears it', async () => {
    const { STAT_A: A, STAT_B: B } = dept as { STAT_A: string; STAT_B: string };
    clock.set(local('2026-03-09T09:00'));
    const id = (await makeTicket(app, { title: '退单测试' }, agent)).id;
    const view = `query($id: ID!) { ticket(id: $id) { status returnCount needsManager department { id } } }`;
    await dispatch(id, A);
    await act(handlerA, 'returnTicket(id: $id, reason: $reason) { id }', { id, reason: '非本单位职责' });
    expect((await app.ok(view, { id }, agent)).ticket).toMatchObject({
      status: 'RETURNED',
      returnCount: 1,
      needsManager: false,
    });
    await dispatch(id, B);
    await act(handlerB, 'returnTicket(id: $id, reason: $reason) { id }', { id, reason: '也不是我们' });
    expect((await app.ok(view, { id }, agent)).ticket).toMatchObject({ returnCount: 2, needsManager: true });

    const again = await app.gql(
      'mutation($id: ID!, $dept: ID!) { dispatchTicket(id: $id, departmentId: $dept) { id } }',
      { id, dept: A },
      agent,
    );
    expect(codes(again)).toEqual(['FORBIDDEN']);
    const waiting = await app.ok('{ ticketsNeedingManager { id } }', {}, manager);
    expect(waiting.ticketsNeedingManager).toEqual([{ id }]);
    expect(codes(await app.gql('{ ticketsNeedingManager { id } }', {}, agent))).toEqual(['FORBIDDEN']);

    await act(manager, 'reassignTicket(id: $id, departmentId: $dept, reason: $reason) { id }', {
      id,
      dept: A,
      reason: '经核实属 A',
    });
    expect((await app.ok(view, { id }, agent)).ticket).toEqual({
      status: 'DISPATCHED',
      returnCount: 0,
      needsManager: false,
      department: { id: A },
    });
    expect((await app.ok('{ ticketsNeedingManager { id } }', {}, manager)).ticketsNeedingManager).toEqual([]);

    await rolledUp();
    const { stats } = await app.ok(
      STATS,
      { from: local('2026-03-09T00:00'), to: local('2026-03-10T00:00') },
      manager,
    );
    expect(stats.returned).toBe(2);
    expect(
      stats.returnsByDepartment
        .map((row: { department: { code: string }; count: number }) => [row.department.code, row.count])
        .sort(),
    ).toEqual([
      ['STAT_A', 1],
      ['STAT_B', 1],
    ]);
  });
});
