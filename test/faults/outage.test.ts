import type { ChildProcess } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLogger, loadConfig } from '@hotline/api/services';
import { Queue } from 'bullmq';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { type Hotline, startHotline } from '../../boot.js';
import { startReceiver } from '../integration/integration-helpers.js';
import {
  makeTempDir,
  type PrivatePostgres,
  type PrivateRedis,
  pollUntil,
  sleep,
  spawnWorkers,
  startPrivatePostgres,
  startPrivateRedis,
  stopChild,
} from './fault-support.js';

/**
 * PostgreSQL is stopped for 5 minutes while reminders, escalations and webhooks fall due; meanwhile
 * Redis restarts, and a worker process is SIGKILLed in the middle of a batch just before. Afterwards
 * every due effect has happened exactly once and every webhook has been delivered.
 *
 * The outage outlasts the retries of an effect job as they were: 8 attempts, 1 s doubling, so
 * 1+2+...+64 = 127 s of backoff, plus each attempt's own wait for a connection while the database is
 * down (postgres.js reconnects after a backoff capped at 20 s: up to 8 x 20 s), at most 287 s. The
 * effects of the killed worker's batch stall, are taken over as the outage begins, and used to fail
 * for good under their effect's job id, which then made every later hand-out of the effect a no-op:
 * lost for 24 hours. All settings are the defaults but the tick (1 s instead of 2 s) and the effect
 * job lock (2 s instead of 15 s).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const TICKETS = 300;
/** Two reminders and two escalation levels per ticket, all due within the outage. */
const EFFECTS_PER_TICKET = 4;
const OUTAGE_MS = 300_000;
/**
 * How long the test waits, after PostgreSQL is back, for everything to happen (a bound, not a
 * target: effects that used to be lost stay lost for 24 hours).
 */
const CATCH_UP_MS = 120_000;
const PHONE = '13912345678';

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

async function gqlOf(url: string, token?: string) {
  return async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const result = (await response.json()) as { data?: T; errors?: unknown[] };
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index] as T);
      }
    }),
  );
  return results;
}

interface Counts {
  effects: number;
  distinctEffects: number;
  outbox: number;
  unrelayed: number;
  deliveries: number;
  undelivered: number;
}

async function countsOf(sql: postgres.Sql): Promise<Counts> {
  const [row] = await sql<Counts[]>`
    select
      (select count(*)::int from ticket_events where type in ('REMINDER_SENT', 'ESCALATED')) as effects,
      (select count(distinct (ticket_id, effect_key))::int from ticket_events
        where type in ('REMINDER_SENT', 'ESCALATED')) as "distinctEffects",
      (select count(*)::int from outbox) as outbox,
      (select count(*)::int from outbox where relayed_at is null) as unrelayed,
      (select count(*)::int from webhook_deliveries) as deliveries,
      (select count(*)::int from webhook_deliveries where delivered_at is null) as undelivered`;
  return row as Counts;
}

