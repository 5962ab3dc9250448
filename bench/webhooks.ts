/**
 * `pnpm bench:webhooks`: webhook latency from commit to receipt, and what the abuse limits cost in
 * throughput. Needs PostgreSQL and Redis (BENCH_DATABASE_URL, BENCH_REDIS_URL; defaults 127.0.0.1).
 * Runs on a database and key prefix of its own, dropped afterwards. Traffic stays on 127.0.0.1.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildHotlineSchema, createHttpServer } from '@hotline/api/server';
import { createLogger, loadConfig, systemClock, TokenSigner } from '@hotline/api/services';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { startHotline } from '../boot.js';

const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TICKETS = Number(process.env.BENCH_TICKETS ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = 16;
const JWT_SECRET = randomBytes(32).toString('base64url');

const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const dbName = `hotline_bench_${runId}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${dbName}`);
const dbUrl = new URL(baseUrl);
dbUrl.pathname = `/${dbName}`;
const prefix = `hlbench-${runId}`;
const log = createLogger('silent');
const config = loadConfig({
  NODE_ENV: 'test',
  PORT: '0',
  DATABASE_URL: dbUrl.toString(),
  REDIS_URL: redisUrl,
  QUEUE_PREFIX: prefix,
  JWT_SECRET,
  ADMIN_EMAIL: 'admin@bench.local',
  ADMIN_PASSWORD: 'bench-password-1',
  LOG_LEVEL: 'silent',
});
const hotline = await startHotline({ role: 'all', config, log });

try {
  const limited = `http://127.0.0.1:${hotline.port}/graphql`;
  const gql = async (url: string, query: string, variables: object, token: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const adminToken = (
    await fetch(limited, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { login(email: "admin@bench.local", password: "bench-password-1") { token } }',
      }),
    }).then((r) => r.json() as Promise<any>)
  ).data.login.token as string;
  const key = (
    await gql(
      limited,
      'mutation { createApiClient(input: { name: "bench", role: INTEGRATION, rateLimitPerSecond: 10000, rateLimitBurst: 10000 }) { key } }',
      {},
      adminToken,
    )
  ).createApiClient.key as string;

  // 1. Webhook latency: commit (the createTicket answer) to receipt.
  const committed = new Map<string, number>();
  const latencies: number[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = performance.now();
      const id = JSON.parse(Buffer.concat(chunks).toString()).data.ticket.id as string;
      const start = committed.get(id);
      if (start !== undefined) latencies.push(at - start);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`;
  const hook = await gql(
    limited,
    `mutation { createWebhook(input: { url: "${hookUrl}", events: ["ticket.created"] }) { webhook { id } } }`,
    {},
    adminToken,
  );
  const create = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';
  const input = { title: 'bench', description: 'bench ticket', demandType: 'REPORT', autoDispatch: false };
  for (let i = 0; i < TICKETS; i++) {
    const id = (await gql(limited, create, { input }, key)).createTicket.id as string;
    committed.set(id, performance.now());
    await new Promise((wake) => setTimeout(wake, 20));
  }
  const deadline = Date.now() + 30_000;
  while (latencies.length < TICKETS && Date.now() < deadline)
    await new Promise((wake) => setTimeout(wake, 50));
  receiver.close();
  // No deliveries during the throughput runs: they would compete for the same two cores.
  await gql(limited, `mutation { deleteWebhook(id: "${hook.createWebhook.webhook.id}") }`, {}, adminToken);
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(0);
  console.log(
    `webhook latency, commit to receipt (${latencies.length}/${TICKETS} tickets, relay every ${config.WEBHOOK_RELAY_MS} ms): p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
  );

  // 2. The cost of the limits: the same requests against a second server without them.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const unlimitedHttp = await createHttpServer({
    db: hotline.database.db,
    redis,
    clock: systemClock,
    signer: new TokenSigner(JWT_SECRET, '12h'),
    log,
    schema: await buildHotlineSchema(),
    production: false,
    config,
    limits: false,
  });
  await new Promise<void>((ok) => unlimitedHttp.server.listen(0, '127.0.0.1', ok));
  const unlimited = `http://127.0.0.1:${(unlimitedHttp.server.address() as AddressInfo).port}/graphql`;

  const list =
    '{ tickets(first: 20) { nodes { id number status priority department { name } sla { dueAt } } } }';
  const rate = async (url: string, query: string, variables: object) => {
    let done = 0;
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (Date.now() < until) {
          await gql(url, query, variables, key);
          done++;
        }
      }),
    );
    return done / SECONDS;
  };
  for (const [name, query, variables] of [
    ['createTicket', create, { input }],
    ['tickets list', list, {}],
  ] as const) {
    await rate(limited, query, variables); // warm-up
    const withLimits: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < 3; round++) {
      withLimits.push(await rate(limited, query, variables));
      without.push(await rate(unlimited, query, variables));
    }
    const a = withLimits.reduce((s, v) => s + v, 0) / withLimits.length;
    const b = without.reduce((s, v) => s + v, 0) / without.length;
    console.log(
      `${name}: ${a.toFixed(0)} req/s with limits, ${b.toFixed(0)} req/s without; ratio ${(a / b).toFixed(3)} (concurrency ${CONCURRENCY}, ${SECONDS} s x 3 interleaved rounds each; rounds with limits: ${withLimits.map((v) => v.toFixed(0)).join('/')}, without: ${without.map((v) => v.toFixed(0)).join('/')})`,
    );
  }
  await unlimitedHttp.stop();
  redis.disconnect();
} finally {
  await hotline.stop();
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}
