import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, useHotline } from '../support/hotline.js';
import { CREATE_TICKET, makeApiClient, ticketInput } from './integration-helpers.js';

const app = useHotline();
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

describe('idempotent createTicket', () => {
  it('20 concurrent identical calls make one ticket and all answer it', async () => {
    const { key } = await makeApiClient(app, { role: 'INTEGRATION' });
    const input = ticketInput({ idempotencyKey: 'city-case-0001' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => app.gql(CREATE_TICKET, { input }, key)),
    );
    expect(results.flatMap((result) => codes(result))).toEqual([]);
    const ids = new Set(results.map((result) => result.data?.createTicket.id));
    expect(ids.size).toBe(1);
    const [row] = await sql`select count(*)::int as n from tickets where idempotency_key = 'city-case-0001'`;
    expect(row?.n).toBe(1);
    const [events] =
      await sql`select count(*)::int as n from ticket_events where ticket_id = ${[...ids][0]!} and type = 'CREATED'`;
    expect(events?.n).toBe(1);
  });

  it('the same key with a different payload answers CONFLICT and creates nothing', async () => {
    const { key } = await makeApiClient(app, { role: 'INTEGRATION' });
    await app.ok(CREATE_TICKET, { input: ticketInput({ idempotencyKey: 'k-2' }) }, key);
    const before = await sql`select count(*)::int as n from tickets`;
    const result = await app.gql(
      CREATE_TICKET,
      { input: ticketInput({ idempotencyKey: 'k-2', title: '另一件事' }) },
      key,
    );
    expect(codes(result)).toEqual(['CONFLICT']);
    expect(await sql`select count(*)::int as n from tickets`).toEqual(before);
  });

  it('keys of different clients never collide', async () => {
    const first = await makeApiClient(app, { role: 'INTEGRATION' });
    const second = await makeApiClient(app, { role: 'INTEGRATION' });
    const input = ticketInput({ idempotencyKey: 'shared-key' });
    const [a, b] = await Promise.all([
      app.ok(CREATE_TICKET, { input }, first.key),
      app.ok(CREATE_TICKET, { input }, second.key),
    ]);
    expect(a.createTicket.id).not.toBe(b.createTicket.id);
    const staff = await app.ok(CREATE_TICKET, { input }, app.adminToken);
    expect(new Set([a.createTicket.id, b.createTicket.id, staff.createTicket.id]).size).toBe(3);
  });
});
