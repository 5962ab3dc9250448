import type { RunningWorker } from '../index.js';

/** A pass of a polling loop: whether work is left (then the next pass starts at once). */
export type PollingPass = () => Promise<{ pending: boolean }>;

/**
 * Runs `pass` every `everyMs` in this process, at once again while it reports work left; a pass that
 * throws is logged and retried on the next. For work whose whole state lives in PostgreSQL (nothing in
 * Redis to lose), shared between processes by locks in the database.
 */
export function startPollingLoop(
  name: string,
  everyMs: number,
  pass: PollingPass,
  onError: (error: unknown) => void,
): RunningWorker {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const run = async () => {
    let pending = false;
    try {
      pending = (await pass()).pending;
    } catch (error) {
      onError(error);
    }
    if (!closed) timer = setTimeout(tick, pending ? 0 : everyMs);
  };
  const tick = () => {
    running = run();
  };
  timer = setTimeout(tick, 0);

  return {
    name,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
