import { EXPORT_QUEUE, purgeExpiredExports, runExport, strandedExports } from '@hotline/api/services';
import { type ConnectionOptions, Queue, Worker } from 'bullmq';
import type { RunningWorker, WorkerDeps } from '../index.js';

/** Job payload: the export id only (its filters and owner stay in PostgreSQL). */
export interface ExportJobData {
  exportId: string;
}

const PURGE_SCHEDULER = 'export-purge';
/** How often expired files are deleted and lost jobs queued again. */
const HOUSEKEEPING_MS = 60_000;
/** A QUEUED export older than this without a worker on it lost its job. */
const STRANDED_MS = 30_000;

/**
 * The `export` queue: one job per large export (job id = export id), written one at a time per
 * process (two cores, a cursor and a zip writer each). A `purge` job scheduled every minute deletes
 * the files of exports past their 7 days and queues again exports whose job Redis lost.
 */
export async function startExports(deps: WorkerDeps): Promise<RunningWorker> {
  const connection = deps.connection as ConnectionOptions;
  const queue = new Queue<ExportJobData>(EXPORT_QUEUE, { connection, prefix: deps.prefix });
  queue.on('error', (error) => deps.log.warn({ err: error }, 'export queue connection error'));

  async function housekeeping(): Promise<void> {
    const now = deps.clock.now();
    const purged = await purgeExpiredExports(deps.db, now);
    if (purged > 0) deps.log.info({ purged }, 'expired exports deleted');
    const stranded = await strandedExports(deps.db, now, STRANDED_MS);
    if (stranded.length > 0) {
      await queue.addBulk(
        stranded.map((exportId) => ({
          name: 'export',
          data: { exportId },
          opts: { jobId: exportId, removeOnComplete: true, removeOnFail: 100 },
        })),
      );
    }
  }

  const worker = new Worker<ExportJobData>(
    EXPORT_QUEUE,
    async (job) => {
      if (job.name === 'purge') return housekeeping();
      await runExport({ db: deps.db, clock: deps.clock, log: deps.log }, job.data.exportId);
    },
    {
      connection: { ...deps.connection, maxRetriesPerRequest: null } as ConnectionOptions,
      prefix: deps.prefix,
      concurrency: 1,
    },
  );
  worker.on('failed', (job, error) => deps.log.warn({ err: error, jobId: job?.id }, 'export job failed'));
  worker.on('error', (error) => deps.log.warn({ err: error }, 'export worker error'));
  await queue.upsertJobScheduler(
    PURGE_SCHEDULER,
    { every: HOUSEKEEPING_MS },
    { name: 'purge', opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 10 } } },
  );
  await worker.waitUntilReady();

  return {
    name: 'export',
    close: async () => {
      await worker.close();
      await queue.close();
    },
  };
}
