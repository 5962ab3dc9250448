import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The running stack's origin, e.g. http://127.0.0.1:41234 (console at /admin/, API at /graphql). */
    e2eBaseUrl: string;
    /** The stack's own fresh database (seeded with the demo district), dropped after the run. */
    e2eDatabaseUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Days of demo tickets; the seed plays tens of tickets a second, so a few days keep the run short. */
const SEED_DAYS = 4;
/**
 * The simulated district stops working this long before now, so the tickets still open when it stopped have
 * aged past their deadlines: the "overdue" view always has rows, whatever the weekday.
 */
const SEED_ENDS_AGO_MS = 2 * 24 * 3600_000;

function databaseUrl(name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs a tsx script to its end; its output is shown only when it fails. */
function runTsx(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((wake) => setTimeout(wake, 200));
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The real stack for the browser tests: a fresh database seeded with the demo district, its own BullMQ
 * prefix, and `main.ts all` (API, workers and the built console) as a separate process.
 */
export default async function setup(project: TestProject) {
  // While writing tests: E2E_BASE_URL and E2E_DATABASE_URL point at a stack already running (seeded).
  if (process.env.E2E_BASE_URL && process.env.E2E_DATABASE_URL) {
    project.provide('e2eBaseUrl', process.env.E2E_BASE_URL);
    project.provide('e2eDatabaseUrl', process.env.E2E_DATABASE_URL);
    return;
  }
  if (!existsSync(`${root}/admin/dist/index.html`)) {
    execFileSync('pnpm', ['--filter', '@hotline/admin', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `hotline_e2e_${runId}`;
  const queuePrefix = `hle2e-${runId}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  let server: ChildProcess | undefined;

  const teardown = async () => {
    if (server) await stopProcess(server);
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end();
    const redis = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${queuePrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  };

  try {
    await admin.unsafe(`create database ${database}`);
    const end = new Date(Date.now() - SEED_ENDS_AGO_MS).toISOString();
    await runTsx(['test/e2e/support/seed-demo.ts', databaseUrl(database), String(SEED_DAYS), end]);

    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'main.ts', 'all'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: databaseUrl(database),
        DATABASE_POOL_SIZE: '10',
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: queuePrefix,
        JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-1234',
        LOG_LEVEL: 'error',
        SLA_TICK_MS: '200',
        // ranking-exports.test.ts: a ticket list export of more than 100 rows runs in the background.
        EXPORT_DIRECT_MAX_ROWS: '100',
      },
    });
    const origin = `http://127.0.0.1:${port}`;
    await waitFor('the server', async () => (await fetch(`${origin}/admin/`)).ok, 60_000);
    // The SLA worker first catches up with the deadlines that passed since the seed ended (escalations bump
    // ticket versions); wait for it, so no test races it.
    const seeded = postgres(databaseUrl(database), { max: 1, onnotice: () => {} });
    try {
      await waitFor(
        'the SLA worker to catch up',
        async () => {
          const [row] = await seeded<{ due: number }[]>`
            select count(*)::int as due from tickets where next_timer_at <= now()`;
          return row?.due === 0;
        },
        60_000,
      );
    } finally {
      await seeded.end();
    }
    project.provide('e2eBaseUrl', origin);
    project.provide('e2eDatabaseUrl', databaseUrl(database));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
