import postgres from 'postgres';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_TICKET, startReceiver, ticketInput, waitUntil } from '../integration/integration-helpers.js';
import { codes, useHotline } from '../support/hotline.js';

const FAST_RETRIES = { WEBHOOK_RELAY_MS: '50', WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_SWEEP_MS: '300' };

const app = useHotline({ role: 'all', env: FAST_RETRIES });
let sql: postgres.Sql;
beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
});

const CREATE_WEBHOOK = `mutation($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { id url events active } } }`;
const DELIVERIES = `{ webhooks { id deliveries(first: 50) { nodes { id eventType attempts lastStatus lastAttemptAt deliveredAt nextAttemptAt } } } }`;

async function createWebhook(url: string, events: string[]) {
  const data = await app.ok(CREATE_WEBHOOK, { input: { url, events } }, app.adminToken);
  return data.createWebhook as { secret: string; webhook: { id: string } };
}

describe('webhook registration', () => {
  it('validates the URL and the event types, and is ADMIN only', async () => {
    const bad = async (input: object) => codes(await app.gql(CREATE_WEBHOOK, { input }, app.adminToken));
    expect(await bad({ url: 'ftp://example.com/x', events: ['*'] })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ url: 'not a url', events: ['*'] })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ url: 'https://example.com/x', events: ['ticket.nope'] })).toEqual(['BAD_USER_INPUT']);
    expect(await bad({ url: 'https://example.com/x', events: [] })).toEqual(['BAD_USER_INPUT']);
    const agent = await app.gql(CREATE_WEBHOOK, { input: { url: 'https://example.com/x', events: ['*'] } });
    expect(codes(agent)).toEqual(['UNAUTHENTICATED']);
  });

  it('returns a whsec_ secret of 24+ bytes once and stores it encrypted', async () => {
    const { secret, webhook } = await createWebhook('https://example.com/hooks', [
      'ticket.created',
      'ticket.closed',
    ]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    const [row] = await sql`select secret_encrypted from webhooks where id = ${webhook.id}`;
    expect(row?.secret_encrypted).not.toContain(secret.slice(6));
    const listed = await app.ok('{ webhooks { id events } }', {}, app.adminToken);
    expect(listed.webhooks).toContainEqual({ id: webhook.id, events: ['ticket.created', 'ticket.closed'] });
    expect(
      await app.ok('mutation($id: ID!) { deleteWebhook(id: $id) }', { id: webhook.id }, app.adminToken),
    ).toEqual({
      deleteWebhook: webhook.id,
    });
  });
});

describe('webhook delivery', () => {
  it('arrives signed, is retried after 500s with the same webhook-id, and logs every attempt', async () => {
    const receiver = await startReceiver();
    try {
      const { secret, webhook } = await createWebhook(receiver.url, ['ticket.created']);
      receiver.respondWith(500);
      const created = await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
      await receiver.waitFor((all) => all.length >= 2);
      receiver.respondWith(200);
      const all = await receiver.waitFor((list) => list.length >= 3);
      const ids = new Set(all.map((hit) => hit.headers['webhook-id']));
      expect(ids.size).toBe(1);

      const verifier = new StandardWebhook(secret);
      const last = all[all.length - 1]!;
      const payload = verifier.verify(last.body, {
        'webhook-id': String(last.headers['webhook-id']),
        'webhook-timestamp': String(last.headers['webhook-timestamp']),
        'webhook-signature': String(last.headers['webhook-signature']),
      }) as any;
      expect(payload.type).toBe('ticket.created');
      expect(Date.parse(payload.timestamp)).not.toBeNaN();
      expect(payload.data.ticket).toMatchObject({
        id: created.createTicket.id,
        number: created.createTicket.number,
        status: 'NEW',
      });
      expect(Object.keys(payload.data.ticket).sort()).toEqual(
        ['departmentId', 'dueAt', 'escalationLevel', 'id', 'number', 'priority', 'status'].sort(),
      );
      expect(last.body).not.toContain('13812345678');
      expect(last.body).not.toContain('张先生');
      expect(() => verifier.verify(`${last.body} `, last.headers as Record<string, string>)).toThrow();

      const log = await waitUntil(async () => {
        const data = await app.ok(DELIVERIES, {}, app.adminToken);
        const hook = data.webhooks.find((candidate: { id: string }) => candidate.id === webhook.id);
        const delivery = hook?.deliveries.nodes[0];
        return delivery?.deliveredAt ? delivery : null;
      });
      expect(log).toMatchObject({
        id: [...ids][0],
        eventType: 'ticket.created',
        lastStatus: 200,
        nextAttemptAt: null,
      });
      expect(log.attempts).toBeGreaterThanOrEqual(3);
      const attempts =
        await sql`select status from webhook_attempts where delivery_id = ${log.id} order by at`;
      expect(attempts.map((row) => row.status).slice(0, 2)).toEqual([500, 500]);
      expect(attempts.at(-1)?.status).toBe(200);
      // Backoff: the second retry waited about twice as long as the first.
      const gaps = [all[1]!.at - all[0]!.at, all[2]!.at - all[1]!.at];
      expect(gaps[0]).toBeGreaterThanOrEqual(250);
      expect(gaps[1]).toBeGreaterThanOrEqual(gaps[0]! * 1.5);
    } finally {
      await receiver.close();
    }
  });

  it('sends only subscribed event types', async () => {
    const receiver = await startReceiver();
    try {
      await createWebhook(receiver.url, ['ticket.closed']);
      const created = await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
      await app.ok(
        'mutation($id: ID!) { closeTicket(id: $id, reason: ANSWERED_DIRECTLY, note: "答复") { id } }',
        { id: created.createTicket.id },
        app.adminToken,
      );
      const [hit] = await receiver.waitFor((all) => all.length >= 1);
      expect(JSON.parse(hit!.body).type).toBe('ticket.closed');
      await new Promise((wake) => setTimeout(wake, 500));
      expect(receiver.received.map((entry) => JSON.parse(entry.body).type)).toEqual(['ticket.closed']);
    } finally {
      await receiver.close();
    }
  });
});
