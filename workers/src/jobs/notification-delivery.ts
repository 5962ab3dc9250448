import {
  attemptsFor,
  openSecret,
  renderTemplate,
  resolveSecretKey,
  retryDelayMs,
  systemClock,
  type TemplateValues,
  templateFor,
} from '@hotline/api/services';
import {
  type CallerLanguage,
  citizenAccess,
  departments,
  type NotificationEvent,
  notificationAttempts,
  notificationDeliveries,
  ticketEvents,
  tickets,
} from '@hotline/schema';
import { type ConnectionOptions, type Job, UnrecoverableError, Worker } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import type { RunningWorker, WorkerDeps } from '../index.js';
import { type NotificationSender, redactRecipient } from '../notifications/channel.js';
import { httpSmsSender } from '../notifications/sms-http.js';
import { smtpEmailSender } from '../notifications/smtp-email.js';
import { retryWhileDatabaseDown } from './database-down.js';

export const NOTIFICATION_QUEUE = 'notification-delivery';
const CONCURRENCY = 8;
/** Notifications are retried for a day, like webhooks. */
const RETRY_WINDOW_MS = 24 * 3_600_000;

/** Job payload: ids only (never a phone number or an address). */
export interface NotificationJob {
  deliveryId: string;
}

/** BullMQ options of a notification job (see startNotificationDelivery). */
export function notificationJobOptions(id: string, retryBaseMs: number, attemptsDone = 0) {
  return {
    jobId: id,
    attempts: Math.max(attemptsFor(RETRY_WINDOW_MS, retryBaseMs) - attemptsDone, 1),
    backoff: { type: 'notification' },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

/** The senders the configuration turns on: SMS with SMS_PROVIDER_URL, e-mail with SMTP_URL. */
export function configuredSenders(config: WorkerDeps['config']): NotificationSender[] {
  const senders: NotificationSender[] = [];
  if (config.SMS_PROVIDER_URL)
    senders.push(httpSmsSender({ url: config.SMS_PROVIDER_URL, token: config.SMS_PROVIDER_TOKEN }));
  if (config.SMTP_URL) senders.push(smtpEmailSender({ url: config.SMTP_URL, from: config.SMTP_FROM }));
  return senders;
}

/** The address callers reach the status page at. */
export function publicUrl(config: WorkerDeps['config']): string {
  return (config.PUBLIC_URL ?? `http://localhost:${config.PORT || 4000}`).replace(/\/+$/, '');
}

/**
 * Sends one notification per job and records every attempt (recipient masked) in
 * notification_attempts and the log. Retries use BullMQ's attempts with a backoff from
 * NOTIFICATION_RETRY_BASE_MS (doubling, capped at 1 h, for 24 h); `next_attempt_at` mirrors the
 * schedule so the relay's sweep can rebuild a job Redis lost. The lookup code or satisfaction token a
 * message carries is erased from the delivery once it is sent or given up.
 */
export async function startNotificationDelivery(
  deps: WorkerDeps,
  options: { senders?: NotificationSender[] } = {},
): Promise<RunningWorker> {
  const senders = options.senders ?? configuredSenders(deps.config);
  const serverKey = await resolveSecretKey(deps.config);
  const baseMs = deps.config.NOTIFICATION_RETRY_BASE_MS;
  const base = publicUrl(deps.config);

  // A caller of an incident has no department of its own: the parent's answered it.
  const answeringDepartment = sql`coalesce(${tickets.departmentId}, (select parent.department_id from tickets parent where parent.id = ${tickets.incidentId}))`;

  async function deliver(job: Job<NotificationJob>): Promise<void> {
    const [row] = await deps.db
      .select({
        delivery: notificationDeliveries,
        number: tickets.number,
        phone: tickets.callerPhone,
        reply: tickets.reply,
        dueAt: tickets.dueAt,
        department: departments.name,
        email: citizenAccess.email,
      })
      .from(notificationDeliveries)
      .innerJoin(tickets, eq(tickets.id, notificationDeliveries.ticketId))
      .leftJoin(departments, eq(departments.id, answeringDepartment))
      .leftJoin(citizenAccess, eq(citizenAccess.ticketId, tickets.id))
      .where(eq(notificationDeliveries.id, job.data.deliveryId));
    if (!row || row.delivery.deliveredAt || !row.delivery.nextAttemptAt) return;
    const { delivery } = row;
    const sender = senders.find((candidate) => candidate.channel === delivery.channel);
    const to = delivery.channel === 'SMS' ? row.phone : row.email;
    const language = delivery.language as CallerLanguage;
    const secret = delivery.sealedSecret ? openSecret(serverKey, delivery.sealedSecret) : null;
    const values: TemplateValues = {
      number: row.number,
      department: row.department ?? '',
      reply: row.reply ?? '',
      dueAt: row.dueAt ? formatTime(row.dueAt, language) : '',
      statusUrl: `${base}/status#n=${row.number}${delivery.event === 'INTAKE' && secret ? `&c=${secret}` : ''}&lang=${language}`,
    };
    if (delivery.event === 'INTAKE' && secret) values.code = secret;
    if (delivery.event === 'PUBLIC_NOTE') values.note = await publicNoteOf(delivery.eventId);
    if (delivery.event === 'RESOLVED' && secret)
      values.feedbackUrl = `${base}/status/feedback#t=${secret}&lang=${language}`;

    const started = performance.now();
    let error: string | null = null;
    let permanent = false;
    if (!sender) [error, permanent] = [`the ${delivery.channel} channel is not configured`, true];
    else if (!to) [error, permanent] = ['the caller has no address on this channel any more', true];
    else {
      const template = await templateFor(deps.db, delivery.event as NotificationEvent, language);
      try {
        await sender.send({
          reference: delivery.id,
          to,
          subject: renderTemplate(template.subject, values),
          body: renderTemplate(template.body, values),
          language,
        });
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : String(failure);
        error = redactRecipient(message || 'failed', to);
      }
    }
    const durationMs = Math.round(performance.now() - started);
    const sent = error === null;
    const attemptsLeft = permanent ? 0 : (job.opts.attempts ?? 1) - job.attemptsMade - 1;
    const now = systemClock.now();
    const finished = sent || attemptsLeft <= 0;
    await deps.db.transaction(async (tx) => {
      await tx.insert(notificationAttempts).values({
        deliveryId: delivery.id,
        at: now,
        recipientMasked: delivery.recipientMasked,
        ok: sent,
        error,
        durationMs,
      });
      await tx
        .update(notificationDeliveries)
        .set({
          attempts: sql`${notificationDeliveries.attempts} + 1`,
          lastError: error,
          lastAttemptAt: now,
          deliveredAt: sent ? now : null,
          nextAttemptAt: finished
            ? null
            : new Date(now.getTime() + retryDelayMs(job.attemptsMade + 1, baseMs)),
          ...(finished ? { sealedSecret: null } : {}),
        })
        .where(eq(notificationDeliveries.id, delivery.id));
    });
    deps.log.info(
      {
        deliveryId: delivery.id,
        channel: delivery.channel,
        event: delivery.event,
        recipient: delivery.recipientMasked,
        attempt: job.attemptsMade + 1,
        ok: sent,
        error,
        ms: durationMs,
      },
      'notification attempt',
    );
    if (sent) return;
    if (attemptsLeft <= 0)
      throw new UnrecoverableError(`gave up after ${job.attemptsMade + 1} attempts: ${error}`);
    throw new Error(error ?? 'failed');
  }

  /** The text of the PUBLIC note an event added (never an INTERNAL one, whatever the id). */
  async function publicNoteOf(eventId: number): Promise<string> {
    const [note] = await deps.db
      .select({ body: ticketEvents.note })
      .from(ticketEvents)
      .where(
        and(
          eq(ticketEvents.id, eventId),
          eq(ticketEvents.type, 'NOTE_ADDED'),
          eq(ticketEvents.visibility, 'PUBLIC'),
        ),
      );
    return note?.body ?? '';
  }

  const worker = new Worker<NotificationJob>(NOTIFICATION_QUEUE, retryWhileDatabaseDown(deliver), {
    connection: { ...deps.connection, maxRetriesPerRequest: null } as ConnectionOptions,
    prefix: deps.prefix,
    concurrency: CONCURRENCY,
    settings: { backoffStrategy: (attemptsMade: number) => retryDelayMs(attemptsMade, baseMs) },
  });
  worker.on('error', (error) => deps.log.warn({ err: error }, 'notification worker connection error'));
  return {
    name: 'notification-delivery',
    close: async () => {
      await worker.close();
      await Promise.all(senders.map((sender) => sender.close?.()));
    },
  };
}

function formatTime(at: Date, language: CallerLanguage): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  }).format(at);
}
