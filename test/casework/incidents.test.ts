import { followIncidents, systemClock } from '@hotline/api/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmsRequest, startSmsStub } from '../citizen/stub-servers.js';
import { makeApiClient, type ReceivedWebhook, startReceiver } from '../integration/integration-helpers.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';
import { pollUntil } from '../support/processes.js';

/**
 * One incident, many callers (多诉一案, issue 12 item 7): callers' tickets are linked to a parent incident,
 * leave the departments' queues, and follow the parent's resolution each with its own RESOLVED event, caller
 * notification and satisfaction link, exactly once however often the follow-up runs.
 * The follow-up worker waits 10 minutes between runs here: the tests run it themselves.
 */
let sms: Awaited<ReturnType<typeof startSmsStub>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  sms = await startSmsStub();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sms?.stop();
  await receiver?.close();
});

const app = useHotline(() => ({
  role: 'all',
  env: {
    SMS_PROVIDER_URL: sms.url,
    SMS_PROVIDER_TOKEN: 'provider-token-1',
    PUBLIC_URL: 'https://12345.example.gov',
    WEBHOOK_RELAY_MS: '50',
    INCIDENT_FOLLOW_MS: '600000',
  },
}));

let department: string;
let handler: { id: string; token: string };
let agent: { id: string; token: string };
let manager: { id: string; token: string };

beforeAll(async () => {
  department = (await makeDepartment(app, { name: '自来水公司' })).id;
  handler = await makeUser(app, 'HANDLER', department);
  agent = await makeUser(app, 'AGENT');
  manager = await makeUser(app, 'MANAGER');
  await app.ok(
    'mutation($input: WebhookInput!) { createWebhook(input: $input) { secret } }',
    { input: { url: receiver.url, events: ['ticket.linked_to_incident', 'ticket.unlinked_from_incident'] } },
    app.adminToken,
  );
});

const FIELDS = `id number status version reply allowedActions department { id } incident { id number }
  incidentChildren { totalCount waitingCount tickets { number status reply } }
  events(first: 50) { nodes { type fromStatus toStatus note actor { __typename } } }`;

interface View {
  id: string;
  number: string;
  status: string;
  version: number;
  reply: string | null;
  allowedActions: string[];
  department: { id: string } | null;
  incident: { id: string; number: string } | null;
  incidentChildren: {
    totalCount: number;
    waitingCount: number;
    tickets: { number: string; status: string; reply: string | null }[];
  };
  events: {
    nodes: { type: string; fromStatus: string | null; toStatus: string | null; note: string | null }[];
  };
}

const read = async (id: string, token = manager.token) =>
  (await app.ok<{ ticket: View }>(`query($id: ID!) { ticket(id: $id) { ${FIELDS} } }`, { id }, token)).ticket;

const link = (ticketId: string, parentTicketId: string, token = agent.token, reason?: string) =>
  app.gql<{ linkToIncident: View }>(
    `mutation($input: LinkToIncidentInput!) { linkToIncident(input: $input) { ${FIELDS} } }`,
    { input: { ticketId, parentTicketId, reason } },
    token,
  );

const run = (mutation: string, vars: Record<string, unknown>, token = manager.token) =>
  app.ok(mutation, vars, token);

async function dispatch(id: string) {
  await run('mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }', {
    id,
    d: department,
  });
}

