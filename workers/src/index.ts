import type { Clock, Config } from '@hotline/api/services';
import { EXPORT_QUEUE } from '@hotline/api/services';
import type { Db } from '@hotline/schema/client';
import type { RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { ATTACHMENT_CLEANUP_QUEUE, startAttachmentCleanup } from './jobs/attachment-cleanup.js';
import { startDailyRollup } from './jobs/daily-rollup.js';
import { startExports } from './jobs/export.js';
import { startIncidentFollow } from './jobs/incident-follow.js';
import { NOTIFICATION_QUEUE, startNotificationDelivery } from './jobs/notification-delivery.js';
import { startOutboxRelay, WEBHOOK_QUEUE } from './jobs/outbox-relay.js';
import { SLA_EFFECT_QUEUE, startSlaEffects } from './jobs/sla-effect.js';
import { SLA_TICK_QUEUE, startSlaTick } from './jobs/sla-tick.js';
import { startWebhookDelivery } from './jobs/webhook-delivery.js';

export * from './jobs/notification-delivery.js';
// Single job families, for tests that run one of them alone.
export * from './jobs/outbox-relay.js';
export * from './jobs/webhook-delivery.js';
export * from './notifications/channel.js';

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
const starters: WorkerStarter[] = [
  startOutboxRelay,
  startWebhookDelivery,
  (deps) => startNotificationDelivery(deps),
  startSlaEffects,
  startSlaTick,
  startDailyRollup,
  startExports,
  startAttachmentCleanup,
  startIncidentFollow,
];

/** The BullMQ queues the workers own (their depths are reported from the start, before any job). */
export const WORKER_QUEUES = [
  SLA_EFFECT_QUEUE,
  SLA_TICK_QUEUE,
  WEBHOOK_QUEUE,
  NOTIFICATION_QUEUE,
  EXPORT_QUEUE,
  ATTACHMENT_CLEANUP_QUEUE,
];

export async function startWorkers(
  deps: WorkerDeps,
): Promise<{ queues: readonly string[]; close(): Promise<void> }> {
  const running: RunningWorker[] = [];
  for (const start of starters) running.push(await start(deps));
  deps.log.info({ workers: running.map((worker) => worker.name) }, 'workers started');
  return {
    queues: WORKER_QUEUES,
    // Graceful: each worker finishes its active jobs before closing.
    close: async () => {
      await Promise.all(running.map((worker) => worker.close()));
    },
  };
}
