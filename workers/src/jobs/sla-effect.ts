import type { SlaEffect } from '@hotline/api/services';
import { applySlaEffects } from '@hotline/api/services';
import { type ConnectionOptions, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { z } from 'zod';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { retryWhileDatabaseDown } from './database-down.js';
import { createBatcher } from './sla-effect-batcher.js';

export const SLA_EFFECT_QUEUE = 'sla-effects';

/** Job payload: ids only (never ticket contents). */
const effectPayload = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('remind'),
    ticketId: z.string().uuid(),
    cycle: z.number().int(),
    fraction: z.number(),
  }),
  z.object({
    kind: z.literal('escalate'),
    ticketId: z.string().uuid(),
    cycle: z.number().int(),
    level: z.number().int(),
  }),
]);

/**
 * Shared by the tick (producer) and the effect worker. The job id is the effect's, so a finished job
 * that stayed in Redis would turn the next hand-out of its effect into a no-op: after a failure (or
 * an effect found not yet due, e.g. put on hold in between) the lease could not bring it back until
 * the job was dropped. So finished jobs are dropped at once (PostgreSQL's effect keys, not job ids,
 * keep effects once-only; failures are logged). While PostgreSQL is down a job waits without using
 * its attempts (database-down.ts); the 8 attempts (1 s doubling, about 2 minutes) are for other errors.
 */
const EFFECT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: true,
};

export function openEffectQueue(deps: WorkerDeps): Queue<SlaEffect> {
  const queue = new Queue<SlaEffect>(SLA_EFFECT_QUEUE, {
    connection: deps.connection as ConnectionOptions,
    prefix: deps.prefix,
    defaultJobOptions: EFFECT_JOB_OPTIONS,
  });
  queue.on('error', (error) => deps.log.warn({ err: error }, 'sla effect queue connection error'));
  return queue;
}

/**
 * Applies reminders and escalations. Each job's effect is written atomically with its ticket change and
 * guarded by the effect key, so retries, stalled-job recovery and duplicate publishes never write an
 * event twice. Jobs running at the same time share a transaction (group commit): at a burst of
 * deadlines one commit serves up to 100 effects (the batcher's maxBatch, two batches at a time).
 */
export async function startSlaEffects(deps: WorkerDeps): Promise<RunningWorker> {
  const lockMs = deps.config.SLA_EFFECT_LOCK_MS;
  const batcher = createBatcher((effects: SlaEffect[]) =>
    applySlaEffects(deps.db, deps.clock.now(), effects, { leaseMs: deps.config.SLA_TIMER_LEASE_MS }),
  );
  const worker = new Worker<SlaEffect>(
    SLA_EFFECT_QUEUE,
    retryWhileDatabaseDown(async (job: Job<SlaEffect>) => {
      const parsed = effectPayload.safeParse(job.data);
      if (!parsed.success)
        throw new UnrecoverableError(`malformed SLA effect payload: ${parsed.error.message}`);
      const outcome = await batcher.submit(parsed.data);
      if (outcome === 'gone') throw new UnrecoverableError(`ticket ${parsed.data.ticketId} no longer exists`);
      return outcome;
    }),
    {
      connection: { ...deps.connection, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix: deps.prefix,
      concurrency: deps.config.SLA_EFFECT_CONCURRENCY,
      lockDuration: lockMs,
      // Look for jobs of crashed workers as often as a lock lasts; a job that stalls twice has a problem.
      stalledInterval: lockMs,
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, error) =>
    deps.log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: error }, 'SLA effect failed'),
  );
  worker.on('error', (error) => deps.log.warn({ err: error }, 'SLA effect worker error'));
  await worker.waitUntilReady();
  return {
    name: 'sla-effects',
    // Graceful: active effects finish (each is a short transaction); waiting ones stay for other workers.
    close: () => worker.close(),
  };
}
