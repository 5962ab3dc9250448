import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { openDatabase } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import { Redis } from 'ioredis';
import postgres from 'postgres';

/** Where the benchmark creates its throw-away database and queue prefix. */
export interface BenchTargets {
  /** Server URL; the benchmark database is created beside the one it names. */
  postgresUrl: string;
  redisUrl: string;
}

export interface BenchDatabase {
  url: string;
  name: string;
  /** BullMQ / rate-limit key prefix of this run (a hash tag, as a Redis Cluster deployment would use). */
  prefix: string;
  drop(): Promise<void>;
}

export const defaultTargets: BenchTargets = {
  postgresUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * The directory of the Unix socket through which the servers and pgbench reach a PostgreSQL on this
 * machine, as a deployment beside its database is configured (`DATABASE_URL=...?host=/var/run/postgresql`,
 * README "Configuration"): BENCH_PG_SOCKET names it; by default /var/run/postgresql when the server
 * listens there; BENCH_PG_SOCKET=tcp keeps loopback TCP.
 */
export function socketDir(url: string): string | undefined {
  const setting = process.env.BENCH_PG_SOCKET;
  if (setting === 'tcp') return undefined;
  const parsed = new URL(url);
  const dir = setting ?? '/var/run/postgresql';
  if (!setting && !LOCAL_HOSTS.has(parsed.hostname)) return undefined;
  return existsSync(`${dir}/.s.PGSQL.${parsed.port || '5432'}`) ? dir : undefined;
}

/** The URL a server process of the benchmark is given: through the local socket where there is one. */
export function serverDatabaseUrl(url: string): string {
  const dir = socketDir(url);
  if (!dir) return url;
  const parsed = new URL(url);
  parsed.searchParams.set('host', dir);
  return parsed.toString();
}

function urlOf(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** CREATE DATABASE hotline_bench_<random>, migrated; `drop()` removes it and the run's Redis keys. */
export async function createBenchDatabase(targets: BenchTargets): Promise<BenchDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const name = `hotline_bench_${suffix}`;
  const admin = postgres(targets.postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = urlOf(targets.postgresUrl, name);
  const database = await openDatabase({ url, max: 2 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  const prefix = `{hlbench-${suffix}}`;
  return {
    url,
    name,
    prefix,
    drop: async () => {
      const server = postgres(targets.postgresUrl, { max: 1, onnotice: () => {} });
      try {
        await server.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await server.end();
      }
      await deleteKeys(targets.redisUrl, prefix);
    },
  };
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
