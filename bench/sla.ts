/**
 * SLA engine benchmark (`pnpm bench:sla [--due 100000] [--far 10000,1000000] [--processes 0|2] [--concurrency 24]`).
 * On a fresh database and key prefix: far-future tickets first (Redis memory must not grow with them),
 * then `--due` open DISPATCHED tickets whose deadlines fall in one minute; the real workers escalate them.
 * Measures time to the last effect, effects/s, deadline-to-effect lag p50/p99, exactly-once and Redis memory.
 * Writes bench/out/results-sla.json. Rows are bulk-inserted with SQL, not through the API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger, loadConfig } from '@hotline/api/services';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { type Hotline, startHotline } from '../boot.js';

const { values: args } = parseArgs({
  options: {
    due: { type: 'string', default: '100000' },
    far: { type: 'string', default: '10000,1000000' },
    processes: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '24' },
    'lead-seconds': { type: 'string', default: '20' },
  },
});
const DUE = Number(args.due);
const FAR_STEPS = String(args.far).split(',').map(Number);
const PROCESSES = Number(args.processes);
const CONCURRENCY = Number(args.concurrency);
const BASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const root = fileURLToPath(new URL('..', import.meta.url));

const started = performance.now();
const say = (text: string) =>
  process.stdout.write(`[${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${text}\n`);
const sleep = (ms: number) => new Promise((wake) => setTimeout(wake, ms));

const suffix = randomBytes(4).toString('hex');
const dbName = `hotline_bench_${suffix}`;
const prefix = `hlbench-sla-${suffix}`;
const dbUrl = Object.assign(new URL(BASE_URL), { pathname: `/${dbName}` }).toString();
const admin = postgres(BASE_URL, { max: 1, onnotice: () => {} });
const redis = new Redis(REDIS_URL);

const workerEnv: Record<string, string> = {
  NODE_ENV: 'production',
  // Several worker processes on one machine: each its own /metrics port.
  METRICS_PORT: '0',
  DATABASE_URL: dbUrl,
  REDIS_URL,
  QUEUE_PREFIX: prefix,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-1',
  ENCRYPTION_KEY: 'bench-encryption-bench-encryption-key-1',
  ADMIN_PASSWORD: 'bench-password-1',
  LOG_LEVEL: 'warn',
  SLA_TICK_MS: '1000',
  SLA_EFFECT_CONCURRENCY: String(CONCURRENCY),
  DATABASE_POOL_SIZE: '20',
};

/** Bytes held by the keys of our prefix (exact, unlike INFO, which other users of the server move). */
async function prefixMemory(): Promise<{ keys: number; bytes: number; usedMemory: number }> {
  let cursor = '0';
  let keys = 0;
  let bytes = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys += found.length;
    const pipeline = redis.pipeline();
    for (const key of found) pipeline.memory('USAGE', key, 'SAMPLES', '0');
    for (const [, size] of (await pipeline.exec()) ?? []) bytes += Number(size ?? 0);
  } while (cursor !== '0');
  return { keys, bytes, usedMemory: await usedMemory() };
}

async function usedMemory(): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

/** Inserts `count` open DISPATCHED ORDINARY tickets; `dueSql` gives each due_at from g (1..count). */
async function insertTickets(sql: postgres.Sql, tag: string, count: number, dueSql: string, nextSql: string) {
  const chunk = 100_000;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await sql.unsafe(`
      insert into tickets (number, status, priority, demand_type, channel, title, description, department_id,
        version, created_at, updated_at, created_by_id, sla_policy_id, sla_cycle, clock_started_at,
        accept_due_at, due_at, accepted_at, next_timer_at, first_dispatched_at)
      select '${tag}' || lpad(g::text, 9, '0'), 'DISPATCHED', 'ORDINARY', 'COMPLAINT', 'PHONE', 'bench', 'b',
        (select id from departments where code = 'BENCH'), 2, now() - interval '3 days', now(),
        gen_random_uuid(), (select id from sla_policies where priority = 'ORDINARY'), 1,
        d.due - interval '3 days', d.due - interval '2 days', d.due, null, ${nextSql}, now() - interval '3 days'
      from generate_series(${from}, ${to}) g, lateral (select ${dueSql} as due) d`);
  }
}

