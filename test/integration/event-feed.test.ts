import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHotline } from '../support/hotline.js';
import { CREATE_TICKET, ticketInput } from './integration-helpers.js';

const app = useHotline();
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 10, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

const FEED = `query($after: String) { ticketEvents(first: 100, after: $after) {
  nodes { id } pageInfo { endCursor hasNextPage } } }`;

/**
 * One writer: transactions whose ids are taken early and that commit late (pg_sleep inside), mixed
 * with ordinary API writes, so commit order differs from id and transaction-id order.
 */
async function write(ticketId: string, rounds: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    if (round % 3 === 2) {
      await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
      continue;
    }
    await sql.begin(async (tx) => {
      await tx`insert into ticket_events (ticket_id, type, at) values (${ticketId}, 'ASSIGNED', now())`;
      await tx`select pg_sleep(${Math.random() * 0.06})`;
      await tx`insert into ticket_events (ticket_id, type, at) values (${ticketId}, 'ASSIGNED', now())`;
    });
  }
}

describe('the change feed', () => {
  it('never skips or repeats an event while 8 writers commit out of order', async () => {
    const seed = await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
    const ticketId: string = seed.createTicket.id;
    const seen: string[] = [];
    let cursor: string | null = null;
    const poll = async () => {
      for (;;) {
        const data: any = await app.ok(FEED, { after: cursor }, app.adminToken);
        const page = data.ticketEvents;
        seen.push(...page.nodes.map((node: { id: string }) => node.id));
        cursor = page.pageInfo.endCursor ?? cursor;
        if (!page.pageInfo.hasNextPage) return;
      }
    };
    let writing = true;
    const writers = Promise.all(Array.from({ length: 8 }, () => write(ticketId, 12))).finally(() => {
      writing = false;
    });
    let polls = 0;
    while (writing) {
      await poll();
      polls++;
    }
    await writers;
    const expected = (await sql`select id::text from ticket_events order by id`).map(
      (row) => row.id as string,
    );
    // Events show once every older transaction in the cluster has ended (other databases' too), so
    // the last ones may need a few more polls; a skipped event would never show and fail below.
    const deadline = Date.now() + 10_000;
    do await poll();
    while (seen.length < expected.length && Date.now() < deadline);

    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...expected].sort());
    expect(expected.length).toBeGreaterThan(8 * 12);
    expect(polls).toBeGreaterThan(3);
  });
});
