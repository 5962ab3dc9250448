import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge, Registry } from 'prom-client';

/** BullMQ queue depths, read from Redis at each scrape: the same numbers from any process role. */
export class QueueMetrics {
  readonly registry = new Registry();
  private readonly queues = new Map<string, Queue>();
  private queueNames: { names: string[]; until: number } = { names: [], until: 0 };

  /**
   * @param known queues reported even before Redis has their keys (a workers-only process names its own);
   * the others are discovered under the prefix.
   */
  constructor(
    private readonly redis: { client: Redis; prefix: string },
    private readonly known: readonly string[] = [],
  ) {
    const metrics = this;
    new Gauge({
      name: 'hotline_queue_jobs',
      help: 'BullMQ jobs per queue and state.',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [name, counts] of await metrics.queueCounts()) {
          for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
        }
      },
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private async queueCounts(): Promise<[string, Record<string, number>][]> {
    if (this.redis.client.status !== 'ready') return [];
    const results: [string, Record<string, number>][] = [];
    for (const name of await this.discoverQueues()) {
      let queue = this.queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection: this.redis.client, prefix: this.redis.prefix });
        queue.on('error', () => {});
        this.queues.set(name, queue);
      }
      results.push([name, await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized')]);
    }
    return results;
  }

  /** Queue names under the prefix, from BullMQ's meta keys; cached for a minute. */
  private async discoverQueues(): Promise<string[]> {
    if (this.queueNames.until > Date.now()) return this.queueNames.names;
    const names = new Set<string>();
    const pattern = `${this.redis.prefix}:*:meta`;
    let cursor = '0';
    let rounds = 0;
    do {
      const [next, keys] = await this.redis.client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      for (const key of keys) names.add(key.slice(this.redis.prefix.length + 1, -':meta'.length));
      cursor = next;
    } while (cursor !== '0' && ++rounds < 100);
    for (const name of this.known) names.add(name);
    this.queueNames = { names: [...names].sort(), until: Date.now() + 60_000 };
    return this.queueNames.names;
  }
}
