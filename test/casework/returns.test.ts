import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * Disputed returns (issue 12, item 4): a department's return is a request a manager approves (RETURNED,
 * back to the hotline centre) or rejects with a reason (the department keeps it, its clock untouched).
 */
const app = useHotline();
let sql: postgres.Sql;
let departmentA: string;
let departmentB: string;
let handlerA: { id: string; token: string };
let manager: { id: string; token: string };

const FIELDS = `id status version department { id } sla { dueAt acceptDueAt } allowedActions
  pendingReturn { reason department { id } requestedBy { id } }`;

interface View {
  id: string;
  status: string;
  version: number;
  department: { id: string } | null;
  sla: { dueAt: string | null; acceptDueAt: string | null };
  allowedActions: string[];
  pendingReturn: { reason: string; department: { id: string }; requestedBy: { id: string } | null } | null;
}

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  manager = await makeUser(app, 'MANAGER');
});
afterAll(async () => {
  await sql?.end();
});

async function inProgressAtA(): Promise<View> {
  const ticket = await makeTicket(app);
  await app.ok(
    'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
    {
      id: ticket.id,
      d: departmentA,
    },
    app.adminToken,
  );
  await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: ticket.id }, handlerA.token);
  return read(ticket.id, handlerA.token);
}

async function read(id: string, token: string): Promise<View> {
  const data = await app.ok<{ ticket: View }>(
    `query($id: ID!) { ticket(id: $id) { ${FIELDS} } }`,
    { id },
    token,
  );
  return data.ticket;
}

const request = (id: string, reason = '该路段属市政管辖，不属本单位') =>
  app.gql<{ requestReturn: View }>(
    `mutation($id: ID!, $reason: String!) { requestReturn(id: $id, reason: $reason) { ${FIELDS} } }`,
    { id, reason },
    handlerA.token,
  );
const decide = (id: string, approve: boolean, reason?: string) =>
  app.gql<{ decideReturn: View }>(
    `mutation($id: ID!, $approve: Boolean!, $reason: String) { decideReturn(id: $id, approve: $approve, reason: $reason) { ${FIELDS} } }`,
    { id, approve, reason },
    manager.token,
  );
const queue = (token: string) =>
  app.gql<{ returnReviewQueue: { totalCount: number; nodes: { reason: string; ticket: { id: string } }[] } }>(
    '{ returnReviewQueue(first: 100) { totalCount nodes { reason ticket { id } } } }',
    {},
    token,
  );
const eventsOf = (id: string) =>
  sql<{ type: string; department_id: string | null; note: string | null; webhook: string | null }[]>`
    select e.type, e.department_id, e.note, o.type as webhook
    from ticket_events e left join outbox o on o.event_id = e.id
    where e.ticket_id = ${id} order by e.id`;

describe('requestReturn', () => {
  it('keeps the ticket with its department, status and clock untouched, and queues it for a manager', async () => {
    const before = await inProgressAtA();
    const asked = await request(before.id);
    expect(asked.errors).toBeUndefined();
    const after = asked.data!.requestReturn;
    expect(after).toMatchObject({
      status: 'IN_PROGRESS',
      version: before.version + 1,
      department: { id: departmentA },
      sla: before.sla,
      pendingReturn: {
        reason: '该路段属市政管辖，不属本单位',
        department: { id: departmentA },
        requestedBy: { id: handlerA.id },
      },
    });
    expect(after.allowedActions).not.toContain('REQUEST_RETURN');
    expect((await read(before.id, manager.token)).allowedActions).toContain('DECIDE_RETURN');
    expect((await eventsOf(before.id)).at(-1)).toMatchObject({
      type: 'RETURN_REQUESTED',
      department_id: departmentA,
      webhook: 'ticket.return_requested',
    });

    const listed = (await queue(manager.token)).data!.returnReviewQueue;
    expect(listed.nodes.map((node) => node.ticket.id)).toContain(before.id);
    expect(listed.totalCount).toBe(listed.nodes.length);
    expect(codes(await queue(handlerA.token))).toEqual(['FORBIDDEN']);

    expect(codes(await request(before.id))).toEqual(['INVALID_TRANSITION']);
    expect((await read(before.id, manager.token)).version).toBe(after.version);
  });

  it('is refused to managers and on tickets the department does not hold', async () => {
    const ticket = await inProgressAtA();
    expect(
      codes(
        await app.gql(
          'mutation($id: ID!) { requestReturn(id: $id, reason: "x") { id } }',
          { id: ticket.id },
          manager.token,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const fresh = await makeTicket(app);
    expect(codes(await request(fresh.id))).toEqual(['NOT_FOUND']);
    expect(codes(await decide(ticket.id, true))).toEqual(['INVALID_TRANSITION']);
  });
});

describe('decideReturn', () => {
  it('rejected with a reason: the department keeps the ticket and its deadlines', async () => {
    const before = await inProgressAtA();
    await request(before.id);
    expect(codes(await decide(before.id, false))).toEqual(['BAD_USER_INPUT']);
    const rejected = await decide(before.id, false, '经核实属本单位职责，请继续办理');
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.decideReturn).toMatchObject({
      status: 'IN_PROGRESS',
      department: { id: departmentA },
      sla: before.sla,
      pendingReturn: null,
    });
    expect((await eventsOf(before.id)).at(-1)).toMatchObject({
      type: 'RETURN_REJECTED',
      note: '经核实属本单位职责，请继续办理',
      webhook: 'ticket.return_rejected',
    });
    const listed = (await queue(manager.token)).data!.returnReviewQueue;
    expect(listed.nodes.map((node) => node.ticket.id)).not.toContain(before.id);
    // The department may dispute again.
    expect((await request(before.id)).errors).toBeUndefined();
  });

  it('approved: the ticket goes back to the hotline centre, RETURNED by the department that asked', async () => {
    const before = await inProgressAtA();
    await request(before.id);
    const approved = await decide(before.id, true);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideReturn).toMatchObject({
      status: 'RETURNED',
      department: null,
      pendingReturn: null,
    });
    expect((await eventsOf(before.id)).at(-1)).toMatchObject({
      type: 'RETURNED',
      department_id: departmentA,
      note: '该路段属市政管辖，不属本单位',
      webhook: 'ticket.returned',
    });
    const [row] = await sql<{ next_timer_at: Date | null; return_count: number }[]>`
      select next_timer_at, return_count from tickets where id = ${before.id}`;
    expect(row).toEqual({ next_timer_at: null, return_count: 1 });
  });

  it('a reassignment meanwhile ends the request: it leaves the queue', async () => {
    const ticket = await inProgressAtA();
    await request(ticket.id);
    await app.ok(
      'mutation($id: ID!, $d: ID!) { reassignTicket(id: $id, departmentId: $d, reason: "改派") { id } }',
      { id: ticket.id, d: departmentB },
      manager.token,
    );
    const listed = (await queue(manager.token)).data!.returnReviewQueue;
    expect(listed.nodes.map((node) => node.ticket.id)).not.toContain(ticket.id);
    expect((await read(ticket.id, manager.token)).pendingReturn).toBeNull();
    expect(codes(await decide(ticket.id, true))).toEqual(['INVALID_TRANSITION']);
  });
});

it('returnTicket keeps its contract: the ticket is RETURNED at once', async () => {
  const ticket = await inProgressAtA();
  const returned = await app.ok<{ returnTicket: { status: string } }>(
    'mutation($id: ID!) { returnTicket(id: $id, reason: "不属本单位") { status } }',
    { id: ticket.id },
    handlerA.token,
  );
  expect(returned.returnTicket.status).toBe('RETURNED');
});
