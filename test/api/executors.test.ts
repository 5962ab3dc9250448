import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hotline } from '../../boot.js';
import { makeDepartment, makeTicket, makeUser } from '../support/factories.js';
import { startSibling, useHotline } from '../support/hotline.js';

// The compiled executor (graphql-jit, the default) and the reference one (GRAPHQL_EXECUTOR=graphql-js)
// answer every operation alike: data, errors, codes, paths and HTTP status, byte for byte.
const app = useHotline();
let reference: Hotline;
let referenceUrl: string;

const LIST = `query List($filter: TicketFilter, $first: Int) {
  tickets(first: $first, filter: $filter, orderBy: { field: CREATED_AT, direction: ASC }) {
    totalCount totalCountIsExact
    edges { cursor node { ...Row } }
    nodes { ...Row ... on Ticket { caller { name phone } location { lat lng } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
fragment Row on Ticket {
  __typename id number status priority demandType channel title version createdAt updatedAt
  category { id code name } area { id code name } department { id name } assignee { id name }
  sla { acceptDueAt dueAt paused breached escalationLevel policy { id name } }
  description @include(if: true) address reply @skip(if: true)
}`;

const DETAIL = `query Detail($id: ID!) {
  ticket(id: $id) {
    id number description address externalRef reply closeReason mediaUrl returnCount needsManager
    caller { name phone } feedback { satisfaction comment recordedAt channel } allowedActions
    events(first: 10) { nodes { id type at note level fromStatus toStatus actor { id name } department { id } } }
  }
}`;

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Ticket { number title caller { phone } } } }`;

async function post(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.text() };
}

/** The same request to both processes; their answers must match exactly. */
async function both(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const [jit, js] = await Promise.all([
    post(app.url, query, variables, token),
    post(referenceUrl, query, variables, token),
  ]);
  expect(jit).toEqual(js);
  return { status: jit.status, ...(JSON.parse(jit.body) as { data?: any; errors?: any[] }) };
}

beforeAll(async () => {
  reference = await startSibling(app, { role: 'api', env: { GRAPHQL_EXECUTOR: 'graphql-js' } });
  referenceUrl = `http://127.0.0.1:${reference.port}`;
}, 60_000);
afterAll(async () => {
  await reference?.stop();
});

describe('GRAPHQL_EXECUTOR: jit and graphql-js answer alike', () => {
  it('lists, details and nodes for an admin and a handler whose phones are masked', async () => {
    const department = await makeDepartment(app);
    const other = await makeDepartment(app);
    const handler = await makeUser(app, 'HANDLER', department.id);
    const outsider = await makeUser(app, 'HANDLER', other.id);
    const tickets = [];
    for (let n = 0; n < 3; n++) {
      const ticket = await makeTicket(app, {
        title: `执行器 ${n}`,
        address: `幸福路 ${n} 号`,
        location: { lat: 31.2 + n / 100, lng: 121.4 },
      });
      await app.ok(
        'mutation($id: ID!, $department: ID!) { dispatchTicket(id: $id, departmentId: $department) { id } }',
        { id: ticket.id, department: department.id },
        app.adminToken,
      );
      tickets.push(ticket);
    }
    const filter = { departmentId: department.id };
    const list = await both(LIST, { filter, first: 2 }, app.adminToken);
    expect(list.data.tickets.nodes).toHaveLength(2);
    expect(list.data.tickets.nodes[0].caller.phone).toBe('13812345678');
    expect(list.data.tickets.totalCount).toBe(3);
    await both(LIST, { filter, first: 2 }, handler.token);

    const detail = await both(DETAIL, { id: tickets[0]!.id }, handler.token);
    expect(detail.data.ticket.events.nodes.length).toBeGreaterThan(0);
    const masked = await both(NODE, { id: tickets[1]!.id }, app.adminToken);
    expect(masked.data.node).toMatchObject({ __typename: 'Ticket', number: tickets[1]!.number });
    const hidden = await both(DETAIL, { id: tickets[0]!.id }, outsider.token);
    expect(hidden.data.ticket).toBeNull();
  });

  it('refuses alike: a domain error, a bad variable, an unknown operation, no credentials', async () => {
    // A mutation both refuse changes nothing, so sending it twice is safe.
    const ticket = await makeTicket(app);
    const handler = await makeUser(app, 'HANDLER', (await makeDepartment(app)).id);
    const refused = await both(
      'mutation($id: ID!) { acceptTicket(id: $id) { id } }',
      { id: ticket.id },
      handler.token,
    );
    expect(refused.errors?.map((error) => error.extensions.code)).toEqual(['NOT_FOUND']);
    const badVariable = await both(LIST, { first: 'many' }, app.adminToken);
    expect(badVariable.errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(badVariable.status).toBe(400);
    const unknown = await both('query A { viewer { id } } query B { viewer { id } }', {}, app.adminToken);
    expect(unknown.errors?.length).toBeGreaterThan(0);
    const anonymous = await both(LIST, {});
    expect(anonymous.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });
});
