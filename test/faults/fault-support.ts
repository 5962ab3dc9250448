/**
 * Private servers for the fault suite: a PostgreSQL cluster (initdb/pg_ctl) and a redis-server, each
 * on a free port in a temporary directory, so that stopping them never touches the shared servers.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, pollUntil, sleep, spawnRedis, stopChild } from '../support/processes.js';

const run = promisify(execFile);

export async function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hotline-faults-'));
}

/** The newest installed PostgreSQL's bin directory (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (majors.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return join(root, majors[0]!, 'bin');
}

export interface PrivatePostgres {
  url(database: string): string;
  start(): Promise<void>;
  /** Fast shutdown: sessions are disconnected, as in a restart or a failover. */
  stop(): Promise<void>;
  /** Stops it whatever its state (cleanup). */
  destroy(): Promise<void>;
}

/**
 * A throwaway cluster in `dir`. initdb refuses to run as root: as root (CI, this machine) the
 * commands run as the `postgres` user the Debian package creates, which owns the directory.
 */
export async function startPrivatePostgres(dir: string): Promise<PrivatePostgres> {
  const bin = postgresBin();
  const port = await freePort();
  const data = join(dir, 'pgdata');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chown(dir, ...(await postgresIds()));
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const start = async () => {
    await pg('pg_ctl', [
      '-D',
      data,
      '-o',
      options,
      '-l',
      join(dir, 'postgres.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  };
  await start();
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start,
    stop: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']);
    },
    destroy: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    },
  };
}

async function postgresIds(): Promise<[number, number]> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return [Number(uid.stdout.trim()), Number(gid.stdout.trim())];
}

export interface PrivateRedis {
  url: string;
  /** SIGTERM (Redis writes its append-only file and exits), then a new server on the same files. */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

const appendOnly = (dir: string) => ['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always'];

/** A redis-server with an append-only file (fsync on every write), as production keeps its jobs. */
export async function startPrivateRedis(dir: string): Promise<PrivateRedis> {
  const port = await freePort();
  let child = await spawnRedis(port, appendOnly(dir));
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async () => {
      await stopChild(child, 'SIGTERM');
      child = await spawnRedis(port, appendOnly(dir));
    },
    destroy: () => stopChild(child, 'SIGKILL'),
  };
}

/**
 * `tsx main.ts workers` as its own OS process, its output appended to `logFile`; resolves
 * once it reports its workers started.
 */
export async function spawnWorkers(
  root: string,
  env: Record<string, string>,
  logFile: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts', 'workers'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`worker process did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('workers started')) return;
      clearTimeout(timer);
      child.stdout?.off('data', read);
      ready();
    };
    child.stdout?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`worker process exited with ${code}:\n${output}`));
    });
  });
  return child;
}

export { pollUntil, sleep, stopChild };
