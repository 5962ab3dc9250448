import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeDepartment,
  makeTicket,
  makeUser,
  TICKET_FIELDS,
  type TicketView,
} from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * A pending extension request belongs to one department's SLA cycle: a return, a reassignment, a
 * resolve or a reopen cancels it (EXTENSION_CANCELLED in the same change, one version step), and a
 * later decision cannot move the deadline of the next department or cycle.
 */
const app = useHotline();
let sql: postgres.Sql;
let departmentA: string;
let departmentB: string;
let handlerA: { id: string; token: string };
let handlerB: { id: string; token: string };
let manager: { id: string; token: string };

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  handlerB = await makeUser(app, 'HANDLER', departmentB);
  manager = await makeUser(app, 'MANAGER');
});
afterAll(async () => {
  await sql?.end();
});

const until = new Date(Date.now() + 30 * 86_400_000).toISOString();

async function run(mutation: string, variables: Record<string, unknown>, token: string) {
  const result = await app.gql<Record<string, TicketView>>(mutation, variables, token);
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] as TicketView;
}

const ops = {
  dispatch: (id: string, departmentId: string) =>
    run(
      `mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { ${TICKET_FIELDS} } }`,
      { id, d: departmentId },
      app.adminToken,
    ),
  accept: (id: string, token: string) =>
    run(`mutation($id: ID!) { acceptTicket(id: $id) { ${TICKET_FIELDS} } }`, { id }, token),
  request: (id: string) =>
    run(
      `mutation($id: ID!, $until: DateTime!) { requestExtension(id: $id, until: $until, reason: "需协调多部门") { ${TICKET_FIELDS} } }`,
      { id, until },
      handlerA.token,
    ),
  reassign: (id: string) =>
    run(
      `mutation($id: ID!, $d: ID!) { reassignTicket(id: $id, departmentId: $d, reason: "职责调整") { ${TICKET_FIELDS} } }`,
      { id, d: departmentB },
      manager.token,
    ),
  return: (id: string) =>
    run(
      `mutation($id: ID!) { returnTicket(id: $id, reason: "不属于本单位职责") { ${TICKET_FIELDS} } }`,
      { id },
      handlerA.token,
    ),
  resolve: (id: string) =>
    run(
      `mutation($id: ID!) { resolveTicket(id: $id, reply: "已处理") { ${TICKET_FIELDS} } }`,
      { id },
      handlerA.token,
    ),
  reopen: (id: string) =>
    run(
      `mutation($id: ID!) { recordFeedback(id: $id, satisfaction: DISSATISFIED, comment: "没有解决") { ${TICKET_FIELDS} } }`,
      { id },
      app.adminToken,
    ),
};

/** A ticket of department A, accepted, with a pending extension request. */
async function withPendingRequest(): Promise<TicketView> {
  const ticket = await makeTicket(app);
  await ops.dispatch(ticket.id, departmentA);
  await ops.accept(ticket.id, handlerA.token);
  return ops.request(ticket.id);
}

async function eventsOf(id: string): Promise<{ type: string; department: { id: string } | null }[]> {
  const data = await app.ok(
    `query($id: ID!) { ticket(id: $id) { events { nodes { type department { id } } } } }`,
    { id },
    app.adminToken,
  );
  return data.ticket.events.nodes;
}

async function requestStatuses(ticketId: string): Promise<string[]> {
  const rows = await sql<{ status: string }[]>`
    select status from extension_requests where ticket_id = ${ticketId} order by created_at`;
  return rows.map((row) => row.status);
}

/** The manager approves: refused, and the deadline stays where the current cycle put it. */
async function expectNoDecision(ticket: TicketView) {
  const result = await app.gql(
    `mutation($id: ID!) { decideExtension(id: $id, approve: true) { ${TICKET_FIELDS} } }`,
    { id: ticket.id },
    manager.token,
  );
  expect(codes(result)).toEqual(['INVALID_TRANSITION']);
  const data = await app.ok(
    `query($id: ID!) { ticket(id: $id) { sla { dueAt } version } }`,
    { id: ticket.id },
    app.adminToken,
  );
  expect(data.ticket).toEqual({ sla: { dueAt: ticket.sla.dueAt }, version: ticket.version });
}

/** The action's own event, then EXTENSION_CANCELLED for department A; one version step. */
async function expectCancelledBy(before: TicketView, after: TicketView, actionEvent: string) {
  expect(after.version).toBe(before.version + 1);
  const events = await eventsOf(after.id);
  expect(events.slice(-2)).toEqual([
    expect.objectContaining({ type: actionEvent }),
    { type: 'EXTENSION_CANCELLED', department: { id: departmentA } },
  ]);
  expect(await requestStatuses(after.id)).toEqual(['CANCELLED']);
  const [outbox] = await sql<{ type: string }[]>`
    select o.type from outbox o join ticket_events e on e.id = o.event_id
    where e.ticket_id = ${after.id} and e.type = 'EXTENSION_CANCELLED'`;
  expect(outbox?.type).toBe('ticket.extension_cancelled');
}

describe('a pending extension request ends with its department or cycle', () => {
  it('reassignment cancels it; the new department cannot have it approved', async () => {
    const ticket = await withPendingRequest();
    const reassigned = await ops.reassign(ticket.id);
    await expectCancelledBy(ticket, reassigned, 'REASSIGNED');
    await expectNoDecision(await ops.accept(ticket.id, handlerB.token));
  });

  it('a return cancels it; after the next dispatch it cannot be approved', async () => {
    const ticket = await withPendingRequest();
    const returned = await ops.return(ticket.id);
    await expectCancelledBy(ticket, returned, 'RETURNED');
    await ops.dispatch(ticket.id, departmentB);
    await expectNoDecision(await ops.accept(ticket.id, handlerB.token));
  });

  it('resolving cancels it; after a reopen it cannot be approved', async () => {
    const ticket = await withPendingRequest();
    const resolved = await ops.resolve(ticket.id);
    await expectCancelledBy(ticket, resolved, 'RESOLVED');
    await expectNoDecision(await ops.reopen(ticket.id));
  });

  it('a reopen cancels a request left pending on a resolved ticket (written before this rule)', async () => {
    const ticket = await withPendingRequest();
    const resolved = await ops.resolve(ticket.id);
    await sql`update extension_requests set status = 'PENDING' where ticket_id = ${ticket.id}`;
    const reopened = await ops.reopen(ticket.id);
    expect(reopened.version).toBe(resolved.version + 1);
    const events = await eventsOf(ticket.id);
    expect(events.slice(-3).map((event) => event.type)).toEqual([
      'FEEDBACK_RECORDED',
      'REOPENED',
      'EXTENSION_CANCELLED',
    ]);
    expect(await requestStatuses(ticket.id)).toEqual(['CANCELLED']);
    await expectNoDecision(reopened);
  });

  it('a hold keeps it: same department, same cycle', async () => {
    const ticket = await withPendingRequest();
    await run(
      `mutation($id: ID!) { holdTicket(id: $id, reason: "等待材料") { ${TICKET_FIELDS} } }`,
      { id: ticket.id },
      handlerA.token,
    );
    expect(await requestStatuses(ticket.id)).toEqual(['PENDING']);
    expect((await eventsOf(ticket.id)).map((event) => event.type)).not.toContain('EXTENSION_CANCELLED');
  });
});
