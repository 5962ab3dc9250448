import 'reflect-metadata';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startApi } from '@hotline/api/server';
import {
  backfillSlaWorkingTimes,
  type Clock,
  type Config,
  createLogger,
  type Logger,
  offerDemo,
  openRedis,
  reencryptLegacySecrets,
  seedDefaults,
  startMetricsListener,
  systemClock,
} from '@hotline/api/services';
import { type Database, openDatabase } from '@hotline/schema/client';
import { migrate } from '@hotline/schema/migrate';
import { startWorkers } from '@hotline/workers';
import { Redis } from 'ioredis';

/**
 * The composition root: the one place that knows every package. It boots a process in one of three
 * roles; nothing below it (api, workers, schema) imports it.
 */
export type ProcessRole = 'all' | 'api' | 'workers';

export interface Hotline {
  /** The port the API listens on (0 when this process serves no API). */
  port: number;
  /** The port of the /metrics listener of a workers-only process (0 otherwise: the API serves /metrics). */
  metricsPort: number;
  database: Database;
  log: Logger;
  stop(): Promise<void>;
}

export interface StartOptions {
  role: ProcessRole;
  config: Config;
  clock?: Clock;
  log?: Logger;
}

/** Boots a process: database (migrated, seeded), Redis, then the API and/or the workers. */
export async function startHotline({
  role,
  config,
  clock = systemClock,
  log: givenLog,
}: StartOptions): Promise<Hotline> {
  const log = givenLog ?? createLogger(config.LOG_LEVEL);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse())
      await step().catch((error) => log.error({ err: error }, 'shutdown step failed'));
  };
  try {
    if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
    const database = await openDatabase({
      url: config.DATABASE_URL,
      dataDir: join(config.DATA_DIR, 'pglite'),
      max: config.DATABASE_POOL_SIZE,
      statementTimeoutMs:
        role === 'api' ? config.DATABASE_STATEMENT_TIMEOUT_MS : config.DATABASE_WORKER_STATEMENT_TIMEOUT_MS,
    });
    stops.push(() => database.close());
    await migrate(database);
    const seeded = await seedDefaults(database.db, {
      email: config.ADMIN_EMAIL,
      password: config.ADMIN_PASSWORD,
    });
    if (seeded.generatedAdminPassword) {
      process.stdout.write(
        `\nFirst start: created ADMIN ${config.ADMIN_EMAIL} with password ${seeded.generatedAdminPassword}\n(shown once; set ADMIN_PASSWORD to choose it)\n\n`,
      );
    }
    await reencryptLegacySecrets(database.db, config, log);
    await backfillSlaWorkingTimes(database.db, log);
    if (role !== 'workers') await offerDemo(database, config.DEMO, log);

    const redisHandle = await openRedis(config.REDIS_URL, config.DATA_DIR);
    stops.push(() => redisHandle.stop());

    let port = 0;
    let metricsPort = 0;
    let workerQueues: readonly string[] = [];
    if (role !== 'api') {
      const workers = await startWorkers({
        db: database.db,
        connection: redisHandle.options,
        prefix: config.QUEUE_PREFIX,
        clock,
        log,
        config,
      });
      stops.push(() => workers.close());
      workerQueues = workers.queues;
    }
    if (role === 'workers') {
      // No API here to serve /metrics: the workers' counters and the queue depths get a listener of their own.
      const redis = new Redis({ ...redisHandle.options, maxRetriesPerRequest: 1 });
      stops.push(async () => {
        redis.disconnect();
      });
      // Connected before the first scrape, which otherwise finds it still connecting and skips the queues.
      await redis.ping();
      const metrics = await startMetricsListener({
        port: config.METRICS_PORT,
        redis: { client: redis, prefix: config.QUEUE_PREFIX },
        queues: workerQueues,
      });
      stops.push(metrics.stop);
      metricsPort = metrics.port;
      log.info(
        { port: metricsPort, role },
        `hotline workers metrics on http://localhost:${metricsPort}/metrics`,
      );
    } else {
      // Both roles in one process: requests get their own pool with the shorter statement timeout.
      const api = await startApi({
        database,
        ownPool: role === 'all',
        redis: redisHandle.options,
        clock,
        log,
        config,
      });
      stops.push(api.stop);
      port = api.port;
      log.info({ port, role }, `hotline API on http://localhost:${port}/graphql, console on /admin`);
    }
    return { port, metricsPort, database, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
