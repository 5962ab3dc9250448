import { beforeAll, describe, expect, it } from 'vitest';
import { makeTicket } from '../support/factories.js';
import { codes, useHotline } from '../support/hotline.js';

const app = useHotline();
let ticketId: string;

beforeAll(async () => {
  ticketId = (await makeTicket(app)).id;
  await app.ok(
    'mutation { createWebhook(input: {url: "http://127.0.0.1:9/hook", events: ["*"]}) { webhook { id } } }',
    {},
    app.adminToken,
  );
});

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const uuid = '00000000-0000-4000-8000-000000000000';

/** Forged cursors: well-formed JSON that does not fit the connection's key, and not JSON at all. */
const forged = [
  'garbage',
  cursor(['not a date', uuid]),
  cursor(['2026-13-45T00:00:00.000Z', uuid]),
  cursor(['2026-09-01T00:00:00.000Z', 'not-a-uuid']),
  cursor([{ a: 1 }, uuid]),
  cursor(['2026\u0000', uuid]),
  cursor(1.5),
  cursor(1e300),
  cursor(-1),
  cursor('7'),
  cursor(['99999999999999999999999', 1]),
  cursor(['12', 'x']),
  cursor(null),
];

describe('a forged after cursor', () => {
  const connections: [string, () => string][] = [
    ['tickets', () => 'tickets(after: $after) { totalCount }'],
    [
      'tickets by due date',
      () => 'tickets(after: $after, orderBy: {field: DUE_AT, direction: ASC}) { totalCount }',
    ],
    [
      'tickets by number',
      () => 'tickets(after: $after, orderBy: {field: NUMBER, direction: ASC}) { totalCount }',
    ],
    ['ticket events', () => `ticket(id: "${ticketId}") { events(after: $after) { nodes { id } } }`],
    ['the event feed', () => 'ticketEvents(after: $after) { nodes { id } }'],
    ['webhook deliveries', () => `webhooks { id deliveries(after: $after) { nodes { id } } }`],
    ['routing rule changes', () => 'routingRuleChanges(after: $after) { nodes { id } }'],
  ];

  it.each(connections)('answers BAD_USER_INPUT on %s', async (_name, selection) => {
    for (const after of forged) {
      const result = await app.gql(`query($after: String) { ${selection()} }`, { after }, app.adminToken);
      expect({ after, codes: codes(result) }).toEqual({ after, codes: ['BAD_USER_INPUT'] });
    }
  });

  it('leaves the cursors the server hands out working', async () => {
    const page = await app.ok<{ tickets: { pageInfo: { endCursor: string } } }>(
      '{ tickets(first: 1) { pageInfo { endCursor } } }',
      {},
      app.adminToken,
    );
    const next = await app.gql(
      'query($after: String) { tickets(after: $after) { totalCount } }',
      { after: page.tickets.pageInfo.endCursor },
      app.adminToken,
    );
    expect(next.errors).toBeUndefined();
  });
});