/** A parent incident dispatched to the department and accepted by its handler. */
async function incident(title = '和平路主水管爆裂') {
  const parent = await makeTicket(app, { title, callerPhone: '13900000001' });
  await dispatch(parent.id);
  await run('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: parent.id }, handler.token);
  return parent;
}

const reasonOf = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  result.errors?.[0]?.extensions?.reason;

/** The SMS messages sent for a ticket number, once `count` of them arrived. */
async function smsFor(number: string, count: number): Promise<SmsRequest[]> {
  const mine = () => sms.requests.filter((request) => request.body.text.includes(number));
  await pollUntil(async () => mine().length >= count, 15_000, 50);
  return mine();
}

const follow = () => followIncidents(app.hotline.database.db, systemClock, { batchSize: 2 });

describe('linking callers to an incident', () => {
  it('takes a caller out of the department queue, with events on both tickets and a webhook each', async () => {
    const parent = await incident();
    const fresh = await makeTicket(app, { callerPhone: '13900000002' });
    const queued = await makeTicket(app, { callerPhone: '13900000003' });
    await dispatch(queued.id);
    const inQueue = async () =>
      (
        await app.ok<{ tickets: { nodes: { id: string }[] } }>(
          'query($d: ID!) { tickets(first: 100, filter: { departmentId: $d }) { nodes { id } } }',
          { d: department },
          handler.token,
        )
      ).tickets.nodes.map((node) => node.id);
    expect(await inQueue()).toContain(queued.id);

    const linked = await link(queued.id, parent.id, agent.token, '同一爆管');
    expect(linked.errors).toBeUndefined();
    expect(linked.data!.linkToIncident).toMatchObject({
      status: 'LINKED',
      department: null,
      incident: { id: parent.id, number: parent.number },
      version: 3,
    });
    expect(linked.data!.linkToIncident.events.nodes.at(-1)).toEqual({
      type: 'LINKED_TO_INCIDENT',
      fromStatus: 'DISPATCHED',
      toStatus: 'LINKED',
      note: `into ${parent.number}: 同一爆管`,
      actor: { __typename: 'User' },
    });
    expect((await link(fresh.id, parent.id, manager.token)).errors).toBeUndefined();
    // Not the department's work any more, and nothing a handler can act on.
    expect(await inQueue()).not.toContain(queued.id);
    expect((await read(queued.id, handler.token)).allowedActions).toEqual([]);
    expect((await read(queued.id, agent.token)).allowedActions).toEqual(
      expect.arrayContaining(['UNLINK_FROM_INCIDENT', 'CLOSE', 'ADD_NOTE']),
    );

    const seen = await read(parent.id);
    expect(seen.status).toBe('IN_PROGRESS');
    // An incident with callers is offered no link of its own (it cannot join another).
    expect(seen.allowedActions).not.toContain('LINK_TO_INCIDENT');
    expect((await read(fresh.id)).allowedActions).not.toContain('LINK_TO_INCIDENT');
    expect(seen.version).toBe(5); // created 1, dispatched 2, accepted 3, two callers linked
    expect(seen.incidentChildren).toEqual({
      totalCount: 2,
      waitingCount: 2,
      tickets: [
        { number: fresh.number, status: 'LINKED', reply: null },
        { number: queued.number, status: 'LINKED', reply: null },
      ].sort((a, b) => a.number.localeCompare(b.number)),
    });
    expect(seen.events.nodes.filter((event) => event.type === 'LINKED_TO_INCIDENT')).toEqual([
      expect.objectContaining({ note: `caller ${queued.number}: 同一爆管` }),
      expect.objectContaining({ note: `caller ${fresh.number}` }),
    ]);

    const filtered = await app.ok<{ a: { nodes: { id: string }[] }; b: { nodes: { id: string }[] } }>(
      `query($p: ID!) { a: tickets(first: 100, filter: { incidentId: $p }) { nodes { id } }
        b: tickets(first: 100, filter: { isIncidentChild: false }) { nodes { id } } }`,
      { p: parent.id },
      manager.token,
    );
    expect(filtered.a.nodes.map((node) => node.id).sort()).toEqual([fresh.id, queued.id].sort());
    expect(filtered.b.nodes.map((node) => node.id)).toContain(parent.id);
    expect(filtered.b.nodes.map((node) => node.id)).not.toContain(fresh.id);

    const hooks = await receiver.waitFor(
      (all) => all.filter((hook) => hook.body.includes(queued.id)).length >= 2,
      10_000,
    );
    const bodies = hooks
      .filter((hook: ReceivedWebhook) => hook.body.includes(queued.id))
      .map((hook) => JSON.parse(hook.body));
    expect(bodies.map((body) => [body.type, body.data.ticket.id]).sort()).toEqual(
      [
        ['ticket.linked_to_incident', parent.id],
        ['ticket.linked_to_incident', queued.id],
      ].sort(),
    );
    expect(bodies[0].data.incident).toEqual({
      parentId: parent.id,
      parentNumber: parent.number,
      childId: queued.id,
      childNumber: queued.number,
    });
  });

  it('refuses links that would not make one incident, with stable reasons, changing nothing', async () => {
    const parent = await incident();
    const child = await makeTicket(app);
    const other = await makeTicket(app);
    expect((await link(child.id, parent.id)).errors).toBeUndefined();

    const self = await link(other.id, other.id);
    expect([codes(self), reasonOf(self)]).toEqual([['BAD_USER_INPUT'], 'SELF_LINK']);
    // A child is no parent: linking to it (also the way to a cycle) is refused.
    const toChild = await link(other.id, child.id);
    expect([codes(toChild), reasonOf(toChild)]).toEqual([['BAD_USER_INPUT'], 'PARENT_IS_CHILD']);
    const parentAsChild = await link(parent.id, other.id);
    expect([codes(parentAsChild), reasonOf(parentAsChild)]).toEqual([
      ['BAD_USER_INPUT'],
      'CHILD_HAS_CHILDREN',
    ]);
    const twice = await link(child.id, other.id);
    expect(codes(twice)).toEqual(['INVALID_TRANSITION']);

    const original = await makeTicket(app);
    const duplicate = await makeTicket(app);
    await run('mutation($id: ID!, $into: ID!) { mergeTicket(id: $id, intoId: $into) { id } }', {
      id: duplicate.id,
      into: original.id,
    });
    const merged = await link(other.id, duplicate.id);
    expect([codes(merged), reasonOf(merged)]).toEqual([['BAD_USER_INPUT'], 'PARENT_MERGED']);
    const withdrawn = await makeTicket(app);
    await run('mutation($id: ID!) { closeTicket(id: $id, reason: WITHDRAWN) { id } }', { id: withdrawn.id });
    const closed = await link(other.id, withdrawn.id);
    expect([codes(closed), reasonOf(closed)]).toEqual([['BAD_USER_INPUT'], 'PARENT_NOT_OPEN']);
    const unknown = await link(other.id, '00000000-0000-4000-8000-000000000000');
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);

    // Who may link: like merge, agents, managers and admins; not a department's handler nor an integration.
    expect(codes(await link(parent.id, other.id, handler.token))).toEqual(['FORBIDDEN']);
    const integration = await makeApiClient(app, { role: 'INTEGRATION', departmentId: department });
    expect(codes(await link(parent.id, other.id, integration.key))).toEqual(['FORBIDDEN']);
    // A ticket outside the viewer's scope is not found.
    expect(codes(await link(other.id, parent.id, integration.key))).toEqual(['NOT_FOUND']);

    // The callers would wait for nothing: an incident is not withdrawn nor merged away under them.
    const close = await app.gql(
      'mutation($id: ID!) { closeTicket(id: $id, reason: WITHDRAWN) { id } }',
      { id: parent.id },
      manager.token,
    );
    expect([codes(close), reasonOf(close)]).toEqual([['INVALID_TRANSITION'], 'INCIDENT_HAS_WAITING_CALLERS']);
    const merge = await app.gql(
      'mutation($id: ID!, $into: ID!) { mergeTicket(id: $id, intoId: $into) { id } }',
      { id: parent.id, into: other.id },
      manager.token,
    );
    expect(reasonOf(merge)).toBe('INCIDENT_HAS_WAITING_CALLERS');

    expect((await read(other.id)).version).toBe(1);
    expect((await read(parent.id)).version).toBe(4);
    expect((await read(child.id)).version).toBe(2);
  });

  it('unlinks a caller: its own case again (NEW), with an event on both', async () => {
    const parent = await incident();
    const child = await makeTicket(app);
    await link(child.id, parent.id);
    const unlinked = await app.ok<{ unlinkFromIncident: View }>(
      `mutation($input: UnlinkFromIncidentInput!) { unlinkFromIncident(input: $input) { ${FIELDS} } }`,
      { input: { ticketId: child.id, reason: '不是同一处' } },
      agent.token,
    );
    expect(unlinked.unlinkFromIncident).toMatchObject({ status: 'NEW', incident: null, version: 3 });
    expect(unlinked.unlinkFromIncident.events.nodes.at(-1)).toMatchObject({
      type: 'UNLINKED_FROM_INCIDENT',
      fromStatus: 'LINKED',
      toStatus: 'NEW',
      note: `from ${parent.number}: 不是同一处`,
    });
    const seen = await read(parent.id);
    expect(seen.incidentChildren.totalCount).toBe(0);
    expect(seen.events.nodes.at(-1)).toMatchObject({
      type: 'UNLINKED_FROM_INCIDENT',
      note: `caller ${child.number}: 不是同一处`,
    });
  });
});

