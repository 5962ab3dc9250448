import { isDatabaseUnavailable } from '@hotline/schema/db-unavailable';
import { DelayedError, type Job } from 'bullmq';

/** First wait of a job that found PostgreSQL unreachable; it doubles up to the cap. */
const FIRST_WAIT_MS = 1_000;
/** Longest wait: once PostgreSQL is back, every waiting job runs within about this long. */
const DATABASE_DOWN_MAX_WAIT_MS = 10_000;

/**
 * Wraps a job processor so that an outage of PostgreSQL does not use up the job's attempts: the job
 * waits (1 s, doubling, capped at 10 s, whatever the outage's length) and runs again, as many times
 * as the outage needs. Left to BullMQ's attempts, a long outage would fail the job for good, and a
 * failed job keeps its id, so the same effect or delivery could not be queued again. Other errors
 * go to BullMQ's attempts as before.
 */
export function retryWhileDatabaseDown<T, R>(
  process: (job: Job<T>) => Promise<R>,
): (job: Job<T>, token?: string) => Promise<R> {
  return async (job, token) => {
    try {
      return await process(job);
    } catch (error) {
      if (!token || !isDatabaseUnavailable(error)) throw error;
      // Starts that BullMQ did not count as attempts: the waits of this outage so far.
      const waits = Math.max(job.attemptsStarted - job.attemptsMade - 1, 0);
      const wait = Math.min(FIRST_WAIT_MS * 2 ** Math.min(waits, 10), DATABASE_DOWN_MAX_WAIT_MS);
      // Jitter, so jobs that failed together do not knock together when the database is back.
      await job.moveToDelayed(Date.now() + Math.round(wait * (0.8 + Math.random() * 0.4)), token);
      throw new DelayedError();
    }
  };
}
