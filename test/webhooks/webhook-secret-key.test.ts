import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, encryptSecret, legacySecretKey, loadConfig } from '@hotline/api/services';
import postgres from 'postgres';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Hotline, startHotline } from '../../boot.js';
import {
  CREATE_TICKET,
  type ReceivedWebhook,
  startReceiver,
  ticketInput,
  waitUntil,
} from '../integration/integration-helpers.js';
import { cloneDatabase } from '../support/database.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type GraphQLResult, siblingEnvironment } from '../support/hotline.js';

const OLD_JWT = 'old-jwt-secret-old-jwt-secret-old-jwt-1';
const NEW_JWT = 'new-jwt-secret-new-jwt-secret-new-jwt-2';
const ENCRYPTION_KEY = 'an-encryption-key-an-encryption-key-1';

let databaseUrl: string;
let dataDir: string;
let sql: postgres.Sql;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  databaseUrl = await cloneDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'hotline-keys-'));
  sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await sql?.end();
  await rm(dataDir, { recursive: true, force: true });
});

/** A whole process (API and workers) on the shared database, with this key setup. */
async function start(keys: { JWT_SECRET: string; ENCRYPTION_KEY?: string }) {
  const env = siblingEnvironment(
    { databaseUrl, queuePrefix: `${inject('runPrefix')}-keys` },
    { DATA_DIR: dataDir, WEBHOOK_RELAY_MS: '50', WEBHOOK_RETRY_BASE_MS: '60000', ...keys },
  );
  if (!keys.ENCRYPTION_KEY) delete env.ENCRYPTION_KEY;
  const hotline: Hotline = await startHotline({
    role: 'all',
    config: loadConfig(env),
    log: createLogger('silent'),
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(`http://127.0.0.1:${hotline.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as GraphQLResult;
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as Record<string, any>;
  };
  const login = await gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
    e: ADMIN_EMAIL,
    p: ADMIN_PASSWORD,
  });
  const token = login.login.token as string;
  return {
    hotline,
    token,
    gql: (query: string, variables?: Record<string, unknown>) => gql(query, variables, token),
  };
}

type Process = Awaited<ReturnType<typeof start>>;

async function createWebhook(running: Process): Promise<{ id: string; secret: string }> {
  const data = await running.gql(
    'mutation($input: WebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }',
    { input: { url: receiver.url, events: ['ticket.created'] } },
  );
  return { id: data.createWebhook.webhook.id, secret: data.createWebhook.secret };
}

/** Registers a ticket and returns the delivery of its ticket.created event to the receiver. */
async function deliveryOfNewTicket(running: Process): Promise<ReceivedWebhook> {
  const ticket = await running.gql(CREATE_TICKET, { input: ticketInput() });
  const all = await receiver.waitFor((hits) => hits.some((hit) => hit.body.includes(ticket.createTicket.id)));
  return all.find((hit) => hit.body.includes(ticket.createTicket.id))!;
}

function verifies(secret: string, hit: ReceivedWebhook): boolean {
  new StandardWebhook(secret).verify(hit.body, {
    'webhook-id': String(hit.headers['webhook-id']),
    'webhook-timestamp': String(hit.headers['webhook-timestamp']),
    'webhook-signature': String(hit.headers['webhook-signature']),
  });
  return true;
}

async function dropWebhook(running: Process, id: string) {
  await running.gql('mutation($id: ID!) { deleteWebhook(id: $id) }', { id });
}

describe('the key that encrypts webhook secrets', () => {
  it('does not depend on JWT_SECRET: rotating it keeps webhooks signing', async () => {
    const first = await start({ JWT_SECRET: OLD_JWT });
    const webhook = await createWebhook(first);
    try {
      expect(verifies(webhook.secret, await deliveryOfNewTicket(first))).toBe(true);
    } finally {
      await first.hotline.stop();
    }
    const rotated = await start({ JWT_SECRET: NEW_JWT });
    try {
      expect(verifies(webhook.secret, await deliveryOfNewTicket(rotated))).toBe(true);
      await dropWebhook(rotated, webhook.id);
    } finally {
      await rotated.hotline.stop();
    }
  });

  it('takes over secrets stored under the key earlier versions derived from JWT_SECRET', async () => {
    const running = await start({ JWT_SECRET: OLD_JWT, ENCRYPTION_KEY });
    const webhook = await createWebhook(running);
    await running.hotline.stop();
    // As an earlier version without ENCRYPTION_KEY stored it.
    const legacy = encryptSecret(
      legacySecretKey({ JWT_SECRET: OLD_JWT, DATA_DIR: dataDir })!,
      webhook.secret,
    );
    await sql`update webhooks set secret_encrypted = ${legacy} where id = ${webhook.id}`;

    const upgraded = await start({ JWT_SECRET: OLD_JWT, ENCRYPTION_KEY });
    try {
      const [row] = await sql`select secret_encrypted from webhooks where id = ${webhook.id}`;
      expect(row?.secret_encrypted).not.toBe(legacy);
      expect(verifies(webhook.secret, await deliveryOfNewTicket(upgraded))).toBe(true);
    } finally {
      await upgraded.hotline.stop();
    }
    // Re-encrypted once: a later JWT_SECRET rotation no longer matters.
    const rotated = await start({ JWT_SECRET: NEW_JWT, ENCRYPTION_KEY });
    try {
      expect(verifies(webhook.secret, await deliveryOfNewTicket(rotated))).toBe(true);
      await dropWebhook(rotated, webhook.id);
    } finally {
      await rotated.hotline.stop();
    }
  });

  it('shows an ADMIN a failed attempt when no key opens the secret, and sends nothing', async () => {
    const running = await start({ JWT_SECRET: NEW_JWT, ENCRYPTION_KEY });
    try {
      const webhook = await createWebhook(running);
      const foreign = encryptSecret(randomBytes(32), webhook.secret);
      await sql`update webhooks set secret_encrypted = ${foreign} where id = ${webhook.id}`;
      const before = receiver.received.length;
      await running.gql(CREATE_TICKET, { input: ticketInput() });
      const delivery = await waitUntil(async () => {
        const data = await running.gql(
          '{ webhooks { id deliveries { nodes { attempts lastStatus lastError deliveredAt nextAttemptAt } } } }',
        );
        const mine = data.webhooks.find((hook: { id: string }) => hook.id === webhook.id);
        return mine?.deliveries.nodes.find((node: { attempts: number }) => node.attempts > 0);
      });
      expect(delivery).toMatchObject({ attempts: 1, lastStatus: null, deliveredAt: null });
      expect(delivery.lastError).toMatch(/cannot be decrypted with the configured ENCRYPTION_KEY/);
      expect(delivery.nextAttemptAt).not.toBeNull();
      expect(receiver.received.length).toBe(before);
      await dropWebhook(running, webhook.id);
    } finally {
      await running.hotline.stop();
    }
  });
});
