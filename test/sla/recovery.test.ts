import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Queue } from 'bullmq';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Hotline } from '../../boot.js';
import { makeDepartment } from '../support/factories.js';
import { siblingEnvironment, startSibling, useHotline } from '../support/hotline.js';
import {
  allApplied,
  deletePrefixKeys,
  expectEffectsOnce,
  FAST_WORKERS,
  makeDispatched,
  setSecondsPolicy,
  waitFor,
} from './sla-support.js';

/**
 * Each case gets fresh worker processes; the database, the policy and the key prefix are shared.
 * EMERGENCY: reminder at 1 s, level 1 at the 2 s deadline, level 2 a second later.
 */
const app = useHotline({ env: FAST_WORKERS });
let sql: postgres.Sql;
let departmentId: string;
const running: Hotline[] = [];
const children: ChildProcess[] = [];
const root = fileURLToPath(new URL('../..', import.meta.url));

beforeAll(async () => {
  sql = postgres(app.databaseUrl, { max: 2, onnotice: () => {} });
  departmentId = (await makeDepartment(app)).id;
  await setSecondsPolicy(app, 'EMERGENCY', {
    resolveWithin: 'PT2S',
    remindAt: [0.5],
    escalation: [
      { level: 1, after: 'PT0S' },
      { level: 2, after: 'PT1S' },
    ],
  });
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(running.splice(0).map((worker) => worker.stop()));
});
afterAll(async () => {
  await sql?.end();
});

async function startWorker(): Promise<Hotline> {
  const worker = await startSibling(app, { env: FAST_WORKERS });
  running.push(worker);
  return worker;
}

/** `tsx main.ts workers` as its own OS process, resolved once it reports its workers started. */
async function spawnWorkerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', 'workers'], {
    cwd: root,
    env: {
      ...process.env,
      ...siblingEnvironment(app, { ...FAST_WORKERS, LOG_LEVEL: 'info', SLA_EFFECT_CONCURRENCY: '4' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`worker process did not start:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('workers started')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`worker process exited with ${code}:\n${output}`)));
  });
  return child;
}

const manyTickets = (count: number) =>
  Promise.all(Array.from({ length: count }, () => makeDispatched(app, 'EMERGENCY', departmentId)));

async function appliedCount(ids: string[]): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from ticket_events where ticket_id = any(${ids}::uuid[]) and effect_key is not null`;
  return row?.count ?? 0;
}

describe('SLA recovery', () => {
  it('rebuilds effects from PostgreSQL after the Redis keys of the prefix are deleted', async () => {
    // Effects are claimed and queued but not run (queue paused), then Redis loses them all.
    const redisUrl = new URL(inject('redisUrl'));
    const connection = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) };
    const effects = new Queue('sla-effects', { connection, prefix: app.queuePrefix });
    await effects.pause();
    await startWorker();
    const ids = await manyTickets(20);
    await waitFor('the tick to queue every effect', async () => {
      const counts = await effects.getJobCounts('wait');
      return (counts.wait ?? 0) >= 60;
    });
    expect(await appliedCount(ids)).toBe(0);
    await effects.close();
    expect(await deletePrefixKeys(app.queuePrefix)).toBeGreaterThan(0);

    await waitFor('every effect after the flush', () => allApplied(sql, ids, 3));
    await new Promise((wake) => setTimeout(wake, 1500));
    await expectEffectsOnce(sql, ids, { reminders: [0.5], levels: [1, 2] });
  });

  it('loses nothing when one of two worker processes is stopped mid-batch', async () => {
    const [first] = await Promise.all([startWorker(), startWorker()]);
    const ids = await manyTickets(60);
    await waitFor('the first effects', async () => (await appliedCount(ids)) > 0, 10_000);
    await first!.stop();
    running.splice(running.indexOf(first!), 1);
    await waitFor('every effect', () => allApplied(sql, ids, 3));
    await new Promise((wake) => setTimeout(wake, 1000));
    await expectEffectsOnce(sql, ids, { reminders: [0.5], levels: [1, 2] });
  });

  it('loses nothing and repeats nothing when a worker process is killed (SIGKILL) mid-batch', async () => {
    const [victim] = await Promise.all([spawnWorkerProcess(), spawnWorkerProcess()]);
    const ids = await manyTickets(90);
    await waitFor('the first effects', async () => (await appliedCount(ids)) > 0, 10_000);
    victim!.kill('SIGKILL');
    const atKill = await appliedCount(ids);
    expect(atKill).toBeLessThan(ids.length * 3);
    // The survivor takes over the victim's stalled jobs once their locks (2 s) expire.
    await waitFor('every effect', () => allApplied(sql, ids, 3), 25_000);
    await new Promise((wake) => setTimeout(wake, 1000));
    await expectEffectsOnce(sql, ids, { reminders: [0.5], levels: [1, 2] });
  }, 60_000);
});