describe('faults: PostgreSQL outage, Redis restart, killed worker', () => {
  it('every due effect and webhook happens once after a 5-minute database outage', async () => {
    const dir = await makeTempDir();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    // The workers' log outlives the run, for a look after a failure.
    const logFile = join(dir, 'workers.log');
    const keptLog = join(tmpdir(), 'hotline-faults-workers.log');
    cleanups.push(() => copyFile(logFile, keptLog));
    const pg: PrivatePostgres = await startPrivatePostgres(dir);
    cleanups.push(() => pg.destroy());
    const redis: PrivateRedis = await startPrivateRedis(dir);
    cleanups.push(() => redis.destroy());
    const admin = postgres(pg.url('postgres'), { max: 1, onnotice: () => {} });
    await admin`create database hotline`;
    await admin.end();

    const env: Record<string, string> = {
      NODE_ENV: 'test',
      PORT: '0',
      METRICS_PORT: '0',
      DATABASE_URL: pg.url('hotline'),
      DATABASE_POOL_SIZE: '5',
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'faults',
      JWT_SECRET: 'test-secret-test-secret-test-secret-123',
      ADMIN_EMAIL: 'admin@faults.local',
      ADMIN_PASSWORD: 'admin-password-1',
      LOG_LEVEL: 'info',
      SLA_TICK_MS: '1000',
    };
    const api: Hotline = await startHotline({
      role: 'api',
      config: loadConfig({ ...env, LOG_LEVEL: 'silent' }),
      log: createLogger('silent'),
    });
    cleanups.push(() => api.stop());
    const url = `http://127.0.0.1:${api.port}`;
    const anonymous = await gqlOf(url);
    const { login } = await anonymous(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      { e: env.ADMIN_EMAIL, p: env.ADMIN_PASSWORD },
    );
    const gql = await gqlOf(url, login.token);

    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    await gql('mutation($input: WebhookInput!) { createWebhook(input: $input) { secret } }', {
      input: { url: receiver.url, events: ['*'] },
    });
    const { createDepartment: department } = await gql(
      'mutation($input: DepartmentInput!) { createDepartment(input: $input) { id } }',
      { input: { code: 'FAULTS', name: '故障演练局', kind: 'BUREAU' } },
    );
    // Reminders 20 s and 32 s after dispatch, level 1 at 40 s, level 2 at 100 s.
    await gql('mutation($input: SlaPolicyInput!) { upsertSlaPolicy(input: $input) { id } }', {
      input: {
        name: 'faults',
        priority: 'EMERGENCY',
        clock: 'CALENDAR',
        acceptWithin: 'PT1H',
        resolveWithin: 'PT40S',
        remindAt: [0.5, 0.8],
        escalation: [
          { level: 1, after: 'PT0S' },
          { level: 2, after: 'PT1M' },
        ],
      },
    });

    // Locks of 2 s: the survivor takes over the killed worker's jobs within seconds, as the outage
    // begins, so that they retry for the whole of it.
    const workerEnv = { ...env, SLA_EFFECT_LOCK_MS: '2000' };
    const children: ChildProcess[] = [];
    cleanups.push(() => Promise.all(children.map((child) => stopChild(child, 'SIGKILL'))));
    const victim = await spawnWorkers(ROOT, workerEnv, logFile);
    children.push(victim);

    const created = await inParallel(
      Array.from({ length: TICKETS }, (_, i) => i),
      16,
      (i) =>
        gql('mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }', {
          input: {
            title: `演练工单 ${i}`,
            description: '故障演练：数据库停机期间到期的提醒与升级',
            demandType: 'REPORT',
            priority: 'EMERGENCY',
            callerPhone: PHONE,
            autoDispatch: false,
          },
        }),
    );
    const ids: string[] = created.map((data) => data.createTicket.id);
    await inParallel(ids, 16, (id) =>
      gql('mutation($id: ID!, $d: ID!) { dispatchTicket(id: $id, departmentId: $d) { id } }', {
        id,
        d: department.id,
      }),
    );

    // The first reminders fall due: kill the only worker while it holds a batch of effect jobs.
    const effects = new Queue('sla-effects', {
      connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) },
      prefix: 'faults',
    });
    const busy = await pollUntil(
      async () => ((await effects.getJobCounts('active')).active ?? 0) >= 10,
      60_000,
      5,
    );
    victim.kill('SIGKILL');
    await new Promise((exited) => victim.once('exit', exited));
    const stalledAtKill = (await effects.getJobCounts('active')).active ?? 0;
    await effects.close();
    expect({ busy, stalledAtKill: stalledAtKill > 0 }).toEqual({ busy: true, stalledAtKill: true });

    // A second worker process takes over; PostgreSQL goes down as soon as it runs.
    const survivor = await spawnWorkers(ROOT, workerEnv, logFile);
    children.push(survivor);
    const sql = postgres(pg.url('hotline'), { max: 2, onnotice: () => {} });
    cleanups.push(() => sql.end({ timeout: 1 }));
    const beforeOutage = await countsOf(sql);
    const outageStarted = Date.now();
    await pg.stop();

    // Redis restarts a minute into the outage (its append-only file keeps the queued jobs).
    await sleep(60_000);
    await redis.restart();
    await sleep(OUTAGE_MS - (Date.now() - outageStarted));
    await pg.start();
    const databaseBack = Date.now();
    const outageMs = databaseBack - outageStarted;

    const expectedEffects = TICKETS * EFFECTS_PER_TICKET;
    let effectsDoneAt: number | null = null;
    let deliveredAt: number | null = null;
    await pollUntil(
      async () => {
        const last = await countsOf(sql);
        if (last.effects >= expectedEffects) effectsDoneAt ??= Date.now();
        const ids = new Set(receiver.received.map((hit) => hit.headers['webhook-id']));
        const allDelivered =
          effectsDoneAt !== null &&
          last.unrelayed === 0 &&
          last.undelivered === 0 &&
          last.deliveries === last.outbox &&
          ids.size === last.deliveries;
        if (allDelivered) deliveredAt ??= Date.now();
        return allDelivered;
      },
      CATCH_UP_MS,
      500,
    );
    // Anything late or doubled would show up now.
    await sleep(3_000);
    const final = await countsOf(sql);
    const survivorAlive = survivor.exitCode === null && survivor.signalCode === null;
    const webhookIds = new Set(receiver.received.map((hit) => hit.headers['webhook-id']));
    const figures = {
      outageSeconds: outageMs / 1000,
      effectsBeforeOutage: beforeOutage.effects,
      stalledAtKill,
      effectsSecondsAfterDatabaseBack: effectsDoneAt && (effectsDoneAt - databaseBack) / 1000,
      webhooksSecondsAfterDatabaseBack: deliveredAt && (deliveredAt - databaseBack) / 1000,
      effects: final.effects,
      webhooksUnique: webhookIds.size,
      webhookPosts: receiver.received.length,
      survivorAlive,
      workersLog: keptLog,
    };
    console.info('fault suite figures', figures);

    // The worker process that went through the outage is still running (no crash on lost connections).
    expect(survivorAlive).toBe(true);
    expect(final).toEqual({
      effects: expectedEffects,
      distinctEffects: expectedEffects,
      outbox: final.outbox,
      unrelayed: 0,
      deliveries: final.outbox,
      undelivered: 0,
    });
    const [perTicket] = await sql<{ tickets: number }[]>`
      select count(*)::int as tickets from (
        select ticket_id from ticket_events where type in ('REMINDER_SENT', 'ESCALATED')
        group by ticket_id
        having array_agg(effect_key order by effect_key) = array['escalate-1-1', 'escalate-1-2', 'remind-1-0.5', 'remind-1-0.8']
      ) complete`;
    expect(perTicket?.tickets).toBe(TICKETS);
    // Every delivery arrived (at least once: a POST whose result could not be recorded is repeated).
    expect(webhookIds.size).toBe(final.deliveries);
    expect(receiver.received.some((hit) => hit.body.includes(PHONE))).toBe(false);
  });
});
