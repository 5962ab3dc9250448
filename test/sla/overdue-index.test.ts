import 'reflect-metadata';
import type { Viewer } from '@hotline/api/services';
import { type ListTicketsArgs, listTickets, ManualClock } from '@hotline/api/services';
import * as schema from '@hotline/schema';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment } from '../support/factories.js';
import { useHotline } from '../support/hotline.js';

/**
 * The overdue list and the DUE_AT order must stay cheap at any table size: EXPLAIN the very SQL the
 * service sends, on 20,000 tickets (most closed, as in a system that has run for a while).
 */
const now = new Date('2026-10-16T09:00:00Z');
const app = useHotline();
let client: postgres.Sql;
let departmentIds: string[];
const captured: { query: string; params: unknown[] }[] = [];

beforeAll(async () => {
  departmentIds = [];
  for (let i = 0; i < 5; i++) departmentIds.push((await makeDepartment(app)).id);
  client = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
  await client`
    insert into tickets (number, status, priority, demand_type, channel, title, description, department_id,
                         created_at, updated_at, created_by_id, due_at)
    select 'B' || lpad(g::text, 8, '0'),
           (case when g % 10 = 0 then 'DISPATCHED' when g % 10 = 1 then 'IN_PROGRESS' else 'CLOSED' end)::ticket_status,
           'ORDINARY', 'COMPLAINT', 'PHONE', 'bench ' || g, 'x',
           (${departmentIds}::uuid[])[1 + g % 5],
           ${now} - make_interval(mins => g), ${now}, gen_random_uuid(),
           ${now} + make_interval(mins => (g * 7919) % 86400 - 20000)
    from generate_series(1, 20000) g`;
  await client`analyze tickets`;
});
afterAll(async () => {
  await client?.end();
});

const admin: Viewer = {
  kind: 'user',
  id: '00000000-0000-4000-8000-000000000001',
  role: 'ADMIN',
  departmentId: null,
};

/** The plan of the list query the service builds for these arguments. */
async function planOf(viewer: Viewer, args: ListTicketsArgs): Promise<string> {
  const db = drizzle(client, {
    schema,
    casing: 'snake_case',
    logger: { logQuery: (query, params) => captured.push({ query, params }) },
  });
  captured.length = 0;
  await listTickets({ db, clock: new ManualClock(now), viewer }, args);
  const list = captured.find((entry) => entry.query.includes('limit'));
  if (!list) throw new Error('the list query was not captured');
  const rows = await client.unsafe(`explain ${list.query}`, list.params as never[]);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

function expectIndexed(plan: string, index: RegExp) {
  expect(plan, plan).toMatch(index);
  expect(plan, plan).not.toMatch(/Seq Scan on tickets/);
}

describe('overdue list and DUE_AT order at 20,000 tickets', () => {
  it('finds overdue tickets through an index in any order', async () => {
    expectIndexed(await planOf(admin, { first: 20, filter: { overdue: true } }), /Index Scan using tickets_/);
  });

  it('walks the partial index of open deadlines in DUE_AT order, both directions', async () => {
    for (const direction of ['ASC', 'DESC'] as const) {
      const plan = await planOf(admin, {
        first: 20,
        filter: { overdue: true },
        orderBy: { field: 'DUE_AT', direction },
      });
      expectIndexed(plan, /tickets_due_open_idx/);
    }
  });

  it("serves one department's overdue or open tickets by DUE_AT from an index", async () => {
    const departmentId = departmentIds[0] ?? null;
    const byDepartment = await planOf(admin, {
      first: 20,
      filter: { departmentId, status: ['DISPATCHED', 'IN_PROGRESS'] },
      orderBy: { field: 'DUE_AT', direction: 'ASC' },
    });
    expectIndexed(byDepartment, /tickets_department_\w+_idx|tickets_due_open_idx/);
    const handler: Viewer = { kind: 'user', id: admin.id, role: 'HANDLER', departmentId };
    const scoped = await planOf(handler, {
      first: 20,
      filter: { overdue: true },
      orderBy: { field: 'DUE_AT', direction: 'ASC' },
    });
    expectIndexed(scoped, /Index Scan/);
  });
});
