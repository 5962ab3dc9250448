import {
  webhookDeliveries as deliveryMetric,
  openSecret,
  type ResolveHost,
  resolveSecretKey,
  resolveWebhookHost,
  retryDelayMs,
  signWebhook,
  systemClock,
  webhookFailures,
} from '@hotline/api/services';
import { webhookAttempts, webhookDeliveries, webhooks } from '@hotline/schema';
import { type ConnectionOptions, type Job, UnrecoverableError, Worker } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { retryWhileDatabaseDown } from './database-down.js';
import { type DeliveryJob, WEBHOOK_QUEUE } from './outbox-relay.js';
import { postPinned } from './webhook-request.js';

const TIMEOUT_MS = 10_000;
const CONCURRENCY = 16;
/** A failed attempt, shown to ADMINs, instead of a job that throws forever. */
const UNREADABLE_SECRET =
  'the webhook secret cannot be decrypted with the configured ENCRYPTION_KEY (was the key changed?): restore the key, or delete and recreate the webhook';

interface AttemptOutcome {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * POSTs one delivery per job (Standard Webhooks headers and signature), records every attempt and
 * retries. Retries use BullMQ's own attempts with a custom backoff (about 5 s, doubling, capped at
 * 1 h, enough attempts for 24 h): BullMQ then owns timing, stalled-job recovery and concurrency,
 * while `next_attempt_at` in PostgreSQL mirrors the schedule so the relay's sweep can rebuild a job
 * that Redis lost. A delivered, deleted or given-up delivery ends its job without a request.
 */
export async function startWebhookDelivery(
  deps: WorkerDeps,
  options: {
    /** How hosts are resolved; tests inject one that answers differently each time (DNS rebinding). */
    resolve?: ResolveHost;
  } = {},
): Promise<RunningWorker> {
  const secretKey = await resolveSecretKey(deps.config);
  const baseMs = deps.config.WEBHOOK_RETRY_BASE_MS;
  const refusePrivate = deps.config.NODE_ENV === 'production' && !deps.config.WEBHOOK_ALLOW_PRIVATE;

  async function deliver(job: Job<DeliveryJob>): Promise<void> {
    const [row] = await deps.db
      .select({
        delivery: webhookDeliveries,
        url: webhooks.url,
        secret: webhooks.secretEncrypted,
        active: webhooks.active,
      })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.id, job.data.deliveryId));
    if (!row?.active || row.delivery.deliveredAt) return;
    const { delivery } = row;
    const body = JSON.stringify(delivery.body);
    // Wall time, not the domain clock: receivers check the signature's timestamp against theirs.
    const started = systemClock.now();
    const secret = openSecret(secretKey, row.secret);
    const outcome: AttemptOutcome =
      secret === null
        ? { status: null, error: UNREADABLE_SECRET, durationMs: 0 }
        : await post(row.url, delivery.id, secret, body);
    const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const attemptsLeft = (job.opts.attempts ?? 1) - job.attemptsMade - 1;
    const nextAttemptAt =
      delivered || attemptsLeft <= 0
        ? null
        : new Date(started.getTime() + retryDelayMs(job.attemptsMade + 1, baseMs));
    await deps.db.transaction(async (tx) => {
      await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, at: started, ...outcome });
      await tx
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastStatus: outcome.status,
          lastError: outcome.error,
          lastAttemptAt: started,
          deliveredAt: delivered ? systemClock.now() : null,
          nextAttemptAt,
        })
        .where(eq(webhookDeliveries.id, delivery.id));
    });
    deliveryMetric.inc({ outcome: delivered ? 'delivered' : 'failed' });
    if (delivered) return;
    webhookFailures.inc();
    const reason = outcome.status === null ? (outcome.error ?? 'no answer') : `HTTP ${outcome.status}`;
    if (attemptsLeft <= 0)
      throw new UnrecoverableError(`gave up after ${job.attemptsMade + 1} attempts: ${reason}`);
    throw new Error(reason);
  }

  async function post(url: string, id: string, secret: string, body: string): Promise<AttemptOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const target = new URL(url);
      const address = await resolveWebhookHost(target.hostname, { refusePrivate }, options.resolve);
      const timestamp = Math.floor(systemClock.now().getTime() / 1000);
      const status = await postPinned({
        url: target,
        address,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'hotline-webhooks/1',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(secret, id, timestamp, body),
        },
        body,
        timeoutMs: TIMEOUT_MS,
      });
      return { status, error: null, durationMs: elapsed() };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      const message =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${TIMEOUT_MS / 1000} s`
          : `${error instanceof Error ? error.message : String(error)}${cause ? ` (${cause})` : ''}`;
      return { status: null, error: message.slice(0, 500), durationMs: elapsed() };
    }
  }

  // An outage of PostgreSQL neither uses up attempts nor stretches the backoff.
  const worker = new Worker<DeliveryJob>(WEBHOOK_QUEUE, retryWhileDatabaseDown(deliver), {
    connection: { ...deps.connection, maxRetriesPerRequest: null } as ConnectionOptions,
    prefix: deps.prefix,
    concurrency: CONCURRENCY,
    settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, baseMs) },
  });
  worker.on('error', (error) => deps.log.warn({ err: error }, 'webhook worker connection error'));
  worker.on('failed', (job, error) =>
    deps.log.debug(
      { deliveryId: job?.data.deliveryId, attempt: job?.attemptsMade, reason: error.message },
      'webhook attempt failed',
    ),
  );
  return { name: 'webhook-delivery', close: () => worker.close() };
}
