import { claimDueTimers, effectJobId, type SlaEffect, slaBreaches } from '@hotline/api/services';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { openEffectQueue } from './sla-effect.js';

export const SLA_TICK_QUEUE = 'sla-tick';
const SCHEDULER_ID = 'sla-tick';
/** Tickets per claiming transaction. */
const BATCH_SIZE = 500;
/** A tick stops claiming after this long; the next tick goes on. */
const MAX_TICK_MS = 10_000;
/**
 * Queued effects above which a tick stops claiming: Redis holds at most about this many effect jobs
 * however many deadlines fall at once; the rest wait in PostgreSQL, where they cost nothing.
 */
const MAX_BACKLOG = 20_000;

/**
 * Every SLA_TICK_MS a BullMQ job scheduler runs one `sla-tick` job in one of the worker processes.
 * It claims due timers from PostgreSQL in batches and publishes one `sla-effect` job per due
 * reminder or escalation. A watchdog in every process puts the scheduler back if Redis lost it.
 */
export async function startSlaTick(deps: WorkerDeps): Promise<RunningWorker> {
  const every = deps.config.SLA_TICK_MS;
  const connection = deps.connection as ConnectionOptions;
  const effects = openEffectQueue(deps);
  // A tick every SLA_TICK_MS (2 s by default) would fill the default 10,000-entry event stream; a short one is enough.
  const ticks = new Queue(SLA_TICK_QUEUE, {
    connection,
    prefix: deps.prefix,
    streams: { events: { maxLen: 500 } },
  });
  ticks.on('error', (error) => deps.log.warn({ err: error }, 'sla tick queue connection error'));

  const publish = async (due: SlaEffect[]) => {
    await effects.addBulk(
      due.map((effect) => ({ name: effect.kind, data: effect, opts: { jobId: effectJobId(effect) } })),
    );
  };

  /** Two claimers share a tick (SKIP LOCKED keeps their batches apart): computing timers and publishing overlap. */
  async function tick(): Promise<{ claimed: number; effects: number }> {
    const started = Date.now();
    const total = { claimed: 0, effects: 0 };
    await Promise.all([claimUntilDone(started, total), claimUntilDone(started, total)]);
    if (total.claimed > 0) deps.log.debug(total, 'sla tick');
    return total;
  }

  async function claimUntilDone(started: number, total: { claimed: number; effects: number }): Promise<void> {
    while (Date.now() - started < MAX_TICK_MS) {
      const counts = await effects.getJobCounts('wait', 'prioritized', 'delayed');
      if ((counts.wait ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0) > MAX_BACKLOG) break;
      const batch = await claimDueTimers(deps.db, deps.clock.now(), {
        batchSize: BATCH_SIZE,
        leaseMs: deps.config.SLA_TIMER_LEASE_MS,
        enqueue: publish,
        onSkip: (ticketId, error) =>
          deps.log.error(
            { ticketId, err: error },
            'SLA timers of a ticket cannot be computed; skipped for an hour',
          ),
      });
      // Counted once the claim committed: the breach is recorded (breached_at) in that transaction.
      slaBreaches.inc(batch.breaches);
      total.claimed += batch.claimed;
      total.effects += batch.effects;
      if (batch.claimed < BATCH_SIZE) break;
    }
  }

  const worker = new Worker(SLA_TICK_QUEUE, tick, {
    connection: { ...deps.connection, maxRetriesPerRequest: null } as ConnectionOptions,
    prefix: deps.prefix,
    concurrency: 1,
    lockDuration: MAX_TICK_MS * 3,
  });
  worker.on('failed', (_job, error) =>
    deps.log.warn({ err: error }, 'SLA tick failed; the next tick retries'),
  );
  worker.on('error', (error) => deps.log.warn({ err: error }, 'SLA tick worker error'));

  const ensureScheduler = async () => {
    if (await ticks.getJobScheduler(SCHEDULER_ID)) return;
    await ticks.upsertJobScheduler(
      SCHEDULER_ID,
      { every },
      { name: 'sla-tick', opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
  };
  await ensureScheduler();
  await worker.waitUntilReady();
  // The scheduler lives in Redis: after a flush or a restart without persistence it must be put back.
  const watchdog = setInterval(
    () =>
      ensureScheduler().catch((error) =>
        deps.log.warn({ err: error }, 'cannot restore the SLA tick scheduler'),
      ),
    Math.max(every * 4, 1000),
  );
  watchdog.unref();

  return {
    name: 'sla-tick',
    close: async () => {
      clearInterval(watchdog);
      await worker.close();
      await Promise.all([ticks.close(), effects.close()]);
    },
  };
}
