import { rollUpDirtyDays } from '@hotline/api/services';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { startPollingLoop } from './polling-loop.js';

/**
 * Every ROLLUP_MS each worker process tries to roll up the days changes marked; an advisory lock in
 * PostgreSQL lets one at a time do it, so any number of worker processes may run. PostgreSQL holds all
 * the state (the marks), so nothing goes through Redis. While days are pending it goes on at once.
 */
export async function startDailyRollup(deps: WorkerDeps): Promise<RunningWorker> {
  return startPollingLoop(
    'daily-rollup',
    deps.config.ROLLUP_MS,
    async () => {
      const result = await rollUpDirtyDays(deps.db, deps.clock);
      if (result.days > 0) deps.log.debug(result, 'daily roll-up');
      return { pending: result.pending && result.days > 0 };
    },
    (error) => deps.log.warn({ err: error }, 'daily roll-up failed; the next run retries'),
  );
}
