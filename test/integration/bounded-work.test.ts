import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from '../support/factories.js';
import { codes, type GraphQLResult, type TestHotline, useHotline } from '../support/hotline.js';
import { makeApiClient, ticketInput } from './integration-helpers.js';

/** Issue 11, item 8: no request, from any role, holds the database for long. */

const app = useHotline();
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

const ticketCount = async () => (await sql`select count(*)::int as n from tickets`)[0]?.n as number;
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
    // A two-character pattern has no trigram and reads every ticket: 25 of them (25 x 401) are refused.
    const short = (count: number) =>
      app.gql(
        `query($s: String) { ${aliased(count, () => 'tickets(first: 1, filter: { search: $s }) { pageInfo { hasNextPage } }')} }`,
        { s: '不亮' },
        app.adminToken,
      );
    expect(codes(await short(25))).toEqual(['QUERY_TOO_COMPLEX']);
    expect(codes(await short(2))).toEqual([]);
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

describe('aliased mutations count against the rate limit', () => {
  const mutation = (count: number) =>
    `mutation($input: CreateTicketInput!) { ${aliased(count, () => 'createTicket(input: $input) { id }')} }`;

  it('100 aliased createTicket cost 100: over a 10/s, bursts of 50 client they are refused and none runs', async () => {
    const client = await makeApiClient(app, {
      role: 'INTEGRATION',
      rateLimitPerSecond: 10,
      rateLimitBurst: 50,
    });
    const before = await ticketCount();
    const result = await app.gql(mutation(100), { input: ticketInput() }, client.key);
    expect(codes(result)).toEqual(['RATE_LIMITED']);
    expect(result.errors?.[0]?.extensions?.retryAfter).toBeGreaterThanOrEqual(1);
    expect(await ticketCount()).toBe(before);

    const other = await makeApiClient(app, {
      role: 'INTEGRATION',
      rateLimitPerSecond: 10,
      rateLimitBurst: 50,
    });
    expect(codes(await app.gql(mutation(40), { input: ticketInput() }, other.key))).toEqual([]);
    expect(await ticketCount()).toBe(before + 40);
  });
});

describe('staff and anonymous requests are rate-limited too', () => {
  const limited = useHotline({ env: { RATE_LIMIT_STAFF: '5/20', RATE_LIMIT_ANONYMOUS: '5/20' } });

  const flood = (count: number, send: () => Promise<GraphQLResult>) =>
    Promise.all(Array.from({ length: count }, send)).then((results) => results.flatMap(codes));

  it('a staff session over its limit gets RATE_LIMITED; another session is unaffected', async () => {
    const { token } = await makeUser(limited, 'AGENT');
    const answers = await flood(60, () => limited.gql('{ me { role } }', {}, token));
    expect(answers.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(30);
    await expectServing(limited);
  });

  it('an anonymous flood from one address gets RATE_LIMITED, whatever X-Forwarded-For claims', async () => {
    const anonymous = async (index: number) => {
      const response = await fetch(`${limited.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.0.0.${index % 250}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      return { status: response.status, body: (await response.json()) as GraphQLResult };
    };
    const answers = await Promise.all(Array.from({ length: 60 }, (_, index) => anonymous(index)));
    const refused = answers.filter((answer) => codes(answer.body).includes('RATE_LIMITED'));
    expect(refused.length).toBeGreaterThanOrEqual(30);
    expect(refused[0]?.status).toBe(429);
    // A bad credential is anonymous too: it spends the same allowance.
    expect(await flood(5, () => limited.gql('{ me { role } }', {}, 'not-a-token'))).toContain('RATE_LIMITED');
    await expectServing(limited);
  });
});

describe('statement timeout', () => {
  const timed = useHotline({
    env: { DATABASE_STATEMENT_TIMEOUT_MS: '300', DATABASE_REPORT_STATEMENT_TIMEOUT_MS: '10000' },
  });

  it('a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS is cancelled with QUERY_TOO_COMPLEX; the server keeps serving', async () => {
    const db = postgres(timed.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      // The count cannot finish while the table is locked: it runs as long as any slow scan would.
      const result = await db.begin(async (tx) => {
        await tx`lock table tickets in access exclusive mode`;
        return Promise.race([
          timed.gql('{ tickets(filter: { status: [NEW] }) { totalCount } }', {}, timed.adminToken),
          new Promise<GraphQLResult>((done) =>
            setTimeout(() => done({ errors: [{ message: 'no answer while the statement ran' }] }), 10_000),
          ),
        ]);
      });
      expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(result.errors?.[0]?.message).toMatch(/longer than the server allows/);
      expect(JSON.stringify(result)).not.toMatch(/statement timeout|canceling|select /i);
    } finally {
      await db.end();
    }
    await expectServing(timed);
    expect(codes(await timed.gql('{ tickets { totalCount } }', {}, timed.adminToken))).toEqual([]);
  });

  it('a report may run up to DATABASE_REPORT_STATEMENT_TIMEOUT_MS: the SLA report outlasts a 1.5 s lock and answers', async () => {
    const db = postgres(timed.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const report = await db.begin(async (tx) => {
        await tx`lock table tickets in access exclusive mode`;
        const asked = timed.gql(
          `query($from: DateTime!, $to: DateTime!) { slaReport(from: $from, to: $to) {
            overall { tickets } breaches(first: 5) { nodes { cause } } } }`,
          { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
          timed.adminToken,
        );
        // Five times the connection's statement_timeout: any statement of the API's own would be cancelled.
        await new Promise((wake) => setTimeout(wake, 1500));
        return { asked };
      });
      const result = await report.asked;
      expect(codes(result)).toEqual([]);
      expect(result.data).toMatchObject({ slaReport: { overall: { tickets: 0 }, breaches: { nodes: [] } } });
    } finally {
      await db.end();
    }
  });
});
