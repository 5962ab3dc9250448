import type { Redis } from 'ioredis';
import { Counter, Histogram, Registry } from 'prom-client';
import { processRegistry } from '../metrics/process-metrics.js';
import { QueueMetrics } from '../metrics/queue-metrics.js';

const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Per-server metrics (request latency by operation, GraphQL errors by code), served with the queue depths and the process metrics. */
export class HttpMetrics {
  readonly registry = new Registry();
  private readonly seenOperations = new Set<string>();
  private readonly queues: QueueMetrics;

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

  constructor(redis: { client: Redis; prefix: string }) {
    this.queues = new QueueMetrics(redis);
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
    return Registry.merge([this.registry, this.queues.registry, processRegistry]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async close(): Promise<void> {
    await this.queues.close();
  }
}