async function startWorkerProcesses(): Promise<{ stop(): Promise<void> }> {
  if (PROCESSES === 0) {
    const hotline: Hotline = await startHotline({
      role: 'workers',
      config: loadConfig(workerEnv),
      log: createLogger('warn'),
    });
    return { stop: () => hotline.stop() };
  }
  const children: ChildProcess[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    const child = spawn(
      process.execPath,
      ['--conditions=@hotline/source', '--import', 'tsx', 'main.ts', 'workers'],
      {
        cwd: root,
        env: { ...process.env, ...workerEnv, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    await new Promise<void>((ready) => {
      let output = '';
      child.stdout?.on('data', (data: Buffer) => {
        output += data.toString();
        if (output.includes('workers started')) ready();
      });
    });
  }
  return {
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise((exited) => {
              child.once('exit', exited);
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

interface Figures {
  [name: string]: number | string | boolean;
}

async function main() {
  const results: { settings: Figures; memory: Figures[]; due: Figures } = {
    settings: {
      due: DUE,
      far: FAR_STEPS.join(','),
      processes: PROCESSES || 'in-process',
      concurrency: CONCURRENCY,
      load: loadavg()
        .map((v) => v.toFixed(1))
        .join(' '),
    },
    memory: [],
    due: {},
  };
  await admin.unsafe(`create database ${dbName}`);
  const sql = postgres(dbUrl, { max: 4, onnotice: () => {} });
  let workers: { stop(): Promise<void> } | null = null;
  try {
    say(`database ${dbName}, prefix ${prefix}; migrating and seeding through a first worker start`);
    workers = await startWorkerProcesses();
    await sql`insert into departments (code, name, kind, parent_id)
      values ('BENCH', '压测部门', 'BUREAU', (select id from departments where kind = 'HOTLINE_CENTER' limit 1))`;
    await sleep(3000);
    const baseline = await prefixMemory();
    say(`baseline: ${baseline.keys} keys, ${baseline.bytes} B under the prefix`);

    let far = 0;
    for (const step of FAR_STEPS) {
      const t = performance.now();
      await insertTickets(
        sql,
        `F${far}-`,
        step - far,
        "now() + interval '10 days' + g * interval '1 second'",
        "d.due - interval '1 day'",
      );
      far = step;
      await sql`analyze tickets`;
      say(
        `${far} far-future tickets (inserted in ${((performance.now() - t) / 1000).toFixed(1)} s); letting the tick run`,
      );
      await sleep(5000);
      const memory = await prefixMemory();
      results.memory.push({
        farTickets: far,
        prefixKeys: memory.keys,
        prefixBytes: memory.bytes,
        usedMemoryDelta: memory.usedMemory - baseline.usedMemory,
      });
      say(
        `  Redis: ${memory.keys} keys, ${memory.bytes} B under the prefix; used_memory ${memory.usedMemory - baseline.usedMemory} B over baseline`,
      );
    }

    const lead = Number(args['lead-seconds']);
    const t = performance.now();
    const [row] = await sql<{ start: Date }[]>`select now() + ${`${lead} seconds`}::interval as start`;
    const start = row?.start ?? new Date(Date.now() + lead * 1000);
    const dueSql = `'${start.toISOString()}'::timestamptz + (g - 1) * interval '${60 / DUE} seconds'`;
    await insertTickets(sql, 'D-', DUE, dueSql, 'd.due');
    // Their reminders (0.5, 0.8) went out days ago: only the deadline's effects are measured.
    await sql`
      insert into ticket_events (ticket_id, type, at, level, fraction, sla_cycle, effect_key, department_id)
      select t.id, 'REMINDER_SENT', t.due_at - f.before, null, f.fraction, 1, 'remind-1-' || f.fraction, t.department_id
      from tickets t, (values (0.5::real, interval '36 hours'), (0.8::real, interval '12 hours')) f(fraction, before)
      where t.number like 'D-%'`;
    const insertedIn = (performance.now() - t) / 1000;
    say(`${DUE} tickets due between ${start.toISOString()} and +60 s inserted in ${insertedIn.toFixed(1)} s`);

    let peakBytes = 0;
    let peakUsed = 0;
    let done = 0;
    const deadline = Date.now() + lead * 1000 + 60_000 + 240_000;
    while (Date.now() < deadline) {
      await sleep(1000);
      const [progress] = await sql<{ done: number }[]>`
        select count(*)::int as done from ticket_events where type = 'ESCALATED' and level = 1`;
      done = progress?.done ?? 0;
      peakUsed = Math.max(peakUsed, await usedMemory());
      if (Math.round(performance.now() / 1000) % 10 === 0)
        peakBytes = Math.max(peakBytes, (await prefixMemory()).bytes);
      const [unclaimed] = await sql<
        { n: number }[]
      >`select count(*)::int as n from tickets where next_timer_at <= now()`;
      const queued = await redis.llen(`${prefix}:sla-effects:wait`);
      say(`  escalated ${done} / ${DUE}; due but unclaimed ${unclaimed?.n}; effect jobs waiting ${queued}`);
      if (done >= DUE) break;
    }
    const [stats] = await sql<Figures[]>`
      select count(*)::int as "escalated",
             count(distinct e.ticket_id)::int as "ticketsEscalated",
             round(extract(epoch from max(e.at) - min(t.due_at))::numeric, 2)::float as "firstDeadlineToLastEffectS",
             round(extract(epoch from max(e.at) - max(t.due_at))::numeric, 2)::float as "lastDeadlineToLastEffectS",
             round((count(*) / nullif(extract(epoch from max(e.at) - min(e.at)), 0))::numeric, 0)::float as "effectsPerS",
             round((percentile_cont(0.5) within group (order by extract(epoch from e.at - t.due_at)))::numeric, 3)::float as "lagP50S",
             round((percentile_cont(0.99) within group (order by extract(epoch from e.at - t.due_at)))::numeric, 3)::float as "lagP99S",
             round(extract(epoch from max(e.at - t.due_at))::numeric, 3)::float as "lagMaxS"
      from ticket_events e join tickets t on t.id = e.ticket_id
      where e.type = 'ESCALATED' and e.level = 1 and t.number like 'D-%'`;
    const [once] = await sql<{ twice: number; reminders: number; farEffects: number }[]>`
      select (select count(*)::int from (select 1 from ticket_events where effect_key is not null
                group by ticket_id, effect_key having count(*) > 1) x) as twice,
             (select count(*)::int from ticket_events where type = 'REMINDER_SENT') as reminders,
             (select count(*)::int from ticket_events e join tickets t on t.id = e.ticket_id
                where t.number like 'F%' and e.type = 'ESCALATED') as "farEffects"`;
    results.due = {
      ...stats,
      insertSeconds: Number(insertedIn.toFixed(1)),
      exactlyOnce:
        stats?.ticketsEscalated === DUE &&
        stats?.escalated === DUE &&
        once?.twice === 0 &&
        once?.reminders === 2 * DUE,
      farTicketsTouched: once?.farEffects ?? -1,
      peakPrefixBytes: peakBytes,
      peakUsedMemoryDelta: peakUsed - baseline.usedMemory,
      targetMet: Number(stats?.lagMaxS) <= 60 && stats?.escalated === DUE,
    };
  } finally {
    await workers?.stop().catch(() => {});
    await sql.end();
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await deletePrefix();
    await admin.end();
    redis.disconnect();
  }
  printTable(results);
  await mkdir(new URL('out/', import.meta.url), { recursive: true });
  await writeFile(new URL('out/results-sla.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  say('wrote bench/out/results-sla.json');
}

async function deletePrefix() {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

function printTable(results: { settings: Figures; memory: Figures[]; due: Figures }) {
  const line = (name: string, value: unknown) =>
    process.stdout.write(`| ${name.padEnd(38)} | ${String(value).padStart(14)} |\n`);
  process.stdout.write(
    `\n| ${'SLA benchmark'.padEnd(38)} | ${'value'.padStart(14)} |\n|${'-'.repeat(40)}|${'-'.repeat(16)}|\n`,
  );
  for (const [name, value] of Object.entries(results.settings)) line(name, value);
  for (const memory of results.memory) {
    line(`Redis bytes of prefix, ${memory.farTickets} far tickets`, memory.prefixBytes);
    line(`  used_memory delta, ${memory.farTickets} far tickets`, memory.usedMemoryDelta);
  }
  for (const [name, value] of Object.entries(results.due)) line(name, value);
}

await main();
