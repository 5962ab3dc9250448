import { createHash } from 'node:crypto';
import {
  attemptsFor,
  planNotifications,
  resolveSecretKey,
  subscribes,
  systemClock,
} from '@hotline/api/services';
import { notificationDeliveries, outbox, webhookDeliveries, webhooks } from '@hotline/schema';
import { type ConnectionOptions, Queue } from 'bullmq';
import { and, asc, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { NOTIFICATION_QUEUE, type NotificationJob, notificationJobOptions } from './notification-delivery.js';

export const WEBHOOK_QUEUE = 'webhook-delivery';
const BATCH = 100;
/** A due delivery with no job for this long was lost by Redis (flush, failover): enqueue it again. */
const SWEEP_GRACE_MS = 2_000;

/** Job payload: ids only. */
export interface DeliveryJob {
  deliveryId: string;
}

/** The webhook-id of one event for one webhook: the same however often the relay runs. */
function deliveryId(webhookId: string, eventId: number): string {
  return `msg_${createHash('sha256').update(`${webhookId}/${eventId}`).digest('base64url').slice(0, 27)}`;
}

/** BullMQ options of a delivery job; `attempts` covers 24 h of backoff (see webhook-delivery.ts). */
function deliveryJobOptions(id: string, retryBaseMs: number, attemptsDone = 0) {
  return {
    jobId: id,
    attempts: Math.max(attemptsFor(24 * 3_600_000, retryBaseMs) - attemptsDone, 1),
    backoff: { type: 'webhook' },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/**
 * Moves outbox rows to webhook deliveries. PostgreSQL keeps every row until it is relayed, so a
 * change made while Redis or the workers were down goes out once they are back:
 * 1. one transaction claims a batch (FOR UPDATE SKIP LOCKED: relays in several processes share the
 *    work), writes one delivery per matching webhook (id deterministic, unique per webhook and event)
 *    and marks the rows relayed;
 * 2. after commit, one BullMQ job per delivery, job id = delivery id, so re-adding is harmless.
 * If step 2 fails, the sweep finds the due deliveries without a job and enqueues them.
 * The loop is a timer in each worker process, not a BullMQ job scheduler: a scheduler lives in
 * Redis and would vanish with a flush, taking the recovery with it.
 */
export async function startOutboxRelay(deps: WorkerDeps): Promise<RunningWorker> {
  const queue = new Queue<DeliveryJob, void, string>(WEBHOOK_QUEUE, {
    connection: deps.connection as ConnectionOptions,
    prefix: deps.prefix,
  });
  queue.on('error', (error) => deps.log.warn({ err: error }, 'webhook queue connection error'));
  const retryBaseMs = deps.config.WEBHOOK_RETRY_BASE_MS;
  const notifications = new Queue<NotificationJob, void, string>(NOTIFICATION_QUEUE, {
    connection: deps.connection as ConnectionOptions,
    prefix: deps.prefix,
  });
  notifications.on('error', (error) => deps.log.warn({ err: error }, 'notification queue connection error'));
  const notificationBaseMs = deps.config.NOTIFICATION_RETRY_BASE_MS;
  const notificationSettings = {
    serverKey: await resolveSecretKey(deps.config),
    sms: Boolean(deps.config.SMS_PROVIDER_URL),
    email: Boolean(deps.config.SMTP_URL),
  };

  async function relayBatch(): Promise<number> {
    const now = systemClock.now();
    const created = await deps.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.relayedAt))
        .orderBy(asc(outbox.id))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      if (rows.length === 0) return { claimed: 0, ids: [] as string[], notificationIds: [] as string[] };
      const active = await tx
        .select({ id: webhooks.id, events: webhooks.events })
        .from(webhooks)
        .where(eq(webhooks.active, true));
      const deliveries = rows.flatMap((row) =>
        active
          .filter((webhook) => subscribes(webhook.events, row.type))
          .map((webhook) => ({
            id: deliveryId(webhook.id, row.eventId),
            webhookId: webhook.id,
            eventId: row.eventId,
            eventType: row.type,
            body: { type: row.type, timestamp: row.createdAt.toISOString(), data: row.payload },
            nextAttemptAt: now,
            createdAt: now,
          })),
      );
      if (deliveries.length > 0) await tx.insert(webhookDeliveries).values(deliveries).onConflictDoNothing();
      // The caller's notifications ride the same outbox rows, in the same transaction.
      const notificationIds = await planNotifications(tx, rows, now, notificationSettings);
      await tx
        .update(outbox)
        .set({ relayedAt: now })
        .where(
          inArray(
            outbox.id,
            rows.map((row) => row.id),
          ),
        );
      return { claimed: rows.length, ids: deliveries.map((delivery) => delivery.id), notificationIds };
    });
    if (created.notificationIds.length > 0) {
      await notifications.addBulk(
        created.notificationIds.map((id) => ({
          name: 'notify',
          data: { deliveryId: id },
          opts: notificationJobOptions(id, notificationBaseMs),
        })),
      );
    }
    if (created.ids.length > 0) {
      await queue.addBulk(
        created.ids.map((id) => ({
          name: 'deliver',
          data: { deliveryId: id },
          opts: deliveryJobOptions(id, retryBaseMs),
        })),
      );
    }
    return created.claimed;
  }

  /**
   * Due, undelivered deliveries whose job is gone are enqueued again. A failed job counts as gone
   * (e.g. it stalled twice in crashed workers): it keeps the delivery's id, so it must be removed first.
   */
  async function sweep(): Promise<void> {
    const due = await deps.db
      .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
      .from(webhookDeliveries)
      .where(
        and(
          isNull(webhookDeliveries.deliveredAt),
          isNotNull(webhookDeliveries.nextAttemptAt),
          lte(webhookDeliveries.nextAttemptAt, new Date(systemClock.now().getTime() - SWEEP_GRACE_MS)),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(500);
    let requeued = 0;
    for (const delivery of due) {
      const job = await queue.getJob(delivery.id);
      if (job && !(await job.isFailed())) continue;
      await job?.remove();
      await queue.add(
        'deliver',
        { deliveryId: delivery.id },
        deliveryJobOptions(delivery.id, retryBaseMs, delivery.attempts),
      );
      requeued++;
    }
    if (requeued > 0) deps.log.info({ requeued }, 'webhook deliveries re-enqueued after losing their jobs');
    await sweepNotifications();
  }

  /** The same for notifications. */
  async function sweepNotifications(): Promise<void> {
    const due = await deps.db
      .select({ id: notificationDeliveries.id, attempts: notificationDeliveries.attempts })
      .from(notificationDeliveries)
      .where(
        and(
          isNull(notificationDeliveries.deliveredAt),
          isNotNull(notificationDeliveries.nextAttemptAt),
          lte(notificationDeliveries.nextAttemptAt, new Date(systemClock.now().getTime() - SWEEP_GRACE_MS)),
        ),
      )
      .orderBy(asc(notificationDeliveries.nextAttemptAt))
      .limit(500);
    for (const delivery of due) {
      const job = await notifications.getJob(delivery.id);
      if (job && !(await job.isFailed())) continue;
      await job?.remove();
      await notifications.add(
        'notify',
        { deliveryId: delivery.id },
        notificationJobOptions(delivery.id, notificationBaseMs, delivery.attempts),
      );
    }
  }

  let stopped = false;
  let busy: Promise<void> | null = null;
  let lastSweep = 0;
  const tick = async () => {
    try {
      while (!stopped && (await relayBatch()) === BATCH) {}
      if (Date.now() - lastSweep >= deps.config.WEBHOOK_SWEEP_MS) {
        lastSweep = Date.now();
        await sweep();
      }
    } catch (error) {
      deps.log.warn({ err: error }, 'outbox relay pass failed; retrying on the next tick');
    }
  };
  // A pass still running when the timer fires again is not doubled up.
  const timer = setInterval(() => {
    busy ??= tick().finally(() => {
      busy = null;
    });
  }, deps.config.WEBHOOK_RELAY_MS);

  return {
    name: 'outbox-relay',
    close: async () => {
      stopped = true;
      clearInterval(timer);
      await busy;
      await queue.close();
      await notifications.close();
    },
  };
}
