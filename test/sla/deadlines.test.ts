import { ManualClock } from '@hotline/api/services';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeDepartment,
  makeTicket,
  makeUser,
  TICKET_FIELDS,
  type TicketView,
} from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

/** Deadlines stamped through the API on the default calendar (Asia/Shanghai, 08:30-12:00 and 14:30-18:00). */
const clock = new ManualClock(new Date('2026-10-16T17:00:00+08:00')); // a Friday
const app = useHotline({ clock });
let sql: postgres.Sql;
let departmentId: string;
let handler: { token: string };

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentId = (await makeDepartment(app)).id;
  handler = await makeUser(app, 'HANDLER', departmentId);
});
afterAll(async () => {
  await sql?.end();
});

const at = (local: string) => new Date(`${local}+08:00`).toISOString();

async function act(
  mutation: string,
  variables: Record<string, unknown>,
  token = app.adminToken,
): Promise<TicketView> {
  const data = await app.ok<Record<string, TicketView>>(
    `mutation($id: ID!${mutation.includes('$until') ? ', $until: DateTime!' : ''}) { result: ${mutation} { ${TICKET_FIELDS} } }`,
    variables,
    token,
  );
  return data.result as TicketView;
}

const dispatch = (id: string) => act(`dispatchTicket(id: $id, departmentId: "${departmentId}")`, { id });
const accept = (id: string) => act('acceptTicket(id: $id)', { id });

async function nextTimerAt(id: string): Promise<string | null> {
  const [row] = await sql<
    { next: Date | null }[]
  >`select next_timer_at as next from tickets where id = ${id}`;
  return row?.next?.toISOString() ?? null;
}

