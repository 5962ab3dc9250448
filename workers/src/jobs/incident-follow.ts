import { followIncidents } from '@hotline/api/services';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { startPollingLoop } from './polling-loop.js';

/**
 * Every INCIDENT_FOLLOW_MS each worker process resolves the waiting callers (LINKED children) of
 * resolved incidents, in batches (followIncidents). PostgreSQL holds the work list (the children's and
 * parents' states) and SKIP LOCKED shares it, so nothing goes through Redis: a change made while the
 * workers were down is followed once they are back, and any number of processes may run this.
 */
export async function startIncidentFollow(deps: WorkerDeps): Promise<RunningWorker> {
  return startPollingLoop(
    'incident-follow',
    deps.config.INCIDENT_FOLLOW_MS,
    async () => {
      const result = await followIncidents(deps.db, deps.clock);
      if (result.followed > 0) deps.log.debug(result, 'incident callers followed their parent');
      return result;
    },
    (error) => deps.log.warn({ err: error }, 'following incidents failed; the next run retries'),
  );
}
