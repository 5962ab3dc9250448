import { ManualClock, rollUpAllDirtyDays } from '@hotline/api/services';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * Lead and co-handling departments (主办/协办, issue 12 item 3): a dispatch names co-handlers; each accepts and
 * replies its part and can be reminded or waived; the lead resolves only once none is open. Co-handlers see
 * the case (a third department does not) and cannot act as the lead; their timeliness is in their scorecard.
 */
const HOUR = 3_600_000;
const clock = new ManualClock(new Date());
const app = useHotline({ clock });
let sql: postgres.Sql;
let lead: string;
let coB: string;
let coC: string;
let third: string;
let handlerLead: { id: string; token: string };
let handlerB: { id: string; token: string };
let handlerC: { id: string; token: string };
let handlerThird: { id: string; token: string };
let manager: { id: string; token: string };

const FIELDS = `id status version allowedActions caller { phone } department { id }
  coHandlers { status dueAt acceptedAt repliedAt reply reminders waiveReason overdue repliedLate department { id } repliedBy { id } waivedBy { id } }`;

interface Part {
  status: string;
  dueAt: string;
  acceptedAt: string | null;
  repliedAt: string | null;
  reply: string | null;
  reminders: number;
  waiveReason: string | null;
  overdue: boolean;
  repliedLate: boolean;
  department: { id: string };
  repliedBy: { id: string } | null;
  waivedBy: { id: string } | null;
}
interface View {
  id: string;
  status: string;
  version: number;
  allowedActions: string[];
  caller: { phone: string | null };
  department: { id: string } | null;
  coHandlers: Part[];
}

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  [lead, coB, coC, third] = await Promise.all(
    [0, 1, 2, 3].map(async () => (await makeDepartment(app)).id),
  ).then((ids) => ids as [string, string, string, string]);
  handlerLead = await makeUser(app, 'HANDLER', lead);
  handlerB = await makeUser(app, 'HANDLER', coB);
  handlerC = await makeUser(app, 'HANDLER', coC);
  handlerThird = await makeUser(app, 'HANDLER', third);
  manager = await makeUser(app, 'MANAGER');
});
afterAll(async () => {
  await sql?.end();
});

/** A department's part, whatever the order of parts requested in the same instant. */
const partOf = (view: View | undefined, department: string) =>
  view!.coHandlers.filter((part) => part.department.id === department).at(-1)!;
const pairs = (view: View) => view.coHandlers.map((part) => `${part.department.id} ${part.status}`).sort();

const read = async (id: string, token = manager.token) =>
  (await app.ok<{ ticket: View | null }>(`query($id: ID!) { ticket(id: $id) { ${FIELDS} } }`, { id }, token))
    .ticket;

const dispatch = (id: string, coHandlers: string[], extra: Record<string, unknown> = {}) =>
  app.gql<{ dispatchTicket: View }>(
    `mutation($id: ID!, $d: ID!, $co: [ID!], $due: DateTime) {
      dispatchTicket(id: $id, departmentId: $d, coHandlingDepartmentIds: $co, coHandlingDueAt: $due) { ${FIELDS} } }`,
    { id, d: lead, co: coHandlers, ...extra },
    manager.token,
  );

/** A case dispatched to the lead with co-handlers (B and C), accepted by the lead. */
async function coHandledCase(coHandlers = [coB, coC]): Promise<string> {
  const ticket = await makeTicket(app);
  const done = await dispatch(ticket.id, coHandlers);
  expect(done.errors).toBeUndefined();
  await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id: ticket.id }, handlerLead.token);
  return ticket.id;
}

