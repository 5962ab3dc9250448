import { ManualClock, rollUpAllDirtyDays } from '@hotline/api/services';
import postgres from 'postgres';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../integration/integration-helpers.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * Manual supervision (issue 12, item 5): a MANAGER supervises a running case (督办/催办) with a level, a
 * note and a reply deadline; the responsible department replies (or resolves); an overdue reply shows; the
 * department's scorecard counts the case.
 */
const HOUR = 3_600_000;
const clock = new ManualClock(new Date());
const app = useHotline({
  role: 'all',
  clock,
  env: { WEBHOOK_RELAY_MS: '50', WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_SWEEP_MS: '300' },
});
let sql: postgres.Sql;
let departmentA: string;
let departmentB: string;
let handlerA: { id: string; token: string };
let handlerB: { id: string; token: string };
let manager: { id: string; token: string };
let agent: { id: string; token: string };

const FIELDS = `id status version allowedActions
  supervision { level status note dueAt repliedAt reply overdue repliedLate department { id } supervisedBy { id } repliedBy { id } }`;

interface View {
  id: string;
  status: string;
  version: number;
  allowedActions: string[];
  supervision: {
    level: string;
    status: string;
    note: string;
    dueAt: string;
    repliedAt: string | null;
    reply: string | null;
    overdue: boolean;
    repliedLate: boolean;
    department: { id: string };
    supervisedBy: { id: string } | null;
    repliedBy: { id: string } | null;
  } | null;
}

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  handlerA = await makeUser(app, 'HANDLER', departmentA);
  handlerB = await makeUser(app, 'HANDLER', departmentB);
  manager = await makeUser(app, 'MANAGER');
  agent = await makeUser(app, 'AGENT');
});
afterAll(async () => {
  await sql?.end();
});

async function inProgressAtA(): Promise<string> {
  const ticket = await makeTicket(app);
  await app.ok(
    'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
    { id: ticket.id, d: departmentA },
    app.adminToken,
  );
  await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: ticket.id }, handlerA.token);
  return ticket.id;
}

const read = async (id: string, token = manager.token) =>
  (await app.ok<{ ticket: View | null }>(`query($id: ID!) { ticket(id: $id) { ${FIELDS} } }`, { id }, token))
    .ticket;

const supervise = (id: string, token = manager.token, args: Record<string, unknown> = {}) =>
  app.gql<{ superviseTicket: View }>(
    `mutation($id: ID!, $level: SupervisionLevel!, $note: String!, $hours: Int, $dueAt: DateTime) {
      superviseTicket(id: $id, level: $level, note: $note, replyWithinHours: $hours, replyDueAt: $dueAt) { ${FIELDS} } }`,
    { id, level: 'SUPERVISE', note: '群众多次反映，请三日内答复办理进展', hours: 2, ...args },
    token,
  );
const reply = (id: string, token = handlerA.token, text = '已安排人员现场处理，明日完成维修') =>
  app.gql<{ replySupervision: View }>(
    `mutation($id: ID!, $reply: String!) { replySupervision(id: $id, reply: $reply) { ${FIELDS} } }`,
    { id, reply: text },
    token,
  );
const eventsOf = (id: string) =>
  sql<{ type: string; department_id: string | null; note: string | null; webhook: string | null }[]>`
    select e.type, e.department_id, e.note, o.type as webhook
    from ticket_events e left join outbox o on o.event_id = e.id
    where e.ticket_id = ${id} order by e.id`;
const listIds = async (filter: Record<string, unknown>, token = manager.token) =>
  (
    await app.ok<{ tickets: { nodes: { id: string }[] } }>(
      'query($filter: TicketFilter) { tickets(first: 100, filter: $filter) { nodes { id } } }',
      { filter },
      token,
    )
  ).tickets.nodes.map((node) => node.id);

