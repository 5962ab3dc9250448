import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serverDatabaseUrl } from './database.js';
import type { RunFigures } from './load.js';
import { outDir } from './processes.js';

/** PostgreSQL's own load generator: the newest /usr/lib/postgresql/<version>/bin/pgbench, or BENCH_PGBENCH. */
async function pgbenchPath(): Promise<string> {
  if (process.env.BENCH_PGBENCH) return process.env.BENCH_PGBENCH;
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  const newest = versions.filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('pgbench not found under /usr/lib/postgresql/*/bin (set BENCH_PGBENCH)');
  return `/usr/lib/postgresql/${newest}/bin/pgbench`;
}

export interface PgbenchRun {
  /** postgres://user@host:port/database */
  url: string;
  /** A name for the script file and its logs under bench/out/pgbench/. */
  name: string;
  /** pgbench's custom script language: SQL statements, `\set`, `\gset`. */
  script: string;
  clients: number;
  seconds: number;
  /** `-D name=value` variables of the script. */
  defines?: Record<string, string | number>;
}

/**
 * One pgbench run of a custom script: `clients` connections each running the script back to back
 * (`-M prepared`: named prepared statements, as the API's pool sends them, planned with their values
 * at every execution and without JIT as the API's sessions are, `plan_cache_mode = force_custom_plan`,
 * `jit = off`). Every
 * transaction's latency comes from pgbench's own log (`-l`), so p50 and p99 are exact.
 */
export async function runPgbench(run: PgbenchRun): Promise<RunFigures> {
  const dir = join(outDir, 'pgbench', run.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const scriptFile = join(dir, 'script.sql');
  await writeFile(scriptFile, run.script);
  const url = new URL(run.url);
  const host = new URL(serverDatabaseUrl(run.url)).searchParams.get('host') ?? url.hostname;
  const args = [
    '-n',
    '-M',
    'prepared',
    '-c',
    String(run.clients),
    '-j',
    '2',
    '-T',
    String(run.seconds),
    '-l',
    `--log-prefix=${join(dir, 'log')}`,
    '-f',
    scriptFile,
    ...Object.entries(run.defines ?? {}).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
    '-h',
    host,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    url.pathname.slice(1),
  ];
  const output = await new Promise<string>((resolve, reject) =>
    pgbenchPath().then((path) =>
      execFile(
        path,
        args,
        {
          env: {
            ...process.env,
            PGPASSWORD: decodeURIComponent(url.password),
            PGOPTIONS: '-c plan_cache_mode=force_custom_plan -c jit=off',
          },
          maxBuffer: 16 * 2 ** 20,
        },
        (error, stdout, stderr) =>
          error
            ? reject(new Error(`pgbench ${run.name} failed: ${stderr || error.message}`))
            : resolve(stdout),
      ),
    ),
  );
  const failed = Number(/number of failed transactions: (\d+)/.exec(output)?.[1] ?? 0);
  // Log lines: client_id transaction_no latency_us script_no epoch_s epoch_us.
  const latencies: number[] = [];
  for (const file of await readdir(dir)) {
    if (!file.startsWith('log')) continue;
    for (const line of (await readFile(join(dir, file), 'utf8')).split('\n')) {
      const latency = Number(line.split(' ')[2]);
      if (line && Number.isFinite(latency)) latencies.push(latency / 1000);
    }
  }
  latencies.sort((a, b) => a - b);
  const at = (fraction: number) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))]!
      : NaN;
  return {
    operations: latencies.length,
    perSecond: latencies.length / run.seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors: failed,
  };
}
