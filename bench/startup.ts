// `pnpm bench:startup [runs]`: start-up time and idle memory of the API process, compiled
// (`node dist/main.js api`, what `pnpm start` runs) against tsx (`node --import tsx main.ts api`), runs
// interleaved so both see the same machine. Time: from spawn to the first 200 from /healthz, on a
// database migrated beforehand (a throw-away one on BENCH_DATABASE_URL's server, dropped at the end).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { openDatabase } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import postgres from 'postgres';
import { buildServerIfStale, serverCommand } from './lib/processes.js';

const runs = Number(process.argv[2] ?? 5);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PORT = 4987;

const variants = {
  compiled: serverCommand('api'),
  tsx: ['--conditions=@hotline/source', '--import', 'tsx', 'main.ts', 'api'],
};

async function startOnce(args: string[], databaseUrl: string): Promise<{ ms: number; rssMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: 'hlbench-startup',
      JWT_SECRET: 'bench-only-secret-0123456789abcdef0123456789',
      ENCRYPTION_KEY: 'bench-only-secret-0123456789abcdef0123456789-encryption',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((wake) => setTimeout(wake, 10));
    }
    const ms = performance.now() - started;
    await new Promise((wake) => setTimeout(wake, 1000));
    const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
    return { ms, rssMb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024 };
  } finally {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

await buildServerIfStale();
const name = `hotline_bench_startup_${randomBytes(3).toString('hex')}`;
const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(baseUrl);
url.pathname = `/${name}`;
try {
  const database = await openDatabase({ url: url.toString(), max: 2 });
  await migrate(database);
  await database.close();
  const results: Record<string, { ms: number[]; rssMb: number[] }> = {};
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}`,
  );
  for (let run = 0; run <= runs; run++) {
    for (const [variant, args] of Object.entries(variants)) {
      const { ms, rssMb } = await startOnce(args, url.toString());
      if (run === 0) continue; // warm-up: first start seeds the database, fills the OS file cache
      results[variant] ??= { ms: [], rssMb: [] };
      results[variant].ms.push(ms);
      results[variant].rssMb.push(rssMb);
    }
  }
  for (const [variant, { ms, rssMb }] of Object.entries(results)) {
    console.log(
      `${variant.padEnd(9)} start-up median ${median(ms).toFixed(0)} ms (${ms.map((value) => value.toFixed(0)).join(', ')}), idle RSS median ${median(rssMb).toFixed(0)} MB`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' / ')}`,
  );
} finally {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
