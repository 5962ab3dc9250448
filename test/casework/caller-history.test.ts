import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

/**
 * Caller history (issue 12, item 8): a caller's other tickets for staff who see phones in full, on the
 * ticket and at intake; nothing for viewers who see the phone masked.
 */
const app = useHotline();
let sql: postgres.Sql;
let departmentA: string;
let departmentB: string;
let handlerA: string;
let handlerB: string;
let agent: string;
let integrationA: string;
const PHONE = '13900001111';
/** Oldest first: at A resolved with feedback, at A running, at B running, then NEW. */
const ids: string[] = [];

const HISTORY = 'callerHistory { count lastSatisfaction last { id caller { phone } } }';

interface History {
  count: number;
  lastSatisfaction: string | null;
  last: { id: string; caller: { phone: string } }[];
}

async function dispatch(id: string, department: string, token: string) {
  await app.ok(
    'mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }',
    { id, d: department },
    app.adminToken,
  );
  await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id }, token);
}

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentA = (await makeDepartment(app)).id;
  departmentB = (await makeDepartment(app)).id;
  handlerA = (await makeUser(app, 'HANDLER', departmentA)).token;
  handlerB = (await makeUser(app, 'HANDLER', departmentB)).token;
  agent = (await makeUser(app, 'AGENT')).token;
  const { createApiClient } = await app.ok<{ createApiClient: { key: string } }>(
    'mutation($a: ID!) { createApiClient(input: {name: "市级平台", role: INTEGRATION, departmentId: $a}) { key } }',
    { a: departmentA },
    app.adminToken,
  );
  integrationA = createApiClient.key;

  const first = await makeTicket(app, { callerPhone: PHONE });
  await dispatch(first.id, departmentA, handlerA);
  await app.ok(
    'mutation($id: ID!) { resolveTicket(id: $id, reply: "已修复") { id } }',
    { id: first.id },
    handlerA,
  );
  await app.ok(
    'mutation($id: ID!) { recordFeedback(id: $id, satisfaction: BASICALLY_SATISFIED) { id } }',
    { id: first.id },
    agent,
  );
  const second = await makeTicket(app, { callerPhone: PHONE });
  await dispatch(second.id, departmentA, handlerA);
  const third = await makeTicket(app, { callerPhone: `+86${PHONE}` });
  await dispatch(third.id, departmentB, handlerB);
  const fourth = await makeTicket(app, { callerPhone: PHONE });
  ids.push(first.id, second.id, third.id, fourth.id);
  // Another caller: never in this caller's history.
  await makeTicket(app, { callerPhone: '13900002222' });
});
afterAll(async () => {
  await sql?.end();
});

const historyOn = async (id: string, token: string) =>
  (
    await app.ok<{ ticket: { callerHistory: History | null } | null }>(
      `query($id: ID!) { ticket(id: $id) { ${HISTORY} } }`,
      { id },
      token,
    )
  ).ticket;
const lookUp = (phone: string, token: string) =>
  app.gql<{ callerHistory: History }>(
    `query($phone: String!) { ${HISTORY.replace('callerHistory', 'callerHistory(phone: $phone)')} }`,
    { phone },
    token,
  );

describe('Ticket.callerHistory', () => {
  it("for an agent: the caller's other tickets, newest first, with the latest satisfaction", async () => {
    const seen = (await historyOn(ids[3]!, agent))!.callerHistory!;
    expect(seen.count).toBe(3);
    expect(seen.last.map((ticket) => ticket.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(seen.lastSatisfaction).toBe('BASICALLY_SATISFIED');
    // Any stored form of the number is the same caller.
    expect((await historyOn(ids[2]!, agent))!.callerHistory!.count).toBe(3);
  });

  it("for a handler: only its own department's tickets, whose phone it sees in full", async () => {
    const seen = (await historyOn(ids[1]!, handlerA))!.callerHistory!;
    expect(seen.last.map((ticket) => ticket.id)).toEqual([ids[0]]);
    expect(seen.count).toBe(1);
    expect(seen.last[0]!.caller.phone).toBe(PHONE);
    const atB = (await historyOn(ids[2]!, handlerB))!.callerHistory!;
    expect(atB).toEqual({ count: 0, lastSatisfaction: null, last: [] });
  });

  it('is null for viewers who see the phone masked', async () => {
    // Dispatched to B, then reassigned to A: B still sees the ticket, with the phone masked.
    const moved = await makeTicket(app, { callerPhone: PHONE });
    await dispatch(moved.id, departmentB, handlerB);
    await app.ok(
      'mutation($id: ID!, $d: ID!) { reassignTicket(id: $id, departmentId: $d, reason: "属A单位") { id } }',
      { id: moved.id, d: departmentA },
      app.adminToken,
    );
    const masked = await app.ok<{ ticket: { caller: { phone: string }; callerHistory: History | null } }>(
      `query($id: ID!) { ticket(id: $id) { caller { phone } ${HISTORY} } }`,
      { id: moved.id },
      handlerB,
    );
    expect(masked.ticket.caller.phone).toBe('139****1111');
    expect(masked.ticket.callerHistory).toBeNull();
    expect((await historyOn(ids[1]!, integrationA))!.callerHistory).toBeNull();
    // Another department's handler does not see the ticket at all.
    expect(await historyOn(ids[0]!, handlerB)).toBeNull();
  });
});

describe('callerHistory(phone) at intake', () => {
  it('finds the caller by the number as typed, for agents and managers', async () => {
    for (const typed of [PHONE, '139 0000 1111', '+86 139-0000-1111']) {
      const found = await lookUp(typed, agent);
      expect(found.errors).toBeUndefined();
      expect(found.data!.callerHistory.count).toBeGreaterThanOrEqual(4);
      expect(found.data!.callerHistory.lastSatisfaction).toBe('BASICALLY_SATISFIED');
      expect(found.data!.callerHistory.last).toHaveLength(5);
    }
    expect((await lookUp('13900009999', agent)).data!.callerHistory).toEqual({
      count: 0,
      lastSatisfaction: null,
      last: [],
    });
    expect(codes(await lookUp('1390', agent))).toEqual(['BAD_USER_INPUT']);
  });

  it('is FORBIDDEN to viewers who do not see every phone in full, and asks a sign-in', async () => {
    expect(codes(await lookUp(PHONE, handlerA))).toEqual(['FORBIDDEN']);
    expect(codes(await lookUp(PHONE, integrationA))).toEqual(['FORBIDDEN']);
    expect(codes(await lookUp(PHONE, ''))).toEqual(['UNAUTHENTICATED']);
  });

  it('reads through tickets_caller_phone_idx', async () => {
    const plan = await sql.begin(async (tx) => {
      await tx`set local enable_seqscan = off`;
      return tx.unsafe(`explain select count(*) from tickets where caller_phone = any($1::text[])`, [
        [PHONE, `+86${PHONE}`],
      ]);
    });
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('tickets_caller_phone_idx');
  });
});
