import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hotline } from '../../boot.js';
import { makeDepartment, makeUser } from '../support/factories.js';
import { startSibling, useHotline } from '../support/hotline.js';
import {
  allApplied,
  effectCounts,
  expectEffectsOnce,
  FAST_WORKERS,
  makeDispatched,
  setSecondsPolicy,
  waitFor,
} from './sla-support.js';

/** An API process and two competing worker processes on one database and prefix, real time. */
const app = useHotline({ env: FAST_WORKERS });
let workers: Hotline[] = [];
let sql: postgres.Sql;
let parent: { id: string };
let departmentId: string;
let supervisor: { id: string };

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
  parent = await makeDepartment(app, { kind: 'SUB_DISTRICT' });
  departmentId = (await makeDepartment(app, { parentId: parent.id })).id;
  supervisor = await makeDepartment(app);
  // EMERGENCY: reminder at 1 s, level 1 at the 2 s deadline, level 2 one second later (told to a supervisor).
  await app.ok(
    'mutation($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { id } }',
    {
      input: {
        name: 'seconds',
        priority: 'EMERGENCY',
        clock: 'CALENDAR',
        acceptWithin: 'PT1S',
        resolveWithin: 'PT2S',
        remindAt: [0.5],
        escalation: [
          { level: 1, after: 'PT0S' },
          { level: 2, after: 'PT1S', notifyDepartmentId: supervisor.id },
        ],
      },
    },
    app.adminToken,
  );
  // ORDINARY: reminder at 2 s, level 1 at the 4 s deadline: time to hold, resolve or close first.
  await setSecondsPolicy(app, 'ORDINARY', {
    resolveWithin: 'PT4S',
    remindAt: [0.5],
    escalation: [{ level: 1, after: 'PT0S' }],
  });
  workers = await Promise.all([
    startSibling(app, { env: FAST_WORKERS }),
    startSibling(app, { env: FAST_WORKERS }),
  ]);
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await sql?.end();
});

describe('SLA workers', () => {
  it('send each reminder and each escalation level exactly once with two worker processes', async () => {
    const ids = await Promise.all(
      Array.from({ length: 30 }, () => makeDispatched(app, 'EMERGENCY', departmentId)),
    );
    await waitFor('every effect', () => allApplied(sql, ids, 3));
    // Several more ticks: nothing fires twice.
    await new Promise((wake) => setTimeout(wake, 1500));
    await expectEffectsOnce(sql, ids, { reminders: [0.5], levels: [1, 2] });

    const view = await app.ok<{ ticket: any }>(
      `query($id: ID!) { ticket(id: $id) { version sla { breached escalationLevel }
         events { nodes { type level actor { id } department { id } } } } }`,
      { id: ids[0] },
      app.adminToken,
    );
    expect(view.ticket.sla).toEqual({ breached: true, escalationLevel: 2 });
    const effects = view.ticket.events.nodes.filter((event: any) =>
      ['REMINDER_SENT', 'ESCALATED'].includes(event.type),
    );
    expect(effects).toEqual([
      { type: 'REMINDER_SENT', level: null, actor: null, department: { id: departmentId } },
      // Level 1 goes to the responsible department's parent, level 2 to the step's department.
      { type: 'ESCALATED', level: 1, actor: null, department: { id: parent.id } },
      { type: 'ESCALATED', level: 2, actor: null, department: { id: supervisor.id } },
    ]);
    // CREATED and DISPATCHED made version 2; each effect raised it by one.
    expect(view.ticket.version).toBe(5);

    const outbox = await sql<{ type: string; count: number }[]>`
      select type, count(*)::int as count from outbox where ticket_id = any(${ids}::uuid[])
        and type in ('ticket.reminder', 'ticket.escalated') group by type order by type`;
    expect(outbox).toEqual([
      { type: 'ticket.escalated', count: 60 },
      { type: 'ticket.reminder', count: 30 },
    ]);
    const [payload] = await sql<{ payload: any }[]>`
      select payload from outbox where ticket_id = ${ids[0]!} and type = 'ticket.escalated' order by id limit 1`;
    expect(payload?.payload).toMatchObject({ level: 1, ticket: { id: ids[0], escalationLevel: 1 } });
    const [timers] = await sql<{ pending: number }[]>`
      select count(*)::int as pending from tickets where id = any(${ids}::uuid[]) and next_timer_at is not null`;
    expect(timers?.pending).toBe(0);
  });

  it('never escalate held, resolved or closed tickets; a resumed one escalates once after its shifted deadline', async () => {
    const handler = await makeUser(app, 'HANDLER', departmentId);
    const [control, held, resolved, closed, resumed] = await Promise.all(
      Array.from({ length: 5 }, () => makeDispatched(app, 'ORDINARY', departmentId)),
    );
    const act = (mutation: string, id: string, token = app.adminToken) =>
      app.ok(`mutation($id: ID!) { ${mutation} { id } }`, { id }, token);
    for (const id of [held, resolved, resumed] as string[]) await act('acceptTicket(id: $id)', id);
    await act('holdTicket(id: $id, reason: "等待材料")', held!, handler.token);
    await act('holdTicket(id: $id, reason: "等待材料")', resumed!, handler.token);
    await act('resolveTicket(id: $id, reply: "已处理")', resolved!);
    await act('closeTicket(id: $id, reason: WITHDRAWN)', closed!);
    const pausedAt = Date.now();
    await new Promise((wake) => setTimeout(wake, 1500));
    await act('resumeTicket(id: $id)', resumed!, handler.token);
    const [row] = await sql<{ dueAt: Date }[]>`select due_at as "dueAt" from tickets where id = ${resumed!}`;
    expect(row!.dueAt.getTime()).toBeGreaterThan(pausedAt + 4000);

    await waitFor('the control and the resumed ticket to escalate', () =>
      allApplied(sql, [control!, resumed!], 2),
    );
    await new Promise((wake) => setTimeout(wake, 1000));
    await expectEffectsOnce(sql, [control!, resumed!], { reminders: [0.5], levels: [1] });
    expect(await effectCounts(sql, [held!, resolved!, closed!])).toEqual([]);
    const [escalated] = await sql<{ at: Date }[]>`
      select at from ticket_events where ticket_id = ${resumed!} and type = 'ESCALATED'`;
    expect(escalated!.at.getTime()).toBeGreaterThanOrEqual(row!.dueAt.getTime());

    const view = await app.ok<{ ticket: any }>(
      'query($id: ID!) { ticket(id: $id) { status sla { paused breached escalationLevel } } }',
      { id: held },
      app.adminToken,
    );
    expect(view.ticket).toEqual({
      status: 'ON_HOLD',
      sla: { paused: true, breached: false, escalationLevel: 0 },
    });
  });
});
