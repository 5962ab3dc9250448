import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Database, openDatabase } from '@hotline/schema/client';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { TokenSigner } from './auth/tokens.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import { buildHotlineSchema } from './graphql/schema.js';
import { createHttpServer } from './http/server.js';

export interface ApiDeps {
  /** The database the process opened (and migrated); requests use it unless `ownPool`. */
  database: Database;
  /**
   * Open a second pool for requests, with the API's shorter statement timeout: set when the workers
   * share this process and its database pool has theirs.
   */
  ownPool: boolean;
  /** ioredis options (rate limits, session versions, queue depths). */
  redis: RedisOptions;
  clock: Clock;
  log: Logger;
  config: Config;
}

/** Starts the API: /graphql, health, readiness, /metrics and the console, listening on config.PORT. */
export async function startApi(deps: ApiDeps): Promise<{ port: number; stop(): Promise<void> }> {
  const { config } = deps;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse())
      await step().catch((error) => deps.log.error({ err: error }, 'shutdown step failed'));
  };
  try {
    const redis = new Redis({ ...deps.redis, maxRetriesPerRequest: 1 });
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
    const apiDatabase =
      deps.ownPool && config.DATABASE_URL
        ? await openDatabase({ url: config.DATABASE_URL, ...apiPool })
        : deps.database;
    if (apiDatabase !== deps.database) stops.push(() => apiDatabase.close());
    const replica = config.DATABASE_READ_URL
      ? await openDatabase({ url: config.DATABASE_READ_URL, ...apiPool })
      : null;
    if (replica) stops.push(() => replica.close());
    const http = await createHttpServer({
      db: apiDatabase.db,
      readDb: replica?.db,
      redis,
      clock: deps.clock,
      signer,
      log: deps.log,
      schema: await buildHotlineSchema(),
      production: config.NODE_ENV === 'production',
      config,
    });
    await new Promise<void>((listening) => http.server.listen(config.PORT, listening));
    stops.push(http.stop);
    const address = http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    return { port, stop };
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
