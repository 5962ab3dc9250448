import { openAttachmentStorage, purgeExpiredUploads } from '@hotline/api/services';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import type { RunningWorker, WorkerDeps } from '../index.js';

export const ATTACHMENT_CLEANUP_QUEUE = 'attachment-cleanup';
const CLEANUP_SCHEDULER = 'attachment-cleanup';

/**
 * The `attachment-cleanup` queue: a job scheduled every ATTACHMENT_CLEANUP_MS removes upload
 * reservations whose URL expired unused and uploads that failed half-way, with their stored pieces, in
 * bounded batches (purgeExpiredUploads). One scheduler for all worker processes (BullMQ keeps one).
 */
export async function startAttachmentCleanup(deps: WorkerDeps): Promise<RunningWorker> {
  const connection = deps.connection as ConnectionOptions;
  const storage = await openAttachmentStorage(deps.config, deps.db);
  const queue = new Queue(ATTACHMENT_CLEANUP_QUEUE, { connection, prefix: deps.prefix });
  queue.on('error', (error) => deps.log.warn({ err: error }, 'attachment cleanup queue connection error'));
  const worker = new Worker(
    ATTACHMENT_CLEANUP_QUEUE,
    async () => {
      const removed = await purgeExpiredUploads(deps.db, storage, deps.clock.now());
      if (removed > 0) deps.log.info({ removed }, 'expired attachment uploads removed');
      return removed;
    },
    {
      connection: { ...deps.connection, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix: deps.prefix,
      concurrency: 1,
    },
  );
  worker.on('failed', (job, error) =>
    deps.log.warn({ err: error, jobId: job?.id }, 'attachment cleanup job failed'),
  );
  worker.on('error', (error) => deps.log.warn({ err: error }, 'attachment cleanup worker error'));
  await queue.upsertJobScheduler(
    CLEANUP_SCHEDULER,
    { every: deps.config.ATTACHMENT_CLEANUP_MS },
    { name: 'cleanup', opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 10 } } },
  );
  await worker.waitUntilReady();
  return {
    name: 'attachment-cleanup',
    close: async () => {
      await worker.close();
      await queue.close();
      storage.close?.();
    },
  };
}
