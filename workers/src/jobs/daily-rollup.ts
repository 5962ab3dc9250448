import { rollUpDirtyDays } from '@hotline/api/services';
import type { RunningWorker, WorkerDeps } from '../index.js';

/**
 * Every ROLLUP_MS each worker process tries to roll up the days changes marked; an advisory lock in
 * PostgreSQL lets one at a time do it, so any number of worker processes may run. PostgreSQL holds all
 * the state (the marks), so nothing goes through Redis. While days are pending it goes on at once.
 */
export async function startDailyRollup(deps: WorkerDeps): Promise<RunningWorker> {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const run = async () => {
    let pending = false;
    try {
      const result = await rollUpDirtyDays(deps.db, deps.clock);
      if (result.days > 0) deps.log.debug(result, 'daily roll-up');
      pending = result.pending && result.days > 0;
    } catch (error) {
      deps.log.warn({ err: error }, 'daily roll-up failed; the next run retries');
    }
    if (!closed) timer = setTimeout(tick, pending ? 0 : deps.config.ROLLUP_MS);
  };
  const tick = () => {
    running = run();
  };
  timer = setTimeout(tick, 0);

  return {
    name: 'daily-rollup',
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
