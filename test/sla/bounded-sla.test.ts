import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hotline } from '../../boot.js';
import { makeDepartment, makeUser } from '../support/factories.js';
import { codes, startSibling, useHotline } from '../support/hotline.js';
import { effectCounts, FAST_WORKERS, makeDispatched, setSecondsPolicy, waitFor } from './sla-support.js';

/** Issue 11, item 9: SLA input that would hang the business clock is refused; one bad ticket never stops a batch. */

const app = useHotline({ env: FAST_WORKERS });
let sql: postgres.Sql;
let departmentId: string;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
  departmentId = (await makeDepartment(app)).id;
});
afterAll(async () => {
  await sql?.end();
});

const UPSERT_POLICY = 'mutation($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { id } }';
const SET_CALENDAR =
  'mutation($input: BusinessCalendarInput!) { setBusinessCalendar(input: $input) { timezone } }';
const WEEKDAYS = {
  timezone: 'Asia/Shanghai',
  workdays: [1, 2, 3, 4, 5],
  hours: [{ start: '09:00', end: '17:00' }],
  holidays: [],
  extraWorkdays: [],
};

function policy(overrides: Record<string, unknown>) {
  return {
    name: 'bounded',
    priority: 'COMPLEX',
    clock: 'BUSINESS',
    acceptWithin: 'P1D',
    resolveWithin: 'P7D',
    remindAt: [0.5],
    escalation: [{ level: 1, after: 'PT0S' }],
    ...overrides,
  };
}

describe('SLA durations and calendars are bounded', () => {
  it('refuses policy durations over 365 days (P100000D would walk centuries of calendar)', async () => {
    for (const overrides of [
      { resolveWithin: 'P100000D' },
      { acceptWithin: 'PT8761H' },
      { resolveWithin: 'P366D' },
      { escalation: [{ level: 1, after: 'P400D' }] },
      // On the BUSINESS clock an hour is a working hour: 8,000 of them are more than 365 working days.
      { resolveWithin: 'PT8000H' },
    ]) {
      const result = await app.gql(UPSERT_POLICY, { input: policy(overrides) }, app.adminToken);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.message).toMatch(/must not exceed 365 days/);
    }
    expect(
      codes(await app.gql(UPSERT_POLICY, { input: policy({ resolveWithin: 'P365D' }) }, app.adminToken)),
    ).toEqual([]);
    expect(codes(await app.gql(UPSERT_POLICY, { input: policy({}) }, app.adminToken))).toEqual([]);
  });

  it('refuses a calendar with no working time in the next year', async () => {
    const pastOnly = await app.gql(
      SET_CALENDAR,
      { input: { ...WEEKDAYS, workdays: [], extraWorkdays: ['2001-01-02'] } },
      app.adminToken,
    );
    expect(codes(pastOnly)).toEqual(['BAD_USER_INPUT']);
    expect(pastOnly.errors?.[0]?.extensions?.problems).toEqual([
      'there is no working time in the next 366 days',
    ]);
    const today = Date.now();
    const everyDayOff = Array.from({ length: 400 }, (_, i) =>
      new Date(today + (i - 2) * 86_400_000).toISOString().slice(0, 10),
    );
    expect(
      codes(await app.gql(SET_CALENDAR, { input: { ...WEEKDAYS, holidays: everyDayOff } }, app.adminToken)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(codes(await app.gql(SET_CALENDAR, { input: WEEKDAYS }, app.adminToken))).toEqual([]);
  });

  it('refuses an extension ending more than 365 days from now', async () => {
    const handler = await makeUser(app, 'HANDLER', departmentId);
    const id = await makeDispatched(app, 'ORDINARY', departmentId);
    await app.ok('mutation($id: ID!) { acceptTicket(id: $id) { id } }', { id }, handler.token);
    const request = (days: number) =>
      app.gql(
        'mutation($id: ID!, $until: DateTime!) { requestExtension(id: $id, until: $until, reason: "会商") { id } }',
        { id, until: new Date(Date.now() + days * 86_400_000).toISOString() },
        handler.token,
      );
    const far = await request(400);
    expect(codes(far)).toEqual(['BAD_USER_INPUT']);
    expect(far.errors?.[0]?.extensions?.field).toBe('until');
    expect(codes(await request(300))).toEqual([]);
  });
});

describe('the SLA claim batch', () => {
  let worker: Hotline | undefined;
  afterAll(async () => {
    await worker?.stop();
  });

  it('records and skips a ticket whose timers cannot be computed; the others in its batch get their effects', async () => {
    // Seconds-long CALENDAR policies: reminder at 1 s, level 1 at the 2 s deadline.
    const seconds = { resolveWithin: 'PT2S', remindAt: [0.5], escalation: [{ level: 1, after: 'PT0S' }] };
    await setSecondsPolicy(app, 'EMERGENCY', seconds);
    await setSecondsPolicy(app, 'COMPLEX', seconds);
    const good = await Promise.all(
      Array.from({ length: 3 }, () => makeDispatched(app, 'EMERGENCY', departmentId)),
    );
    const bad = await makeDispatched(app, 'COMPLEX', departmentId);
    // Corrupt data written behind the API's back: the COMPLEX policy's window no longer parses.
    await sql`update sla_policies set resolve_within = 'three days' where priority = 'COMPLEX'`;
    await new Promise((wake) => setTimeout(wake, 2200));

    worker = await startSibling(app, { env: FAST_WORKERS });
    const all = [...good, bad];
    await waitFor('effects of the good tickets', async () => (await effectCounts(sql, good)).length === 6);
    expect((await effectCounts(sql, all)).filter((row) => row.ticketId === bad)).toEqual([]);
    const [row] = await sql<{ next: Date }[]>`select next_timer_at as next from tickets where id = ${bad}`;
    // Set aside for an hour rather than claimed (and failing) at every tick.
    expect(row?.next.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
  });
});
