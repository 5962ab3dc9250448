import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverDatabaseUrl } from './database.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const outDir = join(root, 'bench', 'out');

/** The database pool of every API and worker process, and of the raw baselines (same budget). */
export const POOL_SIZE = 10;
/**
 * The V8 heap sized for a 300 MB process, as a deployment with that memory budget sets it (or as a
 * container's memory limit makes Node do): left alone, V8 sizes its heap from the host's RAM (24 GB
 * here) and lets the resident set grow past 300 MB under load. BENCH_V8_DEFAULTS=1 leaves them out.
 */
export const HEAP_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];
/** Shared by every API process of a run, so a token signed by one is good at the other. */
const JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789';

export interface ProcessTargets {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
}

export interface HotlineProcess {
  role: 'api' | 'workers' | 'all';
  pid: number;
  port: number;
  url: string;
  /** Resident set size now, in MB (from /proc). */
  rssMb(): Promise<number>;
  /** CPU time (user + system) used so far, in ms: CPU per operation stays honest on a busy machine. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * How a process is started: the compiled server, as `pnpm start` ships it (`node dist/main.js`, built by
 * `scripts/build-server.mjs --if-stale` first), or with BENCH_TSX=1 the TypeScript sources through tsx.
 */
export function serverCommand(role: 'all' | 'api' | 'workers'): string[] {
  if (process.env.BENCH_TSX === '1')
    return ['--conditions=@hotline/source', '--import', 'tsx', 'main.ts', role];
  return ['dist/main.js', role];
}

/**
 * The server command of `pnpm start` exactly as package.json ships it: the last `&&` step of the
 * `start` script (`[VAR=value ...] node [flags] dist/main.js all`), with its environment assignments and
 * node flags, nothing added. The issue-14 benchmark starts the server this way.
 */
export function shippedStartCommand(): { env: Record<string, string>; args: string[] } {
  const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
    string,
    string
  >;
  const step = scripts.start!.split('&&').at(-1)!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (step[0] && /^[A-Z_]+=/.test(step[0])) {
    const [name, ...value] = step.shift()!.split('=');
    env[name!] = value.join('=').replace(/^(["'])(.*)\1$/, '$2');
  }
  if (step.shift() !== 'node') throw new Error(`pnpm start does not end in a node command: ${scripts.start}`);
  return { env, args: step };
}

let built: Promise<void> | undefined;

/** Compiles the server once per run when its sources changed since the last build. */
export function buildServerIfStale(): Promise<void> {
  if (process.env.BENCH_TSX === '1') return Promise.resolve();
  built ??= new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
      cwd: root,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build-server exited ${code}`))));
  });
  return built;
}

/**
 * Starts the server (`serverCommand`) in one role as its own process, as a deployment runs it
 * (production mode, JSON logs to bench/out/<name>.log): its memory is its own and measurable.
 */
export async function startProcess(
  role: 'api' | 'workers' | 'all',
  port: number,
  targets: ProcessTargets,
  name: string,
  { shipped = false, env = {} }: { shipped?: boolean; env?: Record<string, string> } = {},
): Promise<HotlineProcess> {
  await buildServerIfStale();
  mkdirSync(outDir, { recursive: true });
  const log = createWriteStream(join(outDir, `${name}.log`));
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=bench/out/profiles --import ./bench/lib/exit-after-term.mjs",
  // profiles the processes (see docs/performance.md).
  const profiling = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // Shipped: `pnpm start`'s own command and flags (role `all`), no heap flags of the benchmark's.
  const start = shipped ? shippedStartCommand() : null;
  const args = start
    ? [...profiling, ...start.args]
    : [...(process.env.BENCH_V8_DEFAULTS === '1' ? [] : HEAP_FLAGS), ...profiling, ...serverCommand(role)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      ...start?.env,
      NODE_ENV: 'production',
      PORT: String(port),
      METRICS_PORT: '0',
      DATABASE_URL: serverDatabaseUrl(targets.databaseUrl),
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      REDIS_URL: targets.redisUrl,
      QUEUE_PREFIX: targets.prefix,
      JWT_SECRET,
      ENCRYPTION_KEY: `${JWT_SECRET}-encryption`,
      DATA_DIR: join(outDir, `data-${name}`),
      // Request logs (info) would cost the API CPU; the workers' start line is info.
      LOG_LEVEL: role === 'workers' ? 'info' : 'warn',
      WEBHOOK_ALLOW_PRIVATE: '1',
      WEBHOOK_RELAY_MS: '100',
      // Many simulated agents share a few sessions: the per-session limit would measure itself.
      RATE_LIMIT_STAFF: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const handle: HotlineProcess = {
    role,
    pid: child.pid!,
    port,
    url,
    rssMb: () => rssOf(child),
    cpuMs: () => cpuOf(child),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timeout = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timeout);
      log.end();
    },
  };
  if (role !== 'workers') await waitReady(url, exited, name);
  else await waitForLine(child, /workers started/, exited, name);
  return handle;
}

async function rssOf(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
async function cpuOf(child: ChildProcess): Promise<number> {
  const stat = await readFile(`/proc/${child.pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

async function waitReady(url: string, exited: Promise<number | null>, name: string): Promise<void> {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`${name} exited while starting; see bench/out/${name}.log`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((wake) => setTimeout(wake, 250));
  }
  throw new Error(`${name} was not ready within 90 s; see bench/out/${name}.log`);
}

/** Workers log (pino, JSON) "workers started" once every job family runs. */
async function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  exited: Promise<number | null>,
  name: string,
): Promise<void> {
  const seen = new Promise<void>((done) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer = (buffer + chunk.toString()).slice(-10_000);
      if (pattern.test(buffer)) {
        child.stdout?.off('data', onData);
        done();
      }
    };
    child.stdout?.on('data', onData);
  });
  const failed = exited.then(() => {
    throw new Error(`${name} exited while starting; see bench/out/${name}.log`);
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${name} did not start within 90 s`)), 90_000).unref(),
  );
  await Promise.race([seen, failed, timeout]);
}

/** Where a server's memory sits (its own Prometheus metrics), in MB. */
export async function memoryBreakdown(url: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const names = [
    'process_resident_memory_bytes',
    'nodejs_heap_size_total_bytes',
    'nodejs_heap_size_used_bytes',
    'nodejs_external_memory_bytes',
  ];
  return Object.fromEntries(
    names.map((name) => {
      const value = Number(new RegExp(`^hotline_${name} (\\S+)`, 'm').exec(text)?.[1] ?? Number.NaN);
      return [name.replace(/_bytes$/, 'Mb'), Math.round(value / 2 ** 20)];
    }),
  );
}
