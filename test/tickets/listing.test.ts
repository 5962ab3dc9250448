import { buildHotlineSchema, createLoaders } from '@hotline/api/server';
import { forgetReferenceRows, ManualClock, systemViewer } from '@hotline/api/services';
import { openDatabase } from '@hotline/schema/client';
import { graphql } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const clock = new ManualClock(new Date('2026-09-01T00:00:00Z'));
const app = useHotline({ clock });
let departments: string[];
const created: { id: string; number: string }[] = [];

const titles = ['小区路灯不亮', '噪音扰民严重', 'Water leak in basement', '拖欠工资三个月', '公交车站牌损坏'];

beforeAll(async () => {
  departments = [(await makeDepartment(app)).id, (await makeDepartment(app)).id];
  const area = await app.ok<{ createArea: { id: string } }>(
    'mutation { createArea(input: {code: "AREA_X", name: "幸福街道"}) { id } }',
    {},
    app.adminToken,
  );
  await app.ok(
    `mutation { createArea(input: {code: "AREA_X_1", name: "幸福社区", parentId: "${area.createArea.id}"}) { id } }`,
    {},
    app.adminToken,
  );
  for (let index = 0; index < 30; index++) {
    clock.advance(60_000);
    const ticket = await makeTicket(app, {
      title: `${titles[index % titles.length]} #${index}`,
      callerPhone: `139000000${String(index).padStart(2, '0')}`,
      priority: index % 3 === 0 ? 'EMERGENCY' : 'ORDINARY',
      categoryCode: index % 2 === 0 ? 'HOUSING_PROPERTY_MGMT' : 'TRANSPORT_BUS',
      areaCode: index % 4 === 0 ? 'AREA_X_1' : null,
      externalRef: `EXT-${index}`,
    });
    if (index % 5 !== 4) {
      await app.ok(
        `mutation { dispatchTicket(id: "${ticket.id}", departmentId: "${departments[index % 2]}") { id } }`,
        {},
        app.adminToken,
      );
    }
    created.push({ id: ticket.id, number: ticket.number });
  }
});

type Page = {
  tickets: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: { id: string; number: string }[];
  };
};

const list = (args: string) =>
  app.ok<Page>(
    `{ tickets(${args}) { totalCount pageInfo { hasNextPage endCursor } nodes { id number } } }`,
    {},
    app.adminToken,
  );

