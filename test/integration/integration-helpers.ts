import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestHotline } from '../support/hotline.js';

/** An API client's key, made through the public API. */
export async function makeApiClient(
  app: TestHotline,
  input: { role: string; departmentId?: string | null; rateLimitPerSecond?: number; rateLimitBurst?: number },
): Promise<{ id: string; key: string }> {
  const data = await app.ok<{ createApiClient: { client: { id: string }; key: string } }>(
    'mutation($input: ApiClientInput!) { createApiClient(input: $input) { client { id } key } }',
    { input: { name: `client ${Math.random().toString(36).slice(2)}`, ...input } },
    app.adminToken,
  );
  return { id: data.createApiClient.client.id, key: data.createApiClient.key };
}

export const CREATE_TICKET = `mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number status caller { phone } } }`;

export function ticketInput(overrides: Record<string, unknown> = {}) {
  return {
    title: '路灯不亮',
    description: '小区门口路灯连续三晚不亮',
    demandType: 'REPORT',
    callerName: '张先生',
    callerPhone: '13812345678',
    ...overrides,
  };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP receiver on 127.0.0.1 whose answer status the test controls. */
export async function startReceiver(): Promise<{
  url: string;
  received: ReceivedWebhook[];
  respondWith: (status: number) => void;
  waitFor: (predicate: (all: ReceivedWebhook[]) => boolean, timeoutMs?: number) => Promise<ReceivedWebhook[]>;
  close: () => Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    respondWith: (next) => {
      status = next;
    },
    waitFor: (predicate, timeoutMs = 20_000) =>
      waitUntil(() => (predicate(received) ? received : null), timeoutMs),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Polls until `probe` returns a value (not null/false), or fails after the timeout. */
export async function waitUntil<T>(
  probe: () => T | null | false | Promise<T | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((wake) => setTimeout(wake, 50));
  }
}
