import { createServer } from 'node:http';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { processRegistry } from './process-metrics.js';
import { QueueMetrics } from './queue-metrics.js';

export interface MetricsListenerOptions {
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  /** Where the queue depths are read (BullMQ keys under `prefix`). */
  redis: { client: Redis; prefix: string };
  /** Queues reported from the first scrape on (the workers' own), besides those found in Redis. */
  queues?: readonly string[];
}

/**
 * `GET /metrics` for a process that serves no API (a workers-only process): the process metrics the
 * workers feed and the queue depths, in the same text format the API serves on its own port.
 */
export async function startMetricsListener(
  options: MetricsListenerOptions,
): Promise<{ port: number; stop(): Promise<void> }> {
  const queues = new QueueMetrics(options.redis, options.queues);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    Registry.merge([queues.registry, processRegistry])
      .metrics()
      .then(
        (text) => res.writeHead(200, { 'content-type': processRegistry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, listening);
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    stop: async () => {
      await new Promise<void>((closed) => server.close(() => closed()));
      await queues.close();
    },
  };
}
