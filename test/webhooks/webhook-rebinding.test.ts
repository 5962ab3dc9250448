import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import {
  createLogger,
  loadConfig,
  openRedis,
  type ResolveHost,
  resolveWebhookHost,
  systemClock,
} from '@hotline/api/services';
import { type Database, openDatabase } from '@hotline/schema/client';
import type { WorkerDeps } from '@hotline/workers';
import { startOutboxRelay, startWebhookDelivery } from '@hotline/workers';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CREATE_TICKET, startReceiver, ticketInput, waitUntil } from '../integration/integration-helpers.js';
import { siblingEnvironment, useHotline } from '../support/hotline.js';

const app = useHotline({ role: 'api' });
let database: Database;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  database = await openDatabase({ url: app.databaseUrl, max: 2 });
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.close();
  await database?.close();
});

/** The relay and the delivery worker of one process, resolving hosts with `resolve`. */
async function startDelivery(resolve: ResolveHost, env: Record<string, string>) {
  const deps: WorkerDeps = {
    db: database.db,
    connection: (await openRedis(inject('redisUrl'), '.data')).options,
    prefix: app.queuePrefix,
    clock: systemClock,
    log: createLogger('silent'),
    config: loadConfig(siblingEnvironment(app, { WEBHOOK_RELAY_MS: '50', ...env })),
  };
  const running = [await startOutboxRelay(deps), await startWebhookDelivery(deps, { resolve })];
  return { stop: () => Promise.all(running.map((worker) => worker.close())) };
}

/** A throwaway key and self-signed certificate for hooks.tls.invalid (openssl, as on any CI image). */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=hooks.tls.invalid',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A webhook on a name only our resolver knows (`.invalid` never resolves in real DNS). */
async function webhookOn(hostname: string): Promise<string> {
  const port = new URL(receiver.url).port;
  const data = await app.ok<{ createWebhook: { webhook: { id: string } } }>(
    'mutation($input: WebhookInput!) { createWebhook(input: $input) { webhook { id } } }',
    { input: { url: `http://${hostname}:${port}/hooks`, events: ['ticket.created'] } },
    app.adminToken,
  );
  return data.createWebhook.webhook.id;
}

async function dropWebhook(id: string) {
  await app.ok('mutation($id: ID!) { deleteWebhook(id: $id) }', { id }, app.adminToken);
}

describe('webhook delivery connects to the address it checked', () => {
  it('looks the host up once per attempt and connects there, keeping the URL host in the Host header', async () => {
    const lookups: string[] = [];
    const resolve: ResolveHost = async (hostname) => {
      lookups.push(hostname);
      return ['127.0.0.1'];
    };
    const workers = await startDelivery(resolve, {});
    const webhook = await webhookOn('hooks.pinned.invalid');
    try {
      const ticket = await app.ok<{ createTicket: { id: string } }>(
        CREATE_TICKET,
        { input: ticketInput() },
        app.adminToken,
      );
      const [hit] = await receiver.waitFor((all) =>
        all.some((one) => one.body.includes(ticket.createTicket.id)),
      );
      expect(hit?.headers.host).toBe(`hooks.pinned.invalid:${new URL(receiver.url).port}`);
      expect(lookups).toEqual(['hooks.pinned.invalid']);
    } finally {
      await workers.stop();
      await dropWebhook(webhook);
    }
  });

  it('over HTTPS names the URL host in SNI and checks the certificate against it', async () => {
    const { key, cert } = selfSignedCertificate();
    const serverNames: string[] = [];
    const tls = createHttpsServer({
      key,
      cert,
      SNICallback: (name, done) => {
        serverNames.push(name);
        done(null, createSecureContext({ key, cert }));
      },
    });
    await new Promise<void>((listening) => tls.listen(0, '127.0.0.1', listening));
    const { port } = tls.address() as AddressInfo;
    const workers = await startDelivery(async () => ['127.0.0.1'], {});
    const data = await app.ok<{ createWebhook: { webhook: { id: string } } }>(
      'mutation($input: WebhookInput!) { createWebhook(input: $input) { webhook { id } } }',
      { input: { url: `https://hooks.tls.invalid:${port}/hooks`, events: ['ticket.created'] } },
      app.adminToken,
    );
    const webhook = data.createWebhook.webhook.id;
    try {
      await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
      const delivery = await waitUntil(async () => {
        const listed = await app.ok<{
          webhooks: { id: string; deliveries: { nodes: { attempts: number; lastError: string | null }[] } }[];
        }>('{ webhooks { id deliveries { nodes { attempts lastError } } } }', {}, app.adminToken);
        return listed.webhooks
          .find((hook) => hook.id === webhook)
          ?.deliveries.nodes.find((node) => node.attempts > 0);
      });
      expect(serverNames[0]).toBe('hooks.tls.invalid');
      // Our self-signed certificate is not trusted: the check ran against the name, it was not skipped.
      expect(delivery?.lastError).toMatch(/self[- ]signed certificate/);
    } finally {
      await workers.stop();
      await dropWebhook(webhook);
      tls.close();
    }
  });

  it('refuses at delivery a name that now resolves to a private address (DNS rebinding), in production', async () => {
    // Checked at creation while it pointed to a public address; by delivery it points to loopback.
    const answers = [['93.184.216.34'], ['127.0.0.1']];
    const resolve: ResolveHost = async () => answers.shift() ?? ['127.0.0.1'];
    expect(await resolveWebhookHost('hooks.rebind.invalid', { refusePrivate: true }, resolve)).toBe(
      '93.184.216.34',
    );

    const before = receiver.received.length;
    const workers = await startDelivery(resolve, { NODE_ENV: 'production' });
    const webhook = await webhookOn('hooks.rebind.invalid');
    try {
      await app.ok(CREATE_TICKET, { input: ticketInput() }, app.adminToken);
      const delivery = await waitUntil(async () => {
        const data = await app.ok<{
          webhooks: { id: string; deliveries: { nodes: { attempts: number; lastError: string | null }[] } }[];
        }>('{ webhooks { id deliveries { nodes { attempts lastError deliveredAt } } } }', {}, app.adminToken);
        const mine = data.webhooks.find((hook) => hook.id === webhook);
        return mine?.deliveries.nodes.find((node) => node.attempts > 0);
      });
      expect(delivery).toMatchObject({
        attempts: 1,
        lastError: 'url resolves to a loopback, private or link-local address',
        deliveredAt: null,
      });
      expect(receiver.received.length).toBe(before);
    } finally {
      await workers.stop();
      await dropWebhook(webhook);
    }
  });
});