describe('superviseTicket', () => {
  it('marks the case supervised with the deadline the manager set, in one event with its webhook row', async () => {
    const id = await inProgressAtA();
    const before = (await read(id))!;
    expect(before.supervision).toBeNull();
    expect(before.allowedActions).toContain('SUPERVISE');

    const done = await supervise(id, manager.token, { level: 'URGE' });
    expect(done.errors).toBeUndefined();
    const after = done.data!.superviseTicket;
    expect(after).toMatchObject({
      status: 'IN_PROGRESS',
      version: before.version + 1,
      supervision: {
        level: 'URGE',
        status: 'OPEN',
        note: '群众多次反映，请三日内答复办理进展',
        dueAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
        repliedAt: null,
        overdue: false,
        department: { id: departmentA },
        supervisedBy: { id: manager.id },
      },
    });
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      type: 'SUPERVISED',
      department_id: departmentA,
      webhook: 'ticket.supervised',
    });
    // The department sees it and may answer it.
    expect((await read(id, handlerA.token))!.allowedActions).toContain('REPLY_SUPERVISION');
    expect(await listIds({ supervised: true })).toContain(id);
    expect(await listIds({ supervised: false })).not.toContain(id);
  });

  it('is for MANAGER and ADMIN only, on running cases only, with a deadline in the future', async () => {
    const id = await inProgressAtA();
    expect(codes(await supervise(id, agent.token))).toEqual(['FORBIDDEN']);
    expect(codes(await supervise(id, handlerA.token))).toEqual(['FORBIDDEN']);
    // Another department does not even see the case.
    expect(codes(await supervise(id, handlerB.token))).toEqual(['NOT_FOUND']);
    expect(codes(await supervise(id, manager.token, { hours: null }))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await supervise(id, manager.token, { hours: null, dueAt: new Date(clock.now().getTime() - 1000) }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await supervise(id, manager.token, { hours: 721 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await supervise(id, manager.token, { note: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect((await read(id))!.supervision).toBeNull();

    const fresh = await makeTicket(app);
    expect(codes(await supervise(fresh.id))).toEqual(['INVALID_TRANSITION']);
    const closed = await makeTicket(app);
    await app.ok(
      'mutation($id: ID!) { closeTicket(id: $id, reason: WITHDRAWN) { id } }',
      { id: closed.id },
      app.adminToken,
    );
    expect(codes(await supervise(closed.id))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await supervise(closed.id, app.adminToken))).toEqual(['INVALID_TRANSITION']);

    const byAdmin = await supervise(id, app.adminToken, {
      hours: null,
      dueAt: new Date(clock.now().getTime() + 5 * HOUR).toISOString(),
    });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.superviseTicket.supervision).toMatchObject({ status: 'OPEN', level: 'SUPERVISE' });
  });

  it('a second supervision supersedes the open one (催办 raised to 督办)', async () => {
    const id = await inProgressAtA();
    await supervise(id, manager.token, { level: 'URGE', hours: 24 });
    const raised = (await supervise(id, manager.token, { level: 'SUPERVISE', hours: 4 })).data!
      .superviseTicket;
    expect(raised.supervision).toMatchObject({ level: 'SUPERVISE', status: 'OPEN' });
    const rows = await sql<{ level: string; status: string }[]>`
      select level, status from supervisions where ticket_id = ${id} order by created_at, status`;
    expect(rows.map((row) => row.status).sort()).toEqual(['OPEN', 'SUPERSEDED']);
  });
});

describe('the department replies', () => {
  it('a handler of the responsible department answers; another department cannot see or answer it', async () => {
    const id = await inProgressAtA();
    await supervise(id);
    expect(await read(id, handlerB.token)).toBeNull();
    expect(codes(await reply(id, handlerB.token))).toEqual(['NOT_FOUND']);
    expect(await listIds({ supervised: true }, handlerB.token)).not.toContain(id);
    expect(codes(await reply(id, agent.token))).toEqual(['FORBIDDEN']);

    const answered = await reply(id);
    expect(answered.errors).toBeUndefined();
    expect(answered.data!.replySupervision.supervision).toMatchObject({
      status: 'REPLIED',
      reply: '已安排人员现场处理，明日完成维修',
      repliedAt: clock.now().toISOString(),
      repliedBy: { id: handlerA.id },
      overdue: false,
      repliedLate: false,
    });
    expect(answered.data!.replySupervision.allowedActions).not.toContain('REPLY_SUPERVISION');
    expect((await eventsOf(id)).at(-1)).toMatchObject({
      type: 'SUPERVISION_REPLIED',
      note: '已安排人员现场处理，明日完成维修',
      webhook: 'ticket.supervision_replied',
    });
    expect(codes(await reply(id))).toEqual(['INVALID_TRANSITION']);
  });

  it('an unanswered supervision past its deadline is overdue, and listed as such; a late reply shows', async () => {
    const id = await inProgressAtA();
    await supervise(id, manager.token, { hours: 1 });
    expect(await listIds({ supervisionOverdue: true })).not.toContain(id);
    clock.advance(2 * HOUR);
    expect((await read(id))!.supervision).toMatchObject({ status: 'OPEN', overdue: true });
    expect(await listIds({ supervisionOverdue: true })).toContain(id);
    expect(await listIds({ supervisionOverdue: false })).not.toContain(id);
    const late = (await reply(id)).data!.replySupervision.supervision;
    expect(late).toMatchObject({ status: 'REPLIED', overdue: false, repliedLate: true });
    expect(await listIds({ supervisionOverdue: true })).not.toContain(id);
  });

  it('resolving the case answers the supervision with the reply to the caller; closing ends it', async () => {
    const resolved = await inProgressAtA();
    await supervise(resolved);
    await app.ok(
      'mutation($id: ID!) { resolveTicket(id: $id, reply: "路灯已修复") { id } }',
      { id: resolved },
      handlerA.token,
    );
    expect((await read(resolved))!.supervision).toMatchObject({
      status: 'REPLIED',
      reply: '路灯已修复',
      repliedBy: { id: handlerA.id },
    });
    const types = (await eventsOf(resolved)).map((event) => event.type);
    expect(types.slice(-2)).toEqual(['RESOLVED', 'SUPERVISION_REPLIED']);

    const withdrawn = await inProgressAtA();
    await supervise(withdrawn);
    await app.ok(
      'mutation($id: ID!) { closeTicket(id: $id, reason: WITHDRAWN) { id } }',
      { id: withdrawn },
      app.adminToken,
    );
    expect((await read(withdrawn))!.supervision).toMatchObject({
      status: 'ENDED',
      repliedAt: null,
      overdue: false,
    });
  });
});

describe('supervision outside the building', () => {
  it('sends ticket.supervised, signed, with the level and deadline but not the note', async () => {
    const receiver = await startReceiver();
    try {
      const { createWebhook } = await app.ok<{ createWebhook: { secret: string } }>(
        'mutation($input: WebhookInput!) { createWebhook(input: $input) { secret } }',
        { input: { url: receiver.url, events: ['ticket.supervised', 'ticket.supervision_replied'] } },
        app.adminToken,
      );
      const id = await inProgressAtA();
      await supervise(id, manager.token, { hours: 8 });
      await reply(id);
      // The webhook may also get an event an earlier test left in the outbox: only this ticket's count.
      const ours = (all: typeof receiver.received) => all.filter((hit) => hit.body.includes(id));
      const hits = ours(await receiver.waitFor((all) => ours(all).length >= 2));
      const verifier = new StandardWebhook(createWebhook.secret);
      const payloads = hits.map(
        (hit) =>
          verifier.verify(hit.body, {
            'webhook-id': String(hit.headers['webhook-id']),
            'webhook-timestamp': String(hit.headers['webhook-timestamp']),
            'webhook-signature': String(hit.headers['webhook-signature']),
          }) as { type: string; data: Record<string, any> },
      );
      expect(payloads.map((payload) => payload.type).sort()).toEqual([
        'ticket.supervised',
        'ticket.supervision_replied',
      ]);
      const supervised = payloads.find((payload) => payload.type === 'ticket.supervised')!;
      expect(supervised.data.ticket.id).toBe(id);
      expect(supervised.data.supervision).toMatchObject({
        level: 'SUPERVISE',
        status: 'OPEN',
        departmentId: departmentA,
        dueAt: new Date(clock.now().getTime() + 8 * HOUR).toISOString(),
      });
      for (const hit of receiver.received) {
        expect(hit.body).not.toContain('群众多次反映');
        expect(hit.body).not.toContain('13812345678');
      }
    } finally {
      await receiver.close();
    }
  });
});

describe("the department's figures", () => {
  it('counts a supervised case once for the department responsible then, as its ticket list filter does', async () => {
    const supervisedTwice = await inProgressAtA();
    await supervise(supervisedTwice, manager.token, { level: 'URGE' });
    await supervise(supervisedTwice);
    // Supervised at A, then reassigned to B: A's figure, not B's.
    await app.ok(
      'mutation($id: ID!, $d: ID!) { reassignTicket(id: $id, departmentId: $d, reason: "属B单位职责") { id } }',
      { id: supervisedTwice, d: departmentB },
      manager.token,
    );
    await rollUpAllDirtyDays(app.hotline.database.db, clock);
    const from = new Date(clock.now().getTime() - 48 * HOUR).toISOString();
    const to = new Date(clock.now().getTime() + HOUR).toISOString();
    const { departmentRanking } = await app.ok<{
      departmentRanking: {
        entries: { department: { id: string }; current: { supervisedTickets: number } }[];
      };
    }>(
      'query($from: DateTime!, $to: DateTime!) { departmentRanking(from: $from, to: $to) { entries { department { id } current { supervisedTickets } } } }',
      { from, to },
      manager.token,
    );
    const figure = (department: string) =>
      departmentRanking.entries.find((entry) => entry.department.id === department)!.current
        .supervisedTickets;
    const [row] = await sql<{ count: number }[]>`
      select count(distinct ticket_id)::int as count from supervisions where department_id = ${departmentA}`;
    const count = row!.count;
    expect(count).toBeGreaterThan(3);
    expect(figure(departmentA)).toBe(count);
    expect(figure(departmentB)).toBe(0);
    const drillDown = await listIds({
      supervisedDepartmentId: departmentA,
      createdAfter: from,
      createdBefore: to,
    });
    expect(drillDown.length).toBe(count);
    expect(drillDown).toContain(supervisedTwice);
    expect(await listIds({ supervisedDepartmentId: departmentB })).toEqual([]);
  });
});
