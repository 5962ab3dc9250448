import { Counter, collectDefaultMetrics, Registry } from 'prom-client';

/**
 * Process-wide metrics, fed where their event happens whatever the process role (the API's request
 * metrics live in http/http-metrics.ts). Label values are bounded enums or our own names: never ids,
 * phone numbers or client-chosen text.
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
