import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRule } from '../routing/routing-support.js';
import { makeDepartment, makeTicket } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

// createTicket writes the ticket, then its events with the lead department's row (one statement) and
// the citizen's access code, the last two pipelined: every row must still be there, in one transaction.

const app = useHotline();
let sql: postgres.Sql;
let departmentId: string;

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentId = (await makeDepartment(app)).id;
  await makeRule(app, app.adminToken, {
    name: '井盖',
    departmentId,
    priority: 'EMERGENCY',
    conditions: { keywords: ['井盖'] },
  });
});

afterAll(async () => {
  await sql?.end();
});

describe('createTicket with auto-dispatch', () => {
  it('writes the ticket, its department history, both events with their outbox rows and the access code', async () => {
    const ticket = await makeTicket(app, {
      title: '井盖丢失',
      callerPhone: '13900001111',
      autoDispatch: true,
    });
    expect(ticket.status).toBe('DISPATCHED');
    const [row] = await sql<{ created_at: Date; department_id: string }[]>`
      select created_at, department_id from tickets where id = ${ticket.id}`;
    expect(row!.department_id).toBe(departmentId);
    const history = await sql<{ department_id: string; first_at: Date }[]>`
      select department_id, first_at from ticket_departments where ticket_id = ${ticket.id}`;
    expect(history).toEqual([{ department_id: departmentId, first_at: row!.created_at }]);
    const events = await sql<{ type: string; webhook: string | null }[]>`
      select e.type, o.type as webhook from ticket_events e left join outbox o on o.event_id = e.id
      where e.ticket_id = ${ticket.id} order by e.id`;
    expect(events).toEqual([
      { type: 'CREATED', webhook: 'ticket.created' },
      { type: 'DISPATCHED', webhook: 'ticket.dispatched' },
    ]);
    const access = await sql<{ n: number; sealed: boolean }[]>`
      select count(*)::int as n, bool_and(sealed_code is not null) as sealed from citizen_access
      where ticket_id = ${ticket.id}`;
    expect(access).toEqual([{ n: 1, sealed: true }]);
  });

  it('writes nothing when the ticket is refused', async () => {
    const before = await sql<{ tickets: number; history: number; access: number }[]>`
      select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_departments) as history,
             (select count(*)::int from citizen_access) as access`;
    const result = await app.gql(
      `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }`,
      {
        input: {
          title: '井盖又丢了',
          description: '路口',
          demandType: 'REPORT',
          coHandlingDepartmentIds: [departmentId],
        },
      },
      app.adminToken,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const after = await sql<{ tickets: number; history: number; access: number }[]>`
      select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_departments) as history,
             (select count(*)::int from citizen_access) as access`;
    expect(after).toEqual(before);
  });
});
