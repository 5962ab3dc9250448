import { ManualClock } from '@hotline/api/services';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  makeDepartment,
  makeTicket,
  makeUser,
  TICKET_FIELDS,
  type TicketView,
} from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const clock = new ManualClock(new Date('2026-09-07T02:00:00Z')); // Monday 10:00 in Shanghai
const app = useHotline({ clock });
let departmentA: string;
let departmentB: string;
let handlerA: { id: string; token: string };
let handlerB: { id: string; token: string };
let manager: { id: string; token: string };
let agent: { id: string; token: string };

beforeAll(async () => {
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  handlerB = await makeUser(app, 'HANDLER', departmentB);
  manager = await makeUser(app, 'MANAGER');
  agent = await makeUser(app, 'AGENT');
});

const mutate = (field: string, args: string, token: string, variables: Record<string, unknown>) =>
  app.gql<Record<string, TicketView>>(
    `mutation { ${field}(${args}) { ${TICKET_FIELDS} } }`,
    variables,
    token,
  );

async function dispatched(departmentId = departmentA, overrides: Record<string, unknown> = {}) {
  const ticket = await makeTicket(app, overrides);
  const result = await mutate(
    'dispatchTicket',
    `id: "${ticket.id}", departmentId: "${departmentId}"`,
    agent.token,
    {},
  );
  return result.data!.dispatchTicket!;
}

const read = async (id: string, token = app.adminToken) =>
  (
    await app.ok<{
      ticket: (TicketView & { events: { nodes: { type: string; note: string | null }[] } }) | null;
    }>(
      `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} events { nodes { type note } } } }`,
      { id },
      token,
    )
  ).ticket;