describe('resolving the incident', () => {
  it('resolves every caller with the reply: one notification and one satisfaction link each, exactly once', async () => {
    const parent = await incident('幸福小区停水');
    const callers = [];
    for (const phone of ['13700000011', '13700000012', '13700000013', '13700000014', '13700000015']) {
      const caller = await makeTicket(app, { callerPhone: phone });
      expect((await link(caller.id, parent.id)).errors).toBeUndefined();
      callers.push(caller);
    }
    const reply = '爆裂水管已于今日14时修复，供水已恢复。';
    await run(
      'mutation($id: ID!, $r: String!) { resolveTicket(id: $id, reply: $r) { id } }',
      { id: parent.id, r: reply },
      handler.token,
    );
    // The follow-up runs three times at once (two workers and a retry, say): every caller follows once.
    const results = await Promise.all([follow(), follow(), follow()]);
    expect(results.reduce((sum, result) => sum + result.followed, 0)).toBe(5);
    expect(await follow()).toEqual({ followed: 0, pending: false });

    for (const caller of callers) {
      const seen = await read(caller.id);
      expect(seen).toMatchObject({ status: 'RESOLVED', reply, version: 3, department: null });
      expect(seen.events.nodes.filter((event) => event.type === 'RESOLVED')).toEqual([
        {
          type: 'RESOLVED',
          fromStatus: 'LINKED',
          toStatus: 'RESOLVED',
          note: `with incident ${parent.number}`,
          actor: null,
        },
      ]);
      // The caller hears the reply, named as the department's, with a link of its own to say if satisfied.
      const [, resolved] = await smsFor(caller.number, 2);
      expect(resolved!.body.text).toContain(`已由自来水公司办结：${reply}`);
      expect(resolved!.body.text).toMatch(/\/status\/feedback#t=[0-9A-Z]{32}/);
    }
    const tokens = callers.map(
      (caller) =>
        /#t=([0-9A-Z]+)/.exec(
          sms.requests.filter((request) => request.body.text.includes(caller.number)).at(-1)!.body.text,
        )![1],
    );
    expect(new Set(tokens).size).toBe(5);
    const { db } = app.hotline.database;
    const deliveries = await db.execute(sql`
      select ticket_id, count(*)::int as n from notification_deliveries
      where event = 'RESOLVED' and ticket_id in (select id from tickets where incident_id = ${parent.id})
      group by ticket_id`);
    expect(deliveries.map((row) => row.n)).toEqual([1, 1, 1, 1, 1]);
    expect((await read(parent.id)).incidentChildren.waitingCount).toBe(0);

    // Each caller answers for itself: a dissatisfied one becomes its own case (NEW, for an agent to
    // dispatch), a satisfied one closes; the incident stays resolved.
    const feedback = (id: string, satisfaction: string) =>
      app.ok<{ recordFeedback: { status: string } }>(
        'mutation($id: ID!, $s: Satisfaction!) { recordFeedback(id: $id, satisfaction: $s) { status } }',
        { id, s: satisfaction },
        agent.token,
      );
    expect((await feedback(callers[0]!.id, 'DISSATISFIED')).recordFeedback.status).toBe('NEW');
    expect((await feedback(callers[1]!.id, 'SATISFIED')).recordFeedback.status).toBe('CLOSED');
    expect((await read(parent.id)).status).toBe('RESOLVED');
  });

  it('follows a parent closed right after its resolution, and nothing of an open one', async () => {
    const open = await incident();
    const waiting = await makeTicket(app);
    await link(waiting.id, open.id);
    const parent = await incident();
    const caller = await makeTicket(app);
    await link(caller.id, parent.id);
    await run(
      'mutation($id: ID!) { resolveTicket(id: $id, reply: "已修复") { id } }',
      { id: parent.id },
      handler.token,
    );
    await run('mutation($id: ID!) { closeTicket(id: $id, reason: RESOLVED) { id } }', { id: parent.id });
    await follow();
    expect(await read(caller.id)).toMatchObject({ status: 'RESOLVED', reply: '已修复' });
    expect(await read(waiting.id)).toMatchObject({ status: 'LINKED', reply: null, version: 2 });
  });
});
