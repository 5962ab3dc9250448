import { createLogger, loadConfig } from '@hotline/api/services';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { type Hotline, startHotline } from '../../boot.js';
import { CREATE_TICKET, startReceiver, ticketInput, waitUntil } from '../integration/integration-helpers.js';
import { startTestHotline, type TestHotline } from '../support/hotline.js';
import { freePort, spawnRedis, stopChild } from '../support/processes.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const CREATE_WEBHOOK = `mutation($input: WebhookInput!) { createWebhook(input: $input) { secret } }`;

/** A workers-only process on the test server's database and key prefix. */
function startWorkersFor(app: TestHotline, env: Record<string, string>): Promise<Hotline> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: app.databaseUrl,
    DATABASE_POOL_SIZE: '3',
    REDIS_URL: inject('redisUrl'),
    QUEUE_PREFIX: app.queuePrefix,
    JWT_SECRET: 'test-secret-test-secret-test-secret-123',
    ENCRYPTION_KEY: 'test-encryption-key-test-encryption-key',
    LOG_LEVEL: 'silent',
    ...env,
  });
  return startHotline({ role: 'workers', config, log: createLogger('silent') });
}

async function deliveryState(sql: postgres.Sql) {
  const rows = await sql`select id, attempts, delivered_at from webhook_deliveries`;
  return rows as unknown as { id: string; attempts: number; delivered_at: Date | null }[];
}

describe('webhooks survive outages', () => {
  it('a change made while no worker runs goes out once one starts, even after Redis lost its jobs', async () => {
    const env = { WEBHOOK_RELAY_MS: '50', WEBHOOK_RETRY_BASE_MS: '3000', WEBHOOK_SWEEP_MS: '300' };
    const app = await startTestHotline({ role: 'api', env });
    cleanups.push(() => app.stop());
    const sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
    cleanups.push(() => sql.end());
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    await app.ok(
      CREATE_WEBHOOK,
      { input: { url: receiver.url, events: ['ticket.created'] } },
      app.adminToken,
    );

    receiver.respondWith(500);
    await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
    await new Promise((wake) => setTimeout(wake, 300));
    expect(receiver.received).toHaveLength(0);
    expect(await sql`select count(*)::int as n from outbox where relayed_at is null`).toEqual([{ n: 1 }]);

    const workers = await startWorkersFor(app, env);
    cleanups.push(() => workers.stop());
    await receiver.waitFor((all) => all.length >= 1);
    await waitUntil(async () => (await deliveryState(sql))[0]?.attempts === 1);

    // Redis loses everything of this deployment: the delayed retry job is gone.
    const redis = new Redis(inject('redisUrl'));
    cleanups.push(async () => redis.disconnect());
    const keys = await redis.keys(`${app.queuePrefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    expect(await redis.keys(`${app.queuePrefix}:webhook-delivery:*`)).toEqual([]);
    receiver.respondWith(200);

    const [delivered] = await waitUntil(async () => {
      const state = await deliveryState(sql);
      return state[0]?.delivered_at ? state : null;
    }, 20_000);
    expect(delivered?.attempts).toBe(2);
    expect(new Set(receiver.received.map((hit) => hit.headers['webhook-id']))).toEqual(
      new Set([delivered?.id]),
    );
  });

  it('a change made while Redis is down is delivered after Redis restarts; /readyz says 503 meanwhile', async () => {
    const port = await freePort();
    let redisServer = await spawnRedis(port);
    cleanups.push(() => stopChild(redisServer));
    const env = { REDIS_URL: `redis://127.0.0.1:${port}`, WEBHOOK_RELAY_MS: '50', WEBHOOK_SWEEP_MS: '300' };
    const app = await startTestHotline({ role: 'all', env });
    cleanups.push(() => app.stop());
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    await app.ok(
      CREATE_WEBHOOK,
      { input: { url: receiver.url, events: ['ticket.created'] } },
      app.adminToken,
    );
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);

    await stopChild(redisServer);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ postgres: 'ok', redis: 'down' });
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const created = await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
    await new Promise((wake) => setTimeout(wake, 500));
    expect(receiver.received).toHaveLength(0);

    redisServer = await spawnRedis(port);
    const [hit] = await receiver.waitFor((all) => all.length >= 1, 25_000);
    expect(JSON.parse(hit!.body).data.ticket.id).toBe(created.createTicket.id);
    await waitUntil(async () => (await fetch(`${app.url}/readyz`)).status === 200);
  }, 60_000);
});