describe('roles', () => {
  it('refuses an action outside the role with FORBIDDEN and changes nothing', async () => {
    const ticket = await dispatched();
    expect(codes(await mutate('acceptTicket', `id: "${ticket.id}"`, agent.token, {}))).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await mutate(
          'reassignTicket',
          `id: "${ticket.id}", departmentId: "${departmentB}", reason: "x"`,
          handlerA.token,
          {},
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(codes(await mutate('returnTicket', `id: "${ticket.id}", reason: "x"`, manager.token, {}))).toEqual(
      ['FORBIDDEN'],
    );
    expect(
      codes(
        await app.gql(
          `mutation { createTicket(input: {title: "t", description: "d", demandType: REPORT}) { id } }`,
          {},
          handlerA.token,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect((await read(ticket.id))!.version).toBe(ticket.version);
  });

  it('answers UNAUTHENTICATED without a valid token', async () => {
    expect(codes(await app.gql('{ tickets { totalCount } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await app.gql('{ tickets { totalCount } }', {}, 'not-a-token'))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('lets only ADMIN create users', async () => {
    const result = await app.gql(
      `mutation { createUser(input: {email: "x@y.z", name: "x", password: "password-1", role: AGENT}) { id } }`,
      {},
      manager.token,
    );
    expect(codes(result)).toEqual(['FORBIDDEN']);
  });
});

describe('department scoping', () => {
  it("hides another department's ticket from a handler as if it did not exist", async () => {
    const ticket = await dispatched(departmentA);
    expect(await read(ticket.id, handlerB.token)).toBeNull();
    expect(codes(await mutate('acceptTicket', `id: "${ticket.id}"`, handlerB.token, {}))).toEqual([
      'NOT_FOUND',
    ]);
    const list = await app.ok<{ tickets: { nodes: { id: string }[] } }>(
      '{ tickets(first: 100) { nodes { id } } }',
      {},
      handlerB.token,
    );
    expect(list.tickets.nodes.map((node) => node.id)).not.toContain(ticket.id);
  });

  it('keeps a ticket visible to the department that had it, read-only and with the phone masked', async () => {
    const ticket = await dispatched(departmentA);
    await mutate(
      'reassignTicket',
      `id: "${ticket.id}", departmentId: "${departmentB}", reason: "改派至B"`,
      manager.token,
      {},
    );
    const seenByA = await read(ticket.id, handlerA.token);
    expect(seenByA?.caller.phone).toBe('138****5678');
    expect((await read(ticket.id, handlerB.token))?.caller.phone).toBe('13812345678');
    expect(codes(await mutate('acceptTicket', `id: "${ticket.id}"`, handlerA.token, {}))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await mutate('acceptTicket', `id: "${ticket.id}"`, handlerB.token, {}))).toEqual([]);
  });
});

describe('optimistic concurrency', () => {
  it('refuses a stale expectedVersion with CONFLICT and writes nothing', async () => {
    const ticket = await dispatched();
    const stale = await mutate(
      'acceptTicket',
      `id: "${ticket.id}", expectedVersion: ${ticket.version - 1}`,
      handlerA.token,
      {},
    );
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(ticket.version);
    const after = await read(ticket.id);
    expect(after?.status).toBe('DISPATCHED');
    expect(after?.version).toBe(ticket.version);
    const fresh = await mutate(
      'acceptTicket',
      `id: "${ticket.id}", expectedVersion: ${ticket.version}`,
      handlerA.token,
      {},
    );
    expect(fresh.data?.acceptTicket?.version).toBe(ticket.version + 1);
  });
});

describe('lifecycle details', () => {
  it('stamps deadlines at dispatch from the 1-3-7 defaults (EMERGENCY: calendar clock)', async () => {
    clock.set('2026-09-07T02:00:00Z');
    const ticket = await dispatched(departmentA, { priority: 'EMERGENCY' });
    expect(ticket.sla.acceptDueAt).toBe('2026-09-07T04:00:00.000Z');
    expect(ticket.sla.dueAt).toBe('2026-09-08T02:00:00.000Z');
    expect(ticket.sla.breached).toBe(false);
  });

  it('closes only with the reasons the status allows', async () => {
    const ticket = await dispatched();
    expect(
      codes(await mutate('closeTicket', `id: "${ticket.id}", reason: OUT_OF_SCOPE`, agent.token, {})),
    ).toEqual(['INVALID_TRANSITION']);
    const fresh = await makeTicket(app);
    const closed = await mutate(
      'closeTicket',
      `id: "${fresh.id}", reason: OUT_OF_SCOPE, note: "请拨打12315"`,
      agent.token,
      {},
    );
    expect(closed.data?.closeTicket).toMatchObject({ status: 'CLOSED', closeReason: 'OUT_OF_SCOPE' });
  });

  it('reopens on dissatisfied feedback with a new cycle, and closes on satisfied', async () => {
    const ticket = await dispatched();
    await mutate('acceptTicket', `id: "${ticket.id}"`, handlerA.token, {});
    await mutate('resolveTicket', `id: "${ticket.id}", reply: "已处理"`, handlerA.token, {});
    clock.advance(3_600_000);
    const reopened = await mutate(
      'recordFeedback',
      `id: "${ticket.id}", satisfaction: DISSATISFIED, comment: "没有解决"`,
      agent.token,
      {},
    );
    expect(reopened.data?.recordFeedback?.status).toBe('IN_PROGRESS');
    expect(reopened.data?.recordFeedback?.sla.dueAt).not.toBe(ticket.sla.dueAt);
    await mutate('resolveTicket', `id: "${ticket.id}", reply: "再次处理"`, handlerA.token, {});
    await mutate('recordFeedback', `id: "${ticket.id}", satisfaction: BASICALLY_SATISFIED`, agent.token, {});
    const final = await read(ticket.id);
    expect(final?.status).toBe('CLOSED');
    expect(final?.closeReason).toBe('RESOLVED');
    expect(final?.events.nodes.map((event) => event.type)).toEqual([
      'CREATED',
      'DISPATCHED',
      'ACCEPTED',
      'RESOLVED',
      'FEEDBACK_RECORDED',
      'REOPENED',
      'RESOLVED',
      'FEEDBACK_RECORDED',
      'CLOSED',
    ]);
    // Created at version 1; each of the six accepted actions raised it by exactly one.
    expect(final?.version).toBe(7);
  });

  it('flags a ticket returned twice for a manager instead of letting it bounce again', async () => {
    const ticket = await dispatched(departmentA);
    await mutate('returnTicket', `id: "${ticket.id}", reason: "非本单位职责"`, handlerA.token, {});
    await mutate('dispatchTicket', `id: "${ticket.id}", departmentId: "${departmentA}"`, agent.token, {});
    await mutate('returnTicket', `id: "${ticket.id}", reason: "仍非本单位职责"`, handlerA.token, {});
    const flagged = await app.ok<{ ticket: { needsManager: boolean; returnCount: number } }>(
      `{ ticket(id: "${ticket.id}") { needsManager returnCount } }`,
      {},
      app.adminToken,
    );
    expect(flagged.ticket).toEqual({ needsManager: true, returnCount: 2 });
    expect(
      codes(
        await mutate('dispatchTicket', `id: "${ticket.id}", departmentId: "${departmentB}"`, agent.token, {}),
      ),
    ).toEqual(['FORBIDDEN']);
    const reassigned = await mutate(
      'reassignTicket',
      `id: "${ticket.id}", departmentId: "${departmentB}", reason: "经理改派"`,
      manager.token,
      {},
    );
    expect(reassigned.data?.reassignTicket?.department?.id).toBe(departmentB);
  });

  it("names a responsible person only from the ticket's department", async () => {
    const ticket = await dispatched(departmentA);
    expect(
      codes(await mutate('assignTicket', `id: "${ticket.id}", userId: "${handlerB.id}"`, manager.token, {})),
    ).toEqual(['BAD_USER_INPUT']);
    const assigned = await mutate(
      'assignTicket',
      `id: "${ticket.id}", userId: "${handlerA.id}"`,
      handlerA.token,
      {},
    );
    expect(assigned.data?.assignTicket?.assignee?.id).toBe(handlerA.id);
  });

  it('allows one pending extension request; approval sets the deadline', async () => {
    const ticket = await dispatched(departmentA);
    await mutate('acceptTicket', `id: "${ticket.id}"`, handlerA.token, {});
    const until = '2026-12-31T10:00:00Z';
    const request = `id: "${ticket.id}", until: "${until}", reason: "需多部门会商"`;
    expect(codes(await mutate('requestExtension', request, handlerA.token, {}))).toEqual([]);
    expect(codes(await mutate('requestExtension', request, handlerA.token, {}))).toEqual([
      'INVALID_TRANSITION',
    ]);
    const decided = await mutate(
      'decideExtension',
      `id: "${ticket.id}", approve: true, note: "同意"`,
      manager.token,
      {},
    );
    expect(decided.data?.decideExtension?.sla.dueAt).toBe('2026-12-31T10:00:00.000Z');
  });
});
