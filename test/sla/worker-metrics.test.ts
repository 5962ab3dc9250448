import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hotline } from '../../boot.js';
import { startReceiver } from '../integration/integration-helpers.js';
import { makeDepartment } from '../support/factories.js';
import { startSibling, startTestHotline, type TestHotline } from '../support/hotline.js';
import { FAST_WORKERS, makeDispatched, setSecondsPolicy, waitFor } from './sla-support.js';

/** The README's scale-out set-up: an API-only process and a workers-only process on one database and prefix. */
let app: TestHotline;
let workers: Hotline;
let sql: postgres.Sql;
let departmentId: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
/** A failed delivery waits a minute for its retry: a delayed job the queue depth shows. */
const WORKER_ENV = { ...FAST_WORKERS, WEBHOOK_RELAY_MS: '50', WEBHOOK_RETRY_BASE_MS: '60000' };

beforeAll(async () => {
  app = await startTestHotline({ role: 'api', env: FAST_WORKERS });
  sql = postgres(app.databaseUrl, { max: 1, onnotice: () => {} });
  departmentId = (await makeDepartment(app)).id;
  // Breached one second after dispatch; the escalation at the deadline is an effect job on a queue.
  await setSecondsPolicy(app, 'ORDINARY', {
    resolveWithin: 'PT1S',
    remindAt: [],
    escalation: [{ level: 1, after: 'PT0S' }],
  });
  receiver = await startReceiver();
  receiver.respondWith(500);
  await app.ok(
    'mutation($input: WebhookInput!) { createWebhook(input: $input) { secret } }',
    { input: { url: receiver.url, events: ['ticket.created'] } },
    app.adminToken,
  );
  workers = await startSibling(app, { role: 'workers', env: WORKER_ENV });
});
afterAll(async () => {
  await workers?.stop();
  await receiver?.close();
  await sql?.end();
  await app?.stop();
});

/** One sample of a scrape, e.g. `hotline_sla_breaches_total`; undefined when the series is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function scrape(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
}

describe('metrics of a workers-only process', () => {
  it('serves /metrics on its own port: breaches, webhook failures and queue depths move', async () => {
    expect(workers.port).toBe(0);
    expect(workers.metricsPort).toBeGreaterThan(0);
    const before = await scrape(workers.metricsPort);
    const breachesBefore = sample(before, 'hotline_sla_breaches_total');
    expect(breachesBefore).toBeTypeOf('number');
    const failuresBefore = sample(before, 'hotline_webhook_failures_total')!;
    const delayedDelivery = 'hotline_queue_jobs{queue="webhook-delivery",state="delayed"}';
    expect(sample(before, delayedDelivery)).toBe(0);

    const ticketId = await makeDispatched(app, 'ORDINARY', departmentId);
    await waitFor('the breach and its escalation', async () => {
      const [row] = await sql`
        select t.breached_at, count(e.id)::int as escalations from tickets t
        left join ticket_events e on e.ticket_id = t.id and e.type = 'ESCALATED'
        where t.id = ${ticketId} group by t.id`;
      return row?.breached_at !== null && row?.escalations === 1;
    });
    await receiver.waitFor((all) => all.length >= 1);
    // The failed attempt is recorded, counted, then its job waits for the retry: scrape until it does.
    let after = '';
    await waitFor('the failed delivery to wait for its retry', async () => {
      after = await scrape(workers.metricsPort);
      return sample(after, delayedDelivery) === 1;
    });
    expect(sample(after, 'hotline_sla_breaches_total')).toBe(breachesBefore! + 1);
    expect(sample(after, 'hotline_webhook_failures_total')).toBe(failuresBefore + 1);
    expect(sample(after, 'hotline_webhook_attempts_total{outcome="failed"}')).toBeGreaterThanOrEqual(1);
    // Queue depths come from Redis, so the workers-only process serves them as the API does.
    expect(sample(after, delayedDelivery)).toBe(1);
    expect(sample(after, 'hotline_queue_jobs{queue="sla-effects",state="failed"}')).toBe(0);
    expect(sample(after, 'hotline_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });
});
