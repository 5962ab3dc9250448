import { randomBytes } from 'node:crypto';
import { type AttachmentRow, attachments, type NoteVisibility, ticketEvents, tickets } from '@hotline/schema';
import type { Tx } from '@hotline/schema/client';
import { and, eq, gt, or, sql } from 'drizzle-orm';
import { requireSignedIn } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { forbiddenCharacter } from '../../domain/control-characters.js';
import { checkAction } from '../../domain/ticket-machine.js';
import { isUuid } from '../../domain/uuid.js';
import { AppError, badInput, notFound } from '../../errors/app-error.js';
import { mayReadInternalNotes, visibleTickets } from '../tickets/ticket-access.js';
import type { AttachmentSettings } from './attachment-settings.js';
import { declaredKind } from './attachment-types.js';
import { hashUploadToken } from './upload-token.js';

export interface CreateAttachmentUploadInput {
  ticketId: string;
  fileName: string;
  declaredType: string;
  /** Bytes the client will send; the upload may not be larger. */
  size: number;
  visibility: NoteVisibility;
  /** A ticket event the file belongs to (e.g. the RESOLVED reply it documents). */
  eventId?: string | null;
}

export interface AttachmentUpload {
  attachment: AttachmentRow;
  /** Path (or URL under PUBLIC_URL) to PUT or POST the bytes to, once, before expiresAt. */
  uploadUrl: string;
  expiresAt: Date;
  /** The one-use token in uploadUrl (for in-process callers such as the demo seed). */
  token: string;
}

const MAX_FILE_NAME = 200;

/**
 * Reserves an attachment on a ticket the viewer may add to (the rule of notes: AGENT, MANAGER, ADMIN; a
 * HANDLER on its department's tickets; an INTEGRATION on tickets it sees, PUBLIC only) and hands out a
 * one-use upload URL. Type and limits are checked now against what the client declares, and again on the bytes.
 */
export async function createAttachmentUpload(
  ctx: ServiceContext,
  settings: AttachmentSettings,
  input: CreateAttachmentUploadInput,
): Promise<AttachmentUpload> {
  const viewer = ctx.viewer;
  requireSignedIn(viewer);
  if (!isUuid(input.ticketId)) throw notFound('Ticket');
  const fileName = checkFileName(input.fileName);
  declaredKind(input.declaredType);
  if (!Number.isInteger(input.size) || input.size < 1) throw badInput('size must be at least 1 byte', 'size');
  if (input.size > settings.maxBytes) {
    throw new AppError('BAD_USER_INPUT', `A file may have at most ${settings.maxBytes} bytes`, {
      field: 'size',
      reason: 'TOO_LARGE',
      maxBytes: settings.maxBytes,
    });
  }
  if (input.visibility === 'INTERNAL' && !mayReadInternalNotes(viewer)) {
    throw new AppError('FORBIDDEN', 'An API client may add PUBLIC attachments only');
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + settings.uploadTtlSeconds * 1000);
  const attachment = await ctx.db.transaction(async (tx) => {
    // Locking the ticket serialises uploads to it, so two at once cannot both squeeze under the quota.
    const [ticket] = await tx
      .select({ id: tickets.id, status: tickets.status, departmentId: tickets.departmentId })
      .from(tickets)
      .where(and(eq(tickets.id, input.ticketId), visibleTickets(viewer)))
      .for('update');
    if (!ticket) throw notFound('Ticket');
    const refusal = checkAction('addAttachment', ticket, viewer);
    if (refusal) throw new AppError('FORBIDDEN', `A ${viewer.role} may not add files to this ticket`);
    const eventId = await checkEvent(tx, ticket.id, input.eventId);
    const [used] = await tx
      .select({ bytes: sql<string>`coalesce(sum(${attachments.bytes}), 0)` })
      .from(attachments)
      .where(
        and(
          eq(attachments.ticketId, ticket.id),
          or(
            eq(attachments.status, 'READY'),
            and(eq(attachments.status, 'PENDING'), gt(attachments.uploadExpiresAt, now)),
          ),
        ),
      );
    const usedBytes = Number(used?.bytes ?? 0);
    if (usedBytes + input.size > settings.ticketMaxBytes) {
      throw new AppError(
        'BAD_USER_INPUT',
        `A ticket holds at most ${settings.ticketMaxBytes} bytes of files`,
        {
          field: 'size',
          reason: 'TICKET_QUOTA',
          usedBytes,
          maxBytes: settings.ticketMaxBytes,
        },
      );
    }
    const [row] = await tx
      .insert(attachments)
      .values({
        ticketId: ticket.id,
        eventId,
        visibility: input.visibility,
        fileName,
        declaredType: input.declaredType.trim().toLowerCase(),
        bytes: input.size,
        status: 'PENDING',
        uploaderKind: viewer.kind === 'client' ? 'client' : 'user',
        uploaderId: viewer.id ?? '00000000-0000-0000-0000-000000000000',
        createdAt: now,
        uploadTokenHash: hashUploadToken(token),
        uploadExpiresAt: expiresAt,
      })
      .returning();
    if (!row) throw new Error('attachment insert returned nothing');
    return row;
  });
  const uploadUrl = `${settings.publicUrl?.replace(/\/$/, '') ?? ''}/attachments/upload/${token}`;
  return { attachment, uploadUrl, expiresAt, token };
}

/** A file name as shown and offered on download: no folders, no control characters, at most 200 characters. */
function checkFileName(name: string): string {
  const trimmed = name.trim().replace(/^.*[/\\]/, '');
  if (trimmed === '' || trimmed === '.' || trimmed === '..')
    throw badInput('fileName must not be empty', 'fileName');
  if (forbiddenCharacter(trimmed)) throw badInput('fileName contains a control character', 'fileName');
  if ([...trimmed].length > MAX_FILE_NAME) {
    throw badInput(`fileName is too long: at most ${MAX_FILE_NAME} characters`, 'fileName');
  }
  return trimmed;
}

async function checkEvent(
  tx: Tx,
  ticketId: string,
  eventId: string | null | undefined,
): Promise<number | null> {
  if (eventId == null) return null;
  if (!/^\d{1,18}$/.test(eventId)) throw badInput('eventId is not an event of this ticket', 'eventId');
  const [event] = await tx
    .select({ id: ticketEvents.id })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.id, Number(eventId)), eq(ticketEvents.ticketId, ticketId)));
  if (!event) throw badInput('eventId is not an event of this ticket', 'eventId');
  return event.id;
}
