import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Process-wide metrics that workers also feed (webhook outcomes, SLA breaches). Label values are
 * bounded enums or our own names: never ids, phone numbers or client-chosen text.
 */
export const processRegistry = new Registry();
collectDefaultMetrics({ register: processRegistry, prefix: 'hotline_' });

export const webhookDeliveries = new Counter({
  name: 'hotline_webhook_attempts_total',
  help: 'Webhook delivery attempts by outcome (delivered, failed: non-2xx or no answer in 10 s).',
  labelNames: ['outcome'] as const,
  registers: [processRegistry],
});

export const webhookFailures = new Counter({
  name: 'hotline_webhook_failures_total',
  help: 'Webhook attempts that failed (non-2xx, timeout, network error); each is retried with backoff.',
  registers: [processRegistry],
});

export const slaBreaches = new Counter({
  name: 'hotline_sla_breaches_total',
  help: 'Tickets whose resolution deadline passed while the clock ran.',
  registers: [processRegistry],
});

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Per-server metrics: request latency by operation, GraphQL errors by code, BullMQ queue depths. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly seenOperations = new Set<string>();
  private readonly queues = new Map<string, Queue>();
  private queueNames: { names: string[]; until: number } = { names: [], until: 0 };

  readonly requestDuration = new Histogram({
    name: 'hotline_http_request_duration_seconds',
    help: 'HTTP request latency by route, GraphQL operation name and status.',
    labelNames: ['method', 'route', 'operation', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'hotline_graphql_errors_total',
    help: 'GraphQL errors answered, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(private readonly redis: { client: Redis; prefix: string }) {
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

  /** A bounded label for a client-chosen operation name. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.seenOperations.has(name)) return name;
    if (this.seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
    this.seenOperations.add(name);
    return name;
  }

  async text(): Promise<string> {
    return Registry.merge([this.registry, processRegistry]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
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
    this.queueNames = { names: [...names].sort(), until: Date.now() + 60_000 };
    return this.queueNames.names;
  }
}
