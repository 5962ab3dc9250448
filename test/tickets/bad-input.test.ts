import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeDepartment, makeTicket } from '../support/factories.js';
import { codes, type GraphQLResult, useHotline } from '../support/hotline.js';

const app = useHotline();

const CREATE = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
const valid = { title: '路灯不亮', description: '3号楼前路灯坏了', demandType: 'HELP_REQUEST' };

async function ticketCount() {
  return (await app.ok<{ tickets: { totalCount: number } }>('{ tickets { totalCount } }', {}, app.adminToken))
    .tickets.totalCount;
}

/** No error may leak internals: no stack, no SQL. */
function expectClean(result: GraphQLResult) {
  for (const error of result.errors ?? []) {
    expect(error.extensions?.stacktrace).toBeUndefined();
    expect(error.message).not.toMatch(/select|insert|update|postgres|drizzle|at .*\.ts/i);
  }
}

describe('bad input is refused clearly and writes nothing', () => {
  it.each([
    ['a missing required field', { title: 'x', demandType: 'REPORT' }, 'BAD_USER_INPUT'],
    ['a wrong enum value', { ...valid, demandType: 'SHOUTING' }, 'BAD_USER_INPUT'],
    ['an oversized title', { ...valid, title: '长'.repeat(201) }, 'BAD_USER_INPUT'],
    ['an oversized description', { ...valid, description: 'x'.repeat(10_001) }, 'BAD_USER_INPUT'],
    ['an oversized caller phone', { ...valid, callerPhone: '1'.repeat(33) }, 'BAD_USER_INPUT'],
    ['a blank title', { ...valid, title: '   ' }, 'BAD_USER_INPUT'],
    ['an unknown category', { ...valid, categoryCode: 'NO_SUCH' }, 'BAD_USER_INPUT'],
    ['an unknown area', { ...valid, areaCode: 'NO_SUCH' }, 'BAD_USER_INPUT'],
  ])('%s', async (_name, input, code) => {
    const before = await ticketCount();
    const result = await app.gql(CREATE, { input }, app.adminToken);
    expect(codes(result)).toEqual([code]);
    expect(result.errors?.[0]?.message.length).toBeGreaterThan(10);
    expectClean(result);
    expect(await ticketCount()).toBe(before);
  });

  it.each([
    ['a NUL in the title', { ...valid, title: '路灯\u0000不亮' }, '$input.title', 'U+0000'],
    [
      'an escape in the description',
      { ...valid, description: '坏了\u001b[31m' },
      '$input.description',
      'U+001B',
    ],
    [
      'a NUL in the caller phone',
      { ...valid, callerPhone: '138\u000012345678' },
      '$input.callerPhone',
      'U+0000',
    ],
    ['a lone surrogate in the address', { ...valid, address: '幸福路\ud800' }, '$input.address', 'U+D800'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, input, field, character) => {
    const before = await ticketCount();
    const result = await app.gql(CREATE, { input }, app.adminToken);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.field).toBe(field);
    expect(result.errors?.[0]?.message).toContain(character);
    expectClean(result);
    expect(await ticketCount()).toBe(before);
  });

  it('refuses control characters in literals and filters too, naming the argument', async () => {
    const search = await app.gql(
      '{ tickets(filter: {search: "a\\u0000b"}) { totalCount } }',
      {},
      app.adminToken,
    );
    expect(codes(search)).toEqual(['BAD_USER_INPUT']);
    expect(search.errors?.[0]?.extensions?.field).toBe('filter.search');
    const byNumber = await app.gql(
      'query($n: String!) { ticketByNumber(number: $n) { id } }',
      { n: '1\u0000' },
      app.adminToken,
    );
    expect(codes(byNumber)).toEqual(['BAD_USER_INPUT']);
  });

  it('keeps tabs, newlines and paired surrogates in multi-line text', async () => {
    const description = '第一行\n\t第二行\r\n😀';
    const created = await app.ok<{ createTicket: { id: string; description: string } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id description } }',
      { input: { ...valid, description } },
      app.adminToken,
    );
    expect(created.createTicket.description).toBe(description);
  });

  it('accepts exactly 200 characters of Chinese as a title', async () => {
    const result = await app.gql(CREATE, { input: { ...valid, title: '长'.repeat(200) } }, app.adminToken);
    expect(codes(result)).toEqual([]);
  });

  it('answers NOT_FOUND or null for unknown ids, and BAD_USER_INPUT for an unknown department', async () => {
    const ticket = await makeTicket(app);
    const unknown = randomUUID();
    expect((await app.ok(`{ ticket(id: "${unknown}") { id } }`, {}, app.adminToken)).ticket).toBeNull();
    expect((await app.ok(`{ ticket(id: "not-a-uuid") { id } }`, {}, app.adminToken)).ticket).toBeNull();
    expect((await app.ok(`{ node(id: "${unknown}") { id } }`, {}, app.adminToken)).node).toBeNull();
    expect(
      codes(await app.gql(`mutation { acceptTicket(id: "${unknown}") { id } }`, {}, app.adminToken)),
    ).toEqual(['NOT_FOUND']);
    const dispatch = await app.gql(
      `mutation { dispatchTicket(id: "${ticket.id}", departmentId: "${unknown}") { id } }`,
      {},
      app.adminToken,
    );
    expect(codes(dispatch)).toEqual(['BAD_USER_INPUT']);
    expect(dispatch.errors?.[0]?.message).toMatch(/department/i);
  });

  it('rejects an oversized reason on an action and keeps the ticket as it was', async () => {
    const department = await makeDepartment(app);
    const ticket = await makeTicket(app);
    const result = await app.gql(
      `mutation($reason: String!) { dispatchTicket(id: "${ticket.id}", departmentId: "${department.id}", note: $reason) { id } }`,
      { reason: 'x'.repeat(2001) },
      app.adminToken,
    );
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    const after = await app.ok<{ ticket: { status: string; version: number } }>(
      `{ ticket(id: "${ticket.id}") { status version } }`,
      {},
      app.adminToken,
    );
    expect(after.ticket).toEqual({ status: 'NEW', version: 1 });
  });

  it("reports malformed documents and unknown fields with Apollo's codes", async () => {
    expect(codes(await app.gql('{ tickets { ', {}, app.adminToken))).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(codes(await app.gql('{ tickets { noSuchField } }', {}, app.adminToken))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
  });

  it('refuses a bad date-time and a bad duration', async () => {
    const result = await app.gql(
      '{ tickets(filter: {createdAfter: "yesterday"}) { totalCount } }',
      {},
      app.adminToken,
    );
    expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    const variables = await app.gql(
      'query($d: DateTime) { tickets(filter: {createdAfter: $d}) { totalCount } }',
      { d: 'yesterday' },
      app.adminToken,
    );
    expect(codes(variables)).toEqual(['BAD_USER_INPUT']);
  });
});