const mutate = (name: string, args: string, vars: Record<string, unknown>, token: string) => {
  const declared = [
    '$ticketId: ID!',
    ...('dept' in vars ? ['$dept: ID!'] : []),
    ...('text' in vars ? ['$text: String!'] : []),
  ];
  return app.gql<Record<string, View>>(
    `mutation(${declared.join(', ')}) { ${name}(ticketId: $ticketId${args}) { ${FIELDS} } }`,
    vars,
    token,
  );
};
const accept = (id: string, token: string) => mutate('acceptCoHandling', '', { ticketId: id }, token);
const reply = (id: string, token: string, text = '已核实管线权属，属我单位养护范围的部分已安排抢修') =>
  mutate('replyCoHandling', ', reply: $text', { ticketId: id, text }, token);
const remind = (id: string, dept: string, token: string) =>
  mutate(
    'remindCoHandler',
    ', departmentId: $dept, note: $text',
    { ticketId: id, dept, text: '请尽快回复' },
    token,
  );
const waive = (id: string, dept: string, token: string) =>
  mutate(
    'waiveCoHandler',
    ', departmentId: $dept, reason: $text',
    { ticketId: id, dept, text: '已由主办单位查明' },
    token,
  );
const resolve = (id: string, token = handlerLead.token) =>
  app.gql(`mutation($id: ID!) { resolveTicket(id: $id, reply: "已修复") { id status } }`, { id }, token);