describe('deadlines on the business calendar', () => {
  it('stamps an ORDINARY ticket dispatched on Friday 17:00 with Monday 11:30 and Wednesday 17:00', async () => {
    clock.set(at('2026-10-16T17:00:00'));
    const ticket = await dispatch((await makeTicket(app)).id);
    // PT4H: 1 h on Friday, 3 h from Monday 08:30. P3D = 21 working hours: Fri 1 + Mon 7 + Tue 7 + Wed 6.
    expect(ticket.sla).toMatchObject({
      acceptDueAt: at('2026-10-19T11:30:00'),
      dueAt: at('2026-10-21T17:00:00'),
    });
    expect(ticket.sla).toMatchObject({ paused: false, breached: false, escalationLevel: 0 });
    // The first timer is the 50 % reminder: 10.5 working hours in, Tuesday 11:00.
    expect(await nextTimerAt(ticket.id)).toBe(at('2026-10-20T11:00:00'));
  });

  it('stamps an EMERGENCY ticket on the CALENDAR clock: 2 h to accept, 24 h to resolve', async () => {
    clock.set(at('2026-10-16T17:00:00'));
    const ticket = await dispatch((await makeTicket(app, { priority: 'EMERGENCY' })).id);
    expect(ticket.sla).toMatchObject({
      acceptDueAt: at('2026-10-16T19:00:00'),
      dueAt: at('2026-10-17T17:00:00'),
    });
  });

  it('pauses on hold and moves the deadline by the paused working time on resume', async () => {
    clock.set(at('2026-10-16T17:00:00'));
    const { id } = await dispatch((await makeTicket(app)).id);
    clock.set(at('2026-10-19T09:00:00'));
    await accept(id);
    clock.set(at('2026-10-19T10:00:00'));
    const held = await act('holdTicket(id: $id, reason: "等待业主提供材料")', { id }, handler.token);
    expect(held.sla.paused).toBe(true);
    expect(await nextTimerAt(id)).toBeNull();
    // Paused Mon 10:00 -> Tue 10:00 = 2 + 3.5 + 1.5 = 7 working hours: Wed 17:00 becomes Thu 17:00.
    clock.set(at('2026-10-20T10:00:00'));
    const resumed = await act('resumeTicket(id: $id)', { id }, handler.token);
    expect(resumed.sla).toMatchObject({
      paused: false,
      dueAt: at('2026-10-22T17:00:00'),
      // Accepted before the hold: the accept deadline stays.
      acceptDueAt: at('2026-10-19T11:30:00'),
    });
    // The 50 % reminder moved by the same 7 h: Tuesday 11:00 -> Wednesday 11:00.
    expect(await nextTimerAt(id)).toBe(at('2026-10-21T11:00:00'));
  });

  it('sets dueAt to the approved extension and keeps the reminders before it', async () => {
    clock.set(at('2026-10-16T17:00:00'));
    const { id } = await dispatch((await makeTicket(app)).id);
    await accept(id);
    clock.set(at('2026-10-19T09:00:00'));
    const until = at('2026-10-23T12:00:00');
    await act(
      'requestExtension(id: $id, until: $until, reason: "需要现场勘查")',
      { id, until },
      handler.token,
    );
    const approved = await act('decideExtension(id: $id, approve: true)', { id });
    expect(approved.sla.dueAt).toBe(until);
    // 10.5 h (half the 21 h window) before Fri 12:00: Fri 3.5 h + all of Thursday, i.e. Wednesday's close.
    expect(await nextTimerAt(id)).toBe(at('2026-10-21T18:00:00'));
  });

  it('keeps a breach once the clock ran past dueAt, and a dissatisfied feedback starts a fresh cycle', async () => {
    clock.set(at('2026-10-16T17:00:00'));
    const { id } = await dispatch((await makeTicket(app)).id);
    await accept(id);
    clock.set(at('2026-10-21T17:00:01'));
    const overdue = await app.ok<{ tickets: { nodes: { id: string }[] } }>(
      '{ tickets(first: 100, filter: { overdue: true }, orderBy: { field: DUE_AT, direction: ASC }) { nodes { id } } }',
      {},
      app.adminToken,
    );
    expect(overdue.tickets.nodes.map((node) => node.id)).toContain(id);

    clock.set(at('2026-10-22T09:00:00'));
    const resolved = await act('resolveTicket(id: $id, reply: "已修复")', { id });
    expect(resolved.sla.breached).toBe(true);
    const [before] = await sql<{ cycle: number }[]>`select sla_cycle as cycle from tickets where id = ${id}`;

    clock.set(at('2026-10-23T10:00:00'));
    const reopened = await act('recordFeedback(id: $id, satisfaction: DISSATISFIED, comment: "没有修好")', {
      id,
    });
    expect(reopened.status).toBe('IN_PROGRESS');
    // Fri 10:00 + 21 working hours: Fri 5.5 h, Mon 7, Tue 7, Wed 1.5 h -> Wed 10:00.
    expect(reopened.sla).toMatchObject({
      breached: false,
      escalationLevel: 0,
      dueAt: at('2026-10-28T10:00:00'),
    });
    const [after] = await sql<{ cycle: number }[]>`select sla_cycle as cycle from tickets where id = ${id}`;
    expect(after?.cycle).toBe((before?.cycle ?? 0) + 1);
  });

  it('restarts both clocks on reassignment', async () => {
    clock.set(at('2026-10-16T17:00:00'));
    const { id } = await dispatch((await makeTicket(app)).id);
    const other = await makeDepartment(app);
    clock.set(at('2026-10-19T14:30:00'));
    const moved = await act(`reassignTicket(id: $id, departmentId: "${other.id}", reason: "属地调整")`, {
      id,
    });
    // Mon 14:30 + 4 h = Tue 08:30 + 0.5 h; + 21 h = Mon 3.5 + Tue 7 + Wed 7 + Thu 3.5 = Thu 12:00.
    expect(moved.sla).toMatchObject({
      acceptDueAt: at('2026-10-20T09:00:00'),
      dueAt: at('2026-10-22T12:00:00'),
    });
  });
});
