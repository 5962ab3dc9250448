/** Options of a batcher. */
export interface BatcherOptions {
  /** Items run together at most (default 100). */
  maxBatch?: number;
  /** Batches running at once (default 2); more items wait and join the next batch. */
  maxInFlight?: number;
}

interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Collects items submitted one by one (one per BullMQ job) and runs them in batches, so that many
 * effects share one transaction and one commit. A batch starts at once when a slot is free; while
 * `maxInFlight` batches run, new items gather for the next one. Quiet times: batches of one, no delay.
 * Bursts: batches grow by themselves. Each submitter gets its own item's result.
 */
export function createBatcher<T, R>(run: (items: T[]) => Promise<R[]>, options: BatcherOptions = {}) {
  const maxBatch = options.maxBatch ?? 100;
  const maxInFlight = options.maxInFlight ?? 2;
  let pending: Pending<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const start = () => {
    scheduled = false;
    while (inFlight < maxInFlight && pending.length > 0) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(maxBatch);
      inFlight++;
      run(batch.map((entry) => entry.item))
        .then(
          (results) => {
            for (const [index, entry] of batch.entries()) entry.resolve(results[index] as R);
          },
          (error) => {
            for (const entry of batch) entry.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          start();
        });
    }
  };

  return {
    submit(item: T): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        pending.push({ item, resolve, reject });
        // Let the jobs fetched in the same turn of the event loop join this batch.
        if (!scheduled) {
          scheduled = true;
          setImmediate(start);
        }
      });
    },
  };
}
