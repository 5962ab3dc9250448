import { randomBytes } from 'node:crypto';
import { openDatabase, viaLocalSocket } from '@hotline/schema/client';
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

/**
 * The URL a server process of the benchmark is given, and pgbench connects by: through the local
 * PostgreSQL's Unix socket where it listens on one, as a deployment beside its database is configured
 * (`DATABASE_URL=...?host=/var/run/postgresql`, README "Configuration"); BENCH_PG_SOCKET=tcp keeps
 * loopback TCP.
 */
export function serverDatabaseUrl(url: string): string {
  return process.env.BENCH_PG_SOCKET === 'tcp' ? url : viaLocalSocket(url);
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