const eventsOf = (id: string) =>
  sql<
    {
      type: string;
      department_id: string | null;
      webhook: string | null;
      payload: Record<string, any> | null;
    }[]
  >`
    select e.type, e.department_id, o.type as webhook, o.payload
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

describe('dispatching with co-handlers', () => {
  it('requests each co-handler PENDING, due half way to the resolution deadline, with its event and webhook row', async () => {
    const ticket = await makeTicket(app);
    const done = await dispatch(ticket.id, [coB, coC]);
    expect(done.errors).toBeUndefined();
    const view = done.data!.dispatchTicket;
    expect(view).toMatchObject({
      status: 'DISPATCHED',
      version: ticket.version + 1,
      department: { id: lead },
    });
    expect(pairs(view)).toEqual([`${coB} PENDING`, `${coC} PENDING`].sort());
    const [row] = await sql<{ due_at: Date }[]>`select due_at from tickets where id = ${ticket.id}`;
    const now = clock.now().getTime();
    const half = now + Math.round((row!.due_at.getTime() - now) / 2);
    expect(view.coHandlers.map((part) => new Date(part.dueAt).getTime())).toEqual([half, half]);
    expect(await eventsOf(ticket.id)).toEqual([
      expect.objectContaining({ type: 'CREATED' }),
      expect.objectContaining({ type: 'DISPATCHED', department_id: lead, webhook: 'ticket.dispatched' }),
      expect.objectContaining({
        type: 'CO_HANDLING_REQUESTED',
        department_id: coB,
        webhook: 'ticket.co_handling_requested',
        payload: expect.objectContaining({
          coHandler: expect.objectContaining({ departmentId: coB, status: 'PENDING' }),
        }),
      }),
      expect.objectContaining({ type: 'CO_HANDLING_REQUESTED', department_id: coC }),
    ]);
  });

  it('refuses the lead as co-handler, a department twice, an unknown one and a deadline past the lead’s', async () => {
    const ticket = await makeTicket(app);
    const far = new Date(clock.now().getTime() + 365 * 24 * HOUR).toISOString();
    for (const [co, extra] of [
      [[lead], {}],
      [[coB, coB], {}],
      [['00000000-0000-4000-8000-000000000000'], {}],
      [[coB], { due: far }],
      [[coB], { due: new Date(clock.now().getTime() - HOUR).toISOString() }],
      [[], { due: new Date(clock.now().getTime() + HOUR).toISOString() }],
    ] as [string[], Record<string, unknown>][]) {
      expect(codes(await dispatch(ticket.id, co, extra)), JSON.stringify(co)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await read(ticket.id))!).toMatchObject({
      status: 'NEW',
      version: ticket.version,
      coHandlers: [],
    });
    const due = new Date(clock.now().getTime() + 2 * HOUR).toISOString();
    const done = await dispatch(ticket.id, [coB], { due });
    expect(done.data!.dispatchTicket.coHandlers[0]!.dueAt).toBe(due);
  });
});

describe('what a co-handler sees', () => {
  it('sees the case with the phone in full while its part is open; a third department sees nothing', async () => {
    const id = await coHandledCase();
    const asB = (await read(id, handlerB.token))!;
    expect(asB.caller.phone).toBe('13812345678');
    expect(asB.allowedActions).toEqual(['ACCEPT_CO_HANDLING']);
    expect((await read(id, handlerC.token))!.allowedActions).toEqual(['ACCEPT_CO_HANDLING']);
    expect(await listIds({ coHandling: true }, handlerB.token)).toContain(id);
    expect(await listIds({ coHandling: false }, handlerB.token)).not.toContain(id);
    expect(await listIds({}, handlerB.token)).toContain(id);
    // The lead's own list does not call it co-handling of its own.
    expect(await listIds({ coHandling: true }, handlerLead.token)).not.toContain(id);
    expect(await listIds({ coHandling: true })).toContain(id);

    expect(await read(id, handlerThird.token)).toBeNull();
    expect(await listIds({}, handlerThird.token)).not.toContain(id);
    expect(await listIds({ coHandling: true }, handlerThird.token)).toEqual([]);
    expect(codes(await accept(id, handlerThird.token))).toEqual(['NOT_FOUND']);
    expect(codes(await remind(id, coB, handlerThird.token))).toEqual(['NOT_FOUND']);

    // Phone search finds it for the co-handler, as the phone shows.
    expect(await listIds({ search: '13812345678' }, handlerB.token)).toContain(id);
    expect(await listIds({ search: '13812345678' }, handlerThird.token)).not.toContain(id);

    await accept(id, handlerB.token);
    await reply(id, handlerB.token);
    const answered = (await read(id, handlerB.token))!;
    expect(answered.caller.phone).toBe('138****5678');
    expect(answered.allowedActions).toEqual([]);
    expect(await listIds({ search: '13812345678' }, handlerB.token)).not.toContain(id);
  });

  it('cannot act as the lead', async () => {
    const id = await coHandledCase();
    const before = (await read(id))!;
    for (const mutation of [
      'resolveTicket(id: $id, reply: "已处理") { id }',
      'returnTicket(id: $id, reason: "不属本部门") { id }',
      'holdTicket(id: $id, reason: "等待") { id }',
      `assignTicket(id: $id, userId: "${handlerB.id}") { id }`,
      'addNote(ticketId: $id, body: "协办意见", visibility: INTERNAL) { id }',
    ]) {
      expect(
        codes(await app.gql(`mutation($id: ID!) { ${mutation} }`, { id }, handlerB.token)),
        mutation,
      ).toEqual(['FORBIDDEN']);
    }
    expect(codes(await remind(id, coC, handlerB.token))).toEqual(['FORBIDDEN']);
    expect(codes(await waive(id, coC, handlerB.token))).toEqual(['FORBIDDEN']);
    expect((await read(id))!.version).toBe(before.version);
  });
});

describe('the co-handling flow', () => {
  it('accept, reply, remind and waive, each one event; the lead resolves only once no part is open', async () => {
    const id = await coHandledCase();
    const refused = await resolve(id);
    expect(codes(refused)).toEqual(['INVALID_TRANSITION']);
    expect(refused.errors![0]!.extensions).toMatchObject({
      reason: 'CO_HANDLING_PENDING',
      departmentIds: [coB, coC],
    });
    expect((await read(id, handlerLead.token))!.allowedActions).not.toContain('RESOLVE');
    expect((await read(id, handlerLead.token))!.allowedActions).toContain('REMIND_CO_HANDLER');
    expect((await read(id))!.allowedActions).toEqual(
      expect.arrayContaining(['REMIND_CO_HANDLER', 'WAIVE_CO_HANDLER']),
    );

    expect(codes(await reply(id, handlerB.token))).toEqual(['INVALID_TRANSITION']);
    const accepted = await accept(id, handlerB.token);
    expect(accepted.errors).toBeUndefined();
    expect(partOf(accepted.data!.acceptCoHandling, coB)).toMatchObject({ status: 'ACCEPTED' });
    expect(accepted.data!.acceptCoHandling!.allowedActions).toEqual(['REPLY_CO_HANDLING']);
    expect(codes(await accept(id, handlerB.token))).toEqual(['INVALID_TRANSITION']);

    clock.advance(HOUR);
    const replied = (await reply(id, handlerB.token)).data!.replyCoHandling;
    expect(partOf(replied, coB)).toMatchObject({
      status: 'REPLIED',
      reply: '已核实管线权属，属我单位养护范围的部分已安排抢修',
      repliedLate: false,
      repliedBy: { id: handlerB.id },
    });
    expect(codes(await resolve(id))).toEqual(['INVALID_TRANSITION']);

    const reminded = await remind(id, coC, handlerLead.token);
    expect(reminded.errors).toBeUndefined();
    expect(partOf(reminded.data!.remindCoHandler, coC)).toMatchObject({ status: 'PENDING', reminders: 1 });
    expect(partOf((await remind(id, coC, manager.token)).data!.remindCoHandler, coC).reminders).toBe(2);
    expect(codes(await remind(id, coB, manager.token))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await waive(id, coC, handlerLead.token))).toEqual(['FORBIDDEN']);

    const waived = (await waive(id, coC, manager.token)).data!.waiveCoHandler;
    expect(partOf(waived, coC)).toMatchObject({
      status: 'WAIVED',
      waiveReason: '已由主办单位查明',
      waivedBy: { id: manager.id },
    });
    expect((await read(id, handlerLead.token))!.allowedActions).toContain('RESOLVE');
    expect(await resolve(id)).toMatchObject({ data: { resolveTicket: { status: 'RESOLVED' } } });

    const types = (await eventsOf(id)).map((event) => [event.type, event.department_id, event.webhook]);
    expect(types.slice(-6)).toEqual([
      ['CO_HANDLING_ACCEPTED', coB, 'ticket.co_handling_accepted'],
      ['CO_HANDLING_REPLIED', coB, 'ticket.co_handling_replied'],
      ['CO_HANDLER_REMINDED', coC, 'ticket.co_handler_reminded'],
      ['CO_HANDLER_REMINDED', coC, 'ticket.co_handler_reminded'],
      ['CO_HANDLER_WAIVED', coC, 'ticket.co_handler_waived'],
      ['RESOLVED', lead, 'ticket.resolved'],
    ]);
    // The reply never travels in a webhook body.
    for (const event of await eventsOf(id)) expect(JSON.stringify(event.payload)).not.toContain('管线');
  });

  it('a reply after the deadline shows late; an open part past it shows overdue', async () => {
    const ticket = await makeTicket(app);
    await dispatch(ticket.id, [coB, coC], { due: new Date(clock.now().getTime() + HOUR).toISOString() });
    await accept(ticket.id, handlerB.token);
    clock.advance(2 * HOUR);
    const view = (await reply(ticket.id, handlerB.token)).data!.replyCoHandling!;
    expect(
      [partOf(view, coB), partOf(view, coC)].map((part) => [part.status, part.repliedLate, part.overdue]),
    ).toEqual([
      ['REPLIED', true, false],
      ['PENDING', false, true],
    ]);
  });

  it('a return cancels the open parts; a new dispatch names a new set; the co-handler still sees the case', async () => {
    const id = await coHandledCase();
    await accept(id, handlerB.token);
    await app.ok(
      'mutation($id: ID!) { returnTicket(id: $id, reason: "不属本单位") { id } }',
      { id },
      handlerLead.token,
    );
    const returned = (await read(id))!;
    expect(returned.coHandlers.map((part) => part.status)).toEqual(['CANCELLED', 'CANCELLED']);
    const asB = (await read(id, handlerB.token))!;
    expect(asB.caller.phone).toBe('138****5678');
    expect(asB.allowedActions).toEqual([]);

    clock.advance(60_000);
    await app.ok(
      'mutation($id: ID!, $d: ID!, $co: [ID!]) { reassignTicket(id: $id, departmentId: $d, reason: "改派", coHandlingDepartmentIds: $co) { id } }',
      { id, d: coB, co: [coC] },
      manager.token,
    );
    const reassigned = (await read(id))!;
    expect(pairs(reassigned)).toEqual([`${coB} CANCELLED`, `${coC} CANCELLED`, `${coC} PENDING`].sort());
    expect(reassigned.coHandlers.at(-1)).toMatchObject({ status: 'PENDING', department: { id: coC } });
    // Reassigned again without co-handlers: the open part ends.
    clock.advance(60_000);
    await app.ok(
      'mutation($id: ID!, $d: ID!) { reassignTicket(id: $id, departmentId: $d, reason: "改派") { id } }',
      { id, d: lead },
      manager.token,
    );
    expect((await read(id))!.coHandlers.map((part) => part.status)).toEqual([
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ]);
    await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id }, handlerLead.token);
    expect((await resolve(id)).errors).toBeUndefined();
  });
});

describe("the co-handlers' figures", () => {
  it('counts requests, replies on time and the rate per co-handler; the case stays the lead’s', async () => {
    // Departments of their own: D and E only ever co-handle.
    const d = (await makeDepartment(app)).id;
    const e = (await makeDepartment(app)).id;
    const handlerD = await makeUser(app, 'HANDLER', d);
    const handlerE = await makeUser(app, 'HANDLER', e);
    const onTime = await coHandledCase([d, e]);
    await accept(onTime, handlerD.token);
    await reply(onTime, handlerD.token);
    await waive(onTime, e, manager.token);
    const late = await coHandledCase([d, e]);
    await accept(late, handlerE.token);
    await accept(late, handlerD.token);
    clock.advance(30 * 24 * HOUR);
    await reply(late, handlerE.token);
    await reply(late, handlerD.token);
    await rollUpAllDirtyDays(app.hotline.database.db, clock);

    const from = new Date(clock.now().getTime() - 60 * 24 * HOUR).toISOString();
    const to = new Date(clock.now().getTime() + HOUR).toISOString();
    const figures = `volume coHandlingRequests coHandlingExcused coHandlingRepliedOnTime coHandlingOnTimeRate`;
    const { departmentRanking } = await app.ok<{
      departmentRanking: {
        entries: { department: { id: string }; current: Record<string, number | null> }[];
      };
    }>(
      `query($from: DateTime!, $to: DateTime!) { departmentRanking(from: $from, to: $to) { entries { department { id } current { ${figures} } } } }`,
      { from, to },
      manager.token,
    );
    const of = (department: string) =>
      departmentRanking.entries.find((entry) => entry.department.id === department)!.current;
    const raw = async (department: string) => {
      const [row] = await sql<{ requests: number; excused: number; on_time: number; tickets: number }[]>`
        with latest as (
          select distinct on (ticket_id) * from ticket_co_handlers where department_id = ${department}
          order by ticket_id, created_at desc, id desc
        )
        select count(*)::int as requests, count(distinct ticket_id)::int as tickets,
          count(*) filter (where status in ('WAIVED', 'CANCELLED'))::int as excused,
          count(*) filter (where status = 'REPLIED' and replied_at <= due_at)::int as on_time
        from latest`;
      return row!;
    };
    for (const department of [d, e]) {
      const expected = await raw(department);
      expect(of(department), department).toMatchObject({
        volume: 0,
        coHandlingRequests: expected.requests,
        coHandlingExcused: expected.excused,
        coHandlingRepliedOnTime: expected.on_time,
      });
      const drillDown = await listIds({
        coHandlingDepartmentId: department,
        createdAfter: from,
        createdBefore: to,
      });
      expect(drillDown.length).toBe(expected.tickets);
    }
    expect(of(d)).toMatchObject({
      coHandlingRequests: 2,
      coHandlingRepliedOnTime: 1,
      coHandlingOnTimeRate: 0.5,
    });
    expect(of(e)).toMatchObject({ coHandlingRequests: 2, coHandlingExcused: 1, coHandlingOnTimeRate: 0 });
    expect(of(lead).coHandlingRequests).toBe(0);
    expect(of(lead).volume).toBeGreaterThan(1);
    const { departmentScorecard } = await app.ok<{
      departmentScorecard: { current: Record<string, number | null> };
    }>(
      `query($d: ID!, $from: DateTime!, $to: DateTime!) { departmentScorecard(departmentId: $d, from: $from, to: $to) { current { ${figures} } } }`,
      { d, from, to },
      handlerD.token,
    );
    expect(departmentScorecard.current).toEqual(of(d));
  });
});

interface Created extends View {
  events: {
    nodes: {
      type: string;
      fromStatus: string | null;
      toStatus: string | null;
      department: { id: string } | null;
    }[];
  };
}

describe('co-handlers named at intake', () => {
  const create = (input: Record<string, unknown>) =>
    app.gql<{ createTicket: Created }>(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { number ${FIELDS} events(first: 10) { nodes { type fromStatus toStatus department { id } } } } }`,
      {
        input: {
          title: '人行道井盖缺失',
          description: '井盖协办测试：人行道井盖缺失，夜间危险',
          demandType: 'REPORT',
          callerPhone: '13800000000',
          ...input,
        },
      },
      manager.token,
    );

  it('names them with the dispatch a routing rule makes at once, and refuses them without one', async () => {
    await app.ok(
      'mutation($input: RoutingRuleInput!) { createRoutingRule(input: $input) { id } }',
      { input: { name: '井盖协办', departmentId: lead, conditions: { keywords: ['井盖协办测试'] } } },
      app.adminToken,
    );
    const made = await create({ coHandlingDepartmentIds: [coB] });
    expect(made.errors).toBeUndefined();
    const ticket = made.data!.createTicket;
    expect(ticket.status).toBe('DISPATCHED');
    expect(ticket.department).toEqual({ id: lead });
    expect(pairs(ticket)).toEqual([`${coB} PENDING`]);
    expect(ticket.events.nodes.map((event) => event.type)).toEqual([
      'CREATED',
      'DISPATCHED',
      'CO_HANDLING_REQUESTED',
    ]);
    expect(ticket.events.nodes[2]).toMatchObject({
      fromStatus: 'NEW',
      toStatus: 'DISPATCHED',
      department: { id: coB },
    });
    // The co-handler sees it and takes its part on, as after dispatchTicket.
    expect((await accept(ticket.id, handlerB.token)).errors).toBeUndefined();

    // Refused as on dispatchTicket: the lead as co-handler.
    expect(codes(await create({ coHandlingDepartmentIds: [lead] }))).toEqual(['BAD_USER_INPUT']);
    // Not dispatched at once (no rule matches, or autoDispatch false): nothing is registered.
    const before = await sql<{ n: number }[]>`select count(*)::int as n from tickets`;
    const undispatched = await create({ coHandlingDepartmentIds: [coB], autoDispatch: false });
    expect(codes(undispatched)).toEqual(['BAD_USER_INPUT']);
    expect(undispatched.errors![0]!.extensions!.reason).toBe('NOT_DISPATCHED_AT_ONCE');
    expect(await sql<{ n: number }[]>`select count(*)::int as n from tickets`).toEqual(before);
  });
});
