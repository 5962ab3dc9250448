import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, startTestHotline, useHotline } from '../support/hotline.js';
import { CREATE_TICKET, makeApiClient, ticketInput } from './integration-helpers.js';

const app = useHotline();
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

const ticketCount = async () => (await sql`select count(*)::int as n from tickets`)[0]?.n as number;

/** `{ me { department { parent { parent ... } } } }` with `levels` nested parents. */
function deepQuery(levels: number): string {
  return `{ me { department { ${'parent { '.repeat(levels)}id${' }'.repeat(levels)} } } }`;
}

async function expectHealthy() {
  expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  expect((await app.ok('{ me { role } }', {}, app.adminToken)).me.role).toBe('ADMIN');
}

describe('abuse limits', () => {
  it('depth over 12 answers QUERY_TOO_COMPLEX; 12 passes', async () => {
    expect(codes(await app.gql(deepQuery(9), {}, app.adminToken))).toEqual([]);
    const result = await app.gql(deepQuery(11), {}, app.adminToken);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.data).toBeUndefined();
    await expectHealthy();
  });

  it('more than 100 aliases answer QUERY_TOO_COMPLEX and no mutation runs', async () => {
    const before = await ticketCount();
    const aliases = Array.from({ length: 101 }, (_, i) => `t${i}: createTicket(input: $input) { id }`).join(
      '\n',
    );
    const result = await app.gql(
      `mutation($input: CreateTicketInput!) { ${aliases} }`,
      { input: ticketInput() },
      app.adminToken,
    );
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(await ticketCount()).toBe(before);
    await expectHealthy();
  });

  it('a costly query answers QUERY_TOO_COMPLEX before anything runs', async () => {
    const query = `{ tickets(first: 100) { nodes { id events(first: 100) { nodes { id actor { id } department { id } } } } } }`;
    const result = await app.gql(query, {}, app.adminToken);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors?.[0]?.message).toMatch(/cost \d+ exceeds the maximum of 10000/);
    // The same through variables: `first` is read from them.
    const viaVariables = await app.gql(
      `query($n: Int) { tickets(first: $n) { nodes { events(first: $n) { nodes { actor { id } ticket { id } } } } } }`,
      { n: 100 },
      app.adminToken,
    );
    expect(codes(viaVariables)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(
      codes(await app.gql('{ tickets(first: 100) { nodes { id department { id } } } }', {}, app.adminToken)),
    ).toEqual([]);
    await expectHealthy();
  });

  it('too many tokens answer QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 6000 }, () => '__typename').join(' ');
    const result = await app.gql(`{ ${fields} }`, {}, app.adminToken);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    await expectHealthy();
  });

  it('a body over 1 MiB answers HTTP 413 with a JSON error', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify({ query: '{ me { role } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_REQUEST');
    await expectHealthy();
  });

  it('text over its maximum length answers BAD_USER_INPUT', async () => {
    const result = await app.gql(
      CREATE_TICKET,
      { input: ticketInput({ title: '长'.repeat(201) }) },
      app.adminToken,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });

  it('rate-limits each API client per its limits with a retryAfter hint; staff have their own, generous limit', async () => {
    const limited = await makeApiClient(app, {
      role: 'INTEGRATION',
      rateLimitPerSecond: 5,
      rateLimitBurst: 10,
    });
    const other = await makeApiClient(app, {
      role: 'INTEGRATION',
      rateLimitPerSecond: 5,
      rateLimitBurst: 10,
    });
    const results = await Promise.all(
      Array.from({ length: 25 }, () => app.gql('{ me { role } }', {}, limited.key)),
    );
    const refused = results.filter((result) => codes(result).includes('RATE_LIMITED'));
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(results.length - refused.length).toBeGreaterThanOrEqual(10);
    const retryAfter = refused[0]?.errors?.[0]?.extensions?.retryAfter as number;
    expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);

    const raw = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${limited.key}` },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

    expect(codes(await app.gql('{ me { role } }', {}, other.key))).toEqual([]);
    const staff = await Promise.all(
      Array.from({ length: 60 }, () => app.gql('{ me { role } }', {}, app.adminToken)),
    );
    expect(staff.flatMap(codes)).toEqual([]);
    await expectHealthy();
  });

  it('the default client limit allows bursts of 200', async () => {
    const client = await makeApiClient(app, { role: 'INTEGRATION' });
    const results = await Promise.all(
      Array.from({ length: 150 }, () => app.gql('{ me { role } }', {}, client.key)),
    );
    expect(results.flatMap(codes)).toEqual([]);
  });
});

describe('introspection', () => {
  it('is off when NODE_ENV=production', async () => {
    const production = await startTestHotline({ env: { NODE_ENV: 'production' } });
    try {
      const result = await production.gql('{ __schema { types { name } } }', {}, production.adminToken);
      expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    } finally {
      await production.stop();
    }
    expect(codes(await app.gql('{ __schema { queryType { name } } }', {}, app.adminToken))).toEqual([]);
  });
});
