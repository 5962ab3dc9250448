import type { RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../../api/src/clock.js';
import type { Config } from '../../api/src/config.js';
import type { Db } from '../../schema/src/db.js';
import { startOutboxRelay } from './jobs/outbox-relay.js';
import { startSlaEffects } from './jobs/sla-effect.js';
import { startSlaTick } from './jobs/sla-tick.js';
import { startWebhookDelivery } from './jobs/webhook-delivery.js';

/** What every worker needs. */
export interface WorkerDeps {
  db: Db;
  /** ioredis options; BullMQ opens its own connections from them. */
  connection: RedisOptions;
  /** BullMQ key prefix (a hash tag such as {hotline} for Redis Cluster). */
  prefix: string;
  clock: Clock;
  log: Logger;
  config: Config;
}

export interface RunningWorker {
  name: string;
  close(): Promise<void>;
}

/** Each job family starts its queues, schedulers and workers here. */
type WorkerStarter = (deps: WorkerDeps) => Promise<RunningWorker>;
const starters: WorkerStarter[] = [startOutboxRelay, startWebhookDelivery, startSlaEffects, startSlaTick];

export async function startWorkers(deps: WorkerDeps): Promise<{ close(): Promise<void> }> {
  const running: RunningWorker[] = [];
  for (const start of starters) running.push(await start(deps));
  deps.log.info({ workers: running.map((worker) => worker.name) }, 'workers started');
  return {
    // Graceful: each worker finishes its active jobs before closing.
    close: async () => {
      await Promise.all(running.map((worker) => worker.close()));
    },
  };
}
