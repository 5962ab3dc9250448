import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestHotline, type TestHotline } from '../support/hotline.js';

/** Issue 11, item 8: no request, from any role, holds the database for long. */

let app: TestHotline;
let sql: postgres.Sql;
beforeAll(async () => {
  app = await startTestHotline();
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await app?.stop();
});

const _ticketCount = async () => (await sql`select count(*)::int as n from tickets`)[0]?.n as number;
const aliased = (count: number, field: (index: number) => string) =>
  Array.from({ length: count }, (_, index) => `a${index}: ${field(index)}`).join('\n');

async function expectServing(target: TestHotline, token = target.adminToken) {
  expect((await target.ok('{ me { role } }', {}, token)).me.role).toBeTruthy();
}

describe('the cost model counts the database work', () => {
  it('a deep offset is costed: offset 99,999 is refused before it runs', async () => {
    const result = await app.gql(
      '{ tickets(first: 100, offset: 99999) { nodes { id } } }',
      {},
      app.adminToken,
    );
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors?.[0]?.message).toMatch(/cost \d+ exceeds the maximum of 10000/);
    expect(
      codes(await app.gql('{ tickets(first: 20, offset: 40) { nodes { id } } }', {}, app.adminToken)),
    ).toEqual([]);
  });

  it('totalCount is costed once per connection: 100 counts are refused, 25 (the console) pass', async () => {
    const count = () => 'tickets(first: 1, filter: { status: [NEW, DISPATCHED] }) { totalCount }';
    const refused = await app.gql(`{ ${aliased(100, count)} }`, {}, app.adminToken);
    expect(codes(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    const console = await app.gql(`{ ${aliased(25, count)} }`, {}, app.adminToken);
    expect(codes(console)).toEqual([]);
    // Behind a fragment too.
    const spread = await app.gql(
      `{ ${aliased(100, () => 'tickets(first: 1) { ...counted }')} } fragment counted on TicketConnection { totalCount }`,
      {},
      app.adminToken,
    );
    expect(codes(spread)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('search text is bounded to 200 characters and costed by its length', async () => {
    const search = (text: string) =>
      app.gql(
        'query($s: String) { tickets(filter: { search: $s }) { nodes { id } } }',
        { s: text },
        app.adminToken,
      );
    const huge = await search('路'.repeat(10_000));
    expect(codes(huge)).toEqual(['BAD_USER_INPUT']);
    expect(huge.errors?.[0]?.extensions?.field).toBe('filter.search');
    expect(codes(await search('x'.repeat(201)))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await search('路'.repeat(200)))).toEqual([]);
    // 60 searches of 200 characters: 60 x (1 + 20 + 200) > 10,000.
    const many = await app.gql(
      `query($s: String) { ${aliased(60, () => 'tickets(first: 1, filter: { search: $s }) { pageInfo { hasNextPage } }')} }`,
      { s: 'x'.repeat(200) },
      app.adminToken,
    );
    expect(codes(many)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('stats is costed by the days of its range: 100 years, or three 10-year ranges, are refused', async () => {
    const century = await app.gql(
      '{ stats(from: "1990-01-01T00:00:00Z", to: "2090-01-01T00:00:00Z") { received } }',
      {},
      app.adminToken,
    );
    expect(codes(century)).toEqual(['QUERY_TOO_COMPLEX']);
    const decade = 'stats(from: "2016-01-01T00:00:00Z", to: "2025-12-31T00:00:00Z") { received }';
    expect(codes(await app.gql(`{ ${aliased(3, () => decade)} }`, {}, app.adminToken))).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    expect(codes(await app.gql(`{ ${decade} }`, {}, app.adminToken))).toEqual([]);
  });

  it('possibleDuplicates is costed per ticket', async () => {
    const page = 'tickets(first: 100) { nodes { possibleDuplicates { ticket { id } } } }';
    expect(codes(await app.gql(`{ ${aliased(5, () => page)} }`, {}, app.adminToken))).toEqual([
      'QUERY_TOO_COMPLEX',
    ]);
    expect(codes(await app.gql(`{ ${page} }`, {}, app.adminToken))).toEqual([]);
  });

  it('a list filter naming the same value twice is refused', async () => {
    const result = await app.gql(
      '{ tickets(filter: { status: [NEW, NEW] }) { nodes { id } } }',
      {},
      app.adminToken,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.field).toBe('filter.status');
    const padded = await app.gql(
      'query($p: [TicketPriority!]) { tickets(filter: { priority: $p }) { nodes { id } } }',
      { p: Array.from({ length: 5000 }, () => 'ORDINARY') },
      app.adminToken,
    );
    expect(codes(padded)).toEqual(['BAD_USER_INPUT']);
    await expectServing(app);
  });
});
