import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { type Database, openDatabase } from '../../schema/src/db.js';
import { migrate } from '../../schema/src/migrate.js';
import { startWorkers } from '../../workers/src/index.js';
import { TokenSigner } from './auth/tokens.js';
import { seedDefaults } from './bootstrap/seed-defaults.js';
import { type Clock, systemClock } from './clock.js';
import type { Config } from './config.js';
import { buildHotlineSchema } from './graphql/schema.js';
import { createHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { reencryptLegacySecrets } from './modules/webhooks/webhook-key-migration.js';
import { openRedis } from './redis.js';
import { offerDemo } from './seed/seed-on-start.js';

export type ProcessRole = 'all' | 'api' | 'workers';

export interface Hotline {
  /** The port the API listens on (0 when this process serves no API). */
  port: number;
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
    if (role !== 'workers') await offerDemo(database, config.DEMO, log);

    const redisHandle = await openRedis(config.REDIS_URL, config.DATA_DIR);
    stops.push(() => redisHandle.stop());

    let port = 0;
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
    }
    if (role !== 'workers') {
      const redis = new Redis({ ...redisHandle.options, maxRetriesPerRequest: 1 });
      stops.push(async () => {
        redis.disconnect();
      });
      const signer = new TokenSigner(
        config.JWT_SECRET ?? (await localSecret(config.DATA_DIR)),
        config.TOKEN_TTL,
      );
      const apiPool = {
        max: config.DATABASE_POOL_SIZE,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      };
      // Both roles in one process: requests get their own pool with the shorter statement timeout.
      const apiDatabase =
        role === 'all' && config.DATABASE_URL
          ? await openDatabase({ url: config.DATABASE_URL, ...apiPool })
          : database;
      if (apiDatabase !== database) stops.push(() => apiDatabase.close());
      const replica = config.DATABASE_READ_URL
        ? await openDatabase({ url: config.DATABASE_READ_URL, ...apiPool })
        : null;
      if (replica) stops.push(() => replica.close());
      const http = await createHttpServer({
        db: apiDatabase.db,
        readDb: replica?.db,
        redis,
        clock,
        signer,
        log,
        schema: await buildHotlineSchema(),
        production: config.NODE_ENV === 'production',
        config,
      });
      await new Promise<void>((listening) => http.server.listen(config.PORT, listening));
      stops.push(http.stop);
      const address = http.server.address();
      port = typeof address === 'object' && address ? address.port : config.PORT;
      log.info({ port, role }, `hotline API on http://localhost:${port}/graphql, console on /admin`);
    }
    return { port, database, log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Outside production a signing secret is generated once and kept under the data folder. */
async function localSecret(dataDir: string): Promise<string> {
  const file = join(dataDir, 'jwt-secret');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    await writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}
