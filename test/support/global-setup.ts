import { randomBytes } from 'node:crypto';
import { openDatabase } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated database every test file clones (CREATE DATABASE ... TEMPLATE). */
    templateDatabaseUrl: string;
    redisUrl: string;
    /** Unique to this run: every BullMQ prefix and Redis key of the run starts with it. */
    runPrefix: string;
  }
}

const baseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function databaseUrl(name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Each run gets its own template database and key prefix, dropped afterwards. */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `hotline_test_${runId}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  const database = await openDatabase({ url: databaseUrl(template), max: 2 });
  await migrate(database);
  await database.close();

  project.provide('templateDatabaseUrl', databaseUrl(template));
  project.provide('redisUrl', redisUrl);
  project.provide('runPrefix', `hltest-${runId}`);

  return async () => {
    const clones = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${template}%`}`;
    for (const { datname } of clones) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
    const redis = new Redis(redisUrl);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*hltest-${runId}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  };
}
