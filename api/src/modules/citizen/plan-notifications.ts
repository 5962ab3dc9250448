import { createHash } from 'node:crypto';
import {
  type CallerLanguage,
  citizenAccess,
  type NotificationChannel,
  type NotificationEvent,
  notificationDeliveries,
  tickets,
} from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { eq, inArray } from 'drizzle-orm';
import { maskPhone } from '../tickets/ticket-access.js';
import { encryptSecret } from '../webhooks/webhook-secrets.js';
import { maskEmail } from './citizen-secrets.js';
import { issueFeedbackToken } from './self-service-feedback.js';

/** The outbox (webhook) event types a caller hears about, and as what. */
const NOTIFIED: Record<string, NotificationEvent> = {
  'ticket.created': 'INTAKE',
  // Written for PUBLIC notes only (an INTERNAL note has no outbox row).
  'ticket.note_added': 'PUBLIC_NOTE',
  'ticket.resolved': 'RESOLVED',
  'ticket.closed': 'CLOSED',
};

export interface NotificationSettings {
  serverKey: Buffer;
  /** Which channels are configured (SMS_PROVIDER_URL, SMTP_URL). */
  sms: boolean;
  email: boolean;
}

/** The id of one event's message on one channel: the same however often the relay runs. */
export function notificationId(eventId: number, channel: NotificationChannel): string {
  return `ntf_${createHash('sha256').update(`${eventId}/${channel}`).digest('base64url').slice(0, 27)}`;
}

/**
 * Turns claimed outbox rows into notification deliveries, in the relay's transaction: one per
 * configured channel the caller can be reached on. Intake moves the sealed lookup code onto its
 * deliveries (and off citizen_access, notified or not); resolution issues a fresh satisfaction link.
 * Returns the ids of the deliveries written.
 */
export async function planNotifications(
  tx: Tx,
  rows: readonly { eventId: number; ticketId: string; type: string }[],
  now: Date,
  settings: NotificationSettings,
): Promise<string[]> {
  const due = rows.filter((row) => NOTIFIED[row.type]);
  if (due.length === 0) return [];
  const contacts = await tx
    .select({
      ticketId: tickets.id,
      phone: tickets.callerPhone,
      email: citizenAccess.email,
      language: citizenAccess.language,
      sealedCode: citizenAccess.sealedCode,
    })
    .from(tickets)
    .innerJoin(citizenAccess, eq(citizenAccess.ticketId, tickets.id))
    .where(
      inArray(
        tickets.id,
        due.map((row) => row.ticketId),
      ),
    );
  const byTicket = new Map(contacts.map((contact) => [contact.ticketId, contact]));
  const deliveries: (typeof notificationDeliveries.$inferInsert)[] = [];
  for (const row of due) {
    const contact = byTicket.get(row.ticketId);
    if (!contact) continue;
    const event = NOTIFIED[row.type]!;
    const recipients: { channel: NotificationChannel; masked: string }[] = [];
    if (settings.sms && contact.phone) recipients.push({ channel: 'SMS', masked: maskPhone(contact.phone) });
    if (settings.email && contact.email)
      recipients.push({ channel: 'EMAIL', masked: maskEmail(contact.email) });
    let sealedSecret: string | null = null;
    if (event === 'INTAKE') sealedSecret = contact.sealedCode;
    if (event === 'RESOLVED' && recipients.length > 0) {
      sealedSecret = encryptSecret(
        settings.serverKey,
        await issueFeedbackToken(tx, settings.serverKey, row.ticketId, now),
      );
    }
    for (const recipient of recipients) {
      deliveries.push({
        id: notificationId(row.eventId, recipient.channel),
        ticketId: row.ticketId,
        eventId: row.eventId,
        event,
        channel: recipient.channel,
        language: contact.language as CallerLanguage,
        recipientMasked: recipient.masked,
        sealedSecret,
        nextAttemptAt: now,
        createdAt: now,
      });
    }
  }
  const intakes = due.filter((row) => NOTIFIED[row.type] === 'INTAKE').map((row) => row.ticketId);
  if (intakes.length > 0)
    await tx.update(citizenAccess).set({ sealedCode: null }).where(inArray(citizenAccess.ticketId, intakes));
  if (deliveries.length === 0) return [];
  const written = await tx
    .insert(notificationDeliveries)
    .values(deliveries)
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id });
  return written.map((delivery) => delivery.id);
}