describe('tickets connection', () => {
  it('pages with after through every ticket exactly once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = await list(`first: 7${after ? `, after: "${after}"` : ''}`);
      seen.push(...page.tickets.nodes.map((node) => node.number));
      after = page.tickets.pageInfo.hasNextPage ? page.tickets.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(created.map((ticket) => ticket.number).reverse());
  });

  it('jumps with offset and counts the whole set', async () => {
    const page = await list('first: 5, offset: 10');
    expect(page.tickets.totalCount).toBe(30);
    expect(page.tickets.nodes.map((node) => node.number)).toEqual(
      created
        .map((t) => t.number)
        .reverse()
        .slice(10, 15),
    );
  });

  it('orders by NUMBER ascending and by DUE_AT with undispatched tickets last', async () => {
    const byNumber = await list('first: 100, orderBy: {field: NUMBER, direction: ASC}');
    expect(byNumber.tickets.nodes.map((node) => node.number)).toEqual(created.map((t) => t.number));
    const byDue = await app.ok<{ tickets: { nodes: { sla: { dueAt: string | null } }[] } }>(
      '{ tickets(first: 100, orderBy: {field: DUE_AT, direction: ASC}) { nodes { sla { dueAt } } } }',
      {},
      app.adminToken,
    );
    const dues = byDue.tickets.nodes.map((node) => node.sla.dueAt);
    const dated = dues.filter((due): due is string => due !== null);
    expect(dated).toEqual([...dated].sort());
    expect(dues.slice(dated.length).every((due) => due === null)).toBe(true);
    expect(dues.slice(dated.length)).toHaveLength(6);
  });

  it('pages with after under DUE_AT ordering across the null tail', async () => {
    const numbers: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = await list(
        `first: 4, orderBy: {field: DUE_AT, direction: DESC}${after ? `, after: "${after}"` : ''}`,
      );
      numbers.push(...page.tickets.nodes.map((node) => node.number));
      after = page.tickets.pageInfo.hasNextPage ? page.tickets.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(numbers).size).toBe(30);
  });

  it.each([
    ['status: [NEW]', 6],
    ['priority: [EMERGENCY]', 10],
    ['categoryCode: "HOUSING"', 15],
    ['categoryCode: "TRANSPORT_BUS"', 15],
    ['areaCode: "AREA_X"', 8],
    ['externalRef: "EXT-3"', 1],
    ['search: "路灯不亮"', 6],
    ['search: "工资三个"', 6],
    ['search: "WATER LEAK"', 6],
    ['search: "13900000017"', 1],
    ['search: "100%"', 0],
    ['overdue: true', 0],
  ])('filters by %s', async (filter, expected) => {
    const page = await list(`first: 100, filter: {${filter}}`);
    expect(page.tickets.totalCount).toBe(expected);
    expect(page.tickets.nodes).toHaveLength(expected);
  });

  it('filters by department, creation window and overdue once deadlines pass', async () => {
    expect((await list(`filter: {departmentId: "${departments[0]}"}`)).tickets.totalCount).toBe(12);
    const window = await list(
      `filter: {createdAfter: "2026-09-01T00:05:00Z", createdBefore: "2026-09-01T00:10:00Z"}`,
    );
    expect(window.tickets.totalCount).toBe(5);
    clock.advance(30 * 86_400_000);
    expect((await list('filter: {overdue: true}')).tickets.totalCount).toBe(24);
    expect((await list('filter: {overdue: false}')).tickets.totalCount).toBe(6);
    clock.set('2026-09-01T01:00:00Z');
  });

  it('finds a ticket by its number, and refuses page sizes outside 1..100', async () => {
    const one = created[3]!;
    expect((await list(`filter: {search: "${one.number}"}`)).tickets.nodes).toEqual([one]);
    const byNumber = await app.ok<{ ticketByNumber: { id: string } }>(
      `{ ticketByNumber(number: "${one.number}") { id } }`,
      {},
      app.adminToken,
    );
    expect(byNumber.ticketByNumber.id).toBe(one.id);
    for (const first of [0, 101, -1]) {
      expect(codes(await app.gql(`{ tickets(first: ${first}) { totalCount } }`, {}, app.adminToken))).toEqual(
        ['BAD_USER_INPUT'],
      );
    }
    expect(codes(await app.gql('{ tickets(after: "garbage") { totalCount } }', {}, app.adminToken))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

/** Runs a `tickets` query in process as the system, on its own connections; answers its nodes. */
async function listAsSystem(database: Awaited<ReturnType<typeof openDatabase>>, source: string) {
  const result = await graphql({
    schema: await buildHotlineSchema(),
    source,
    contextValue: {
      db: database.db,
      clock,
      viewer: systemViewer,
      loaders: createLoaders(database.db, systemViewer),
      requestId: 't',
    },
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { tickets: { nodes: unknown[] } }).tickets.nodes;
}

describe('statement count', () => {
  it('costs the same number of SQL statements for a page of 10 or of 100 tickets with their relations', async () => {
    for (let index = 0; index < 70; index++)
      await makeTicket(app, { categoryCode: 'URBAN_WATER', areaCode: 'AREA_X_1' });
    let statements = 0;
    const database = await openDatabase({ url: app.databaseUrl, max: 2, onQuery: () => statements++ });
    const run = async (first: number, { cached = false } = {}) => {
      // Departments, categories, areas and SLA policies are kept per process for a moment.
      if (!cached) forgetReferenceRows();
      statements = 0;
      const nodes = await listAsSystem(
        database,
        `{ tickets(first: ${first}) { totalCount nodes { number department { name } category { name parent { name } } area { name parent { name } } sla { policy { name } } } } }`,
      );
      expect(nodes).toHaveLength(first);
      return statements;
    };
    const small = await run(10);
    const large = await run(100);
    // The same page again reads its reference rows from the process's cache: the page and its count.
    const again = await run(100, { cached: true });
    await database.close();
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(8);
    expect(again).toBe(2);
  });

  it('reads the column groups the selection needs, and every column for a field it does not know', async () => {
    await makeTicket(app, { address: '幸福路 1 号' });
    const queries: string[] = [];
    const database = await openDatabase({
      url: app.databaseUrl,
      max: 2,
      onQuery: (query) => queries.push(query),
    });
    const pageStatement = async (selection: string) => {
      queries.length = 0;
      expect(
        (await listAsSystem(database, `{ tickets(first: 5) { nodes { ${selection} } } }`)).length,
      ).toBeGreaterThan(0);
      const page = queries.find((query) => query.includes('"tickets"."number"'));
      expect(page).toBeDefined();
      return page!;
    };
    const summary = await pageStatement('id number status title department { name } sla { dueAt breached }');
    expect(summary).not.toContain('"tickets"."description"');
    expect(summary).not.toContain('"tickets"."caller_phone"');
    expect(summary).not.toContain('"tickets"."idempotency_key"');
    const withCaller = await pageStatement('number address caller { name phone } feedback { comment }');
    expect(withCaller).toContain('"tickets"."caller_phone"');
    expect(withCaller).toContain('"tickets"."address"');
    expect(withCaller).toContain('"tickets"."feedback_comment"');
    expect(withCaller).not.toContain('"tickets"."latitude"');
    expect(withCaller).not.toContain('"tickets"."idempotency_key"');
    // allowedActions is not mapped to groups: the whole row.
    const whole = await pageStatement('number allowedActions');
    expect(whole).toContain('"tickets"."idempotency_key"');
    await database.close();
  });

  it('names a renamed department and category at once, though the process keeps them for a moment', async () => {
    const [ticket] = created;
    const read = async () =>
      (
        await app.ok<{ ticket: { department: { name: string }; category: { name: string } } }>(
          `{ ticket(id: "${ticket!.id}") { department { name } category { name } } }`,
          {},
          app.adminToken,
        )
      ).ticket;
    const before = await read();
    await app.ok(
      `mutation { updateDepartment(id: "${departments[0]}", input: { code: "RENAMED_DEPT", name: "改名后的部门", kind: BUREAU }) { id } }`,
      {},
      app.adminToken,
    );
    expect(await read()).toEqual({ ...before, department: { name: '改名后的部门' } });
    const categories = await app.ok<{
      categories: { id: string; code: string; parent: { id: string } | null }[];
    }>('{ categories { id code parent { id } } }', {}, app.adminToken);
    const category = categories.categories.find((row) => row.code === 'HOUSING_PROPERTY_MGMT')!;
    await app.ok(
      `mutation($input: TreeNodeInput!) { updateCategory(id: "${category.id}", input: $input) { id } }`,
      { input: { code: category.code, name: '物业管理（新名）', parentId: category.parent?.id ?? null } },
      app.adminToken,
    );
    expect(await read()).toEqual({
      department: { name: '改名后的部门' },
      category: { name: '物业管理（新名）' },
    });
  });
});
