import { type AttachmentRow, attachments, type TicketEventType, ticketEvents } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError } from '../../errors/app-error.js';
import { mayReadInternalNotes } from '../tickets/ticket-access.js';
import { attachmentMetadata } from './receive-attachment-upload.js';

/** Most files one action may carry (photos before and after, a letter). */
export const MAX_EVIDENCE = 20;

/**
 * The files an action (resolve, a note) names as its evidence, locked: each must be READY on this
 * ticket and not yet on an event; an API client names PUBLIC ones only. BAD_USER_INPUT (field
 * attachmentIds, reason ATTACHMENT_NOT_AVAILABLE) otherwise, the same for a file of another ticket as for
 * one that does not exist, so the answer tells nothing about tickets out of scope.
 */
export async function claimEvidence(
  tx: Tx,
  viewer: Viewer,
  ticketId: string,
  attachmentIds: readonly string[] | null | undefined,
): Promise<AttachmentRow[]> {
  if (!attachmentIds || attachmentIds.length === 0) return [];
  const ids = [...new Set(attachmentIds)];
  if (ids.length > MAX_EVIDENCE) {
    throw new AppError('BAD_USER_INPUT', `An action carries at most ${MAX_EVIDENCE} files`, {
      field: 'attachmentIds',
      reason: 'TOO_MANY',
    });
  }
  const rows = ids.every(isUuid)
    ? await tx
        .select()
        .from(attachments)
        .where(
          and(
            inArray(attachments.id, ids),
            eq(attachments.ticketId, ticketId),
            eq(attachments.status, 'READY'),
            isNull(attachments.eventId),
            mayReadInternalNotes(viewer) ? undefined : eq(attachments.visibility, 'PUBLIC'),
          ),
        )
        .for('update')
    : [];
  const found = new Set(rows.map((row) => row.id));
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError(
      'BAD_USER_INPUT',
      'attachmentIds names a file that is not an uploaded file of this ticket free to attach',
      { field: 'attachmentIds', reason: 'ATTACHMENT_NOT_AVAILABLE', attachmentIds: missing },
    );
  }
  return ids.map((id) => rows.find((row) => row.id === id) as AttachmentRow);
}

/**
 * What the action's webhook says of its files: the metadata of its PUBLIC ones (INTERNAL files never
 * leave the staff side), without eventId (they belong to the webhook's own event). Absent without files.
 */
export function evidenceWebhookExtra(rows: readonly AttachmentRow[]): Record<string, unknown> | undefined {
  if (rows.length === 0) return undefined;
  return {
    attachments: rows
      .filter((row) => row.visibility === 'PUBLIC')
      .map((row) => {
        const { eventId: _ownEvent, ...metadata } = attachmentMetadata(row);
        return metadata;
      }),
  };
}

/**
 * Puts the claimed files on the event the action just wrote (the ticket is locked, so its newest event
 * of that type is this one), in the action's transaction.
 */
export async function linkEvidence(
  tx: Tx,
  ticketId: string,
  eventType: TicketEventType,
  rows: readonly AttachmentRow[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .update(attachments)
    .set({
      eventId: sql`(select max(${ticketEvents.id}) from ${ticketEvents} where ${ticketEvents.ticketId} = ${ticketId} and ${ticketEvents.type} = ${eventType})`,
    })
    .where(
      inArray(
        attachments.id,
        rows.map((row) => row.id),
      ),
    );
}
