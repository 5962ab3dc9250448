import { type AttachmentRow, apiClients, attachments, users } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';
import type { Clock } from '../../clock.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { changeTicket } from '../tickets/change-ticket.js';
import { makeImageVariants } from './attachment-images.js';
import type { AttachmentSettings } from './attachment-settings.js';
import { declaredKind, isImage, mimeOf, sniffKind } from './attachment-types.js';
import { hashUploadToken } from './upload-token.js';

/** The metadata a webhook carries of an attachment: never its bytes, never a link. */
export function attachmentMetadata(row: AttachmentRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    contentType: row.contentType,
    bytes: row.bytes,
    visibility: row.visibility,
    eventId: row.eventId == null ? null : String(row.eventId),
  };
}

/**
 * Takes the bytes of an upload: spends its token (one use, before it expires), sniffs the type from the
 * bytes, stores the file and, for images, a thumbnail and a copy without EXIF/GPS; then, in the ticket's
 * change path (lock, check, one ATTACHMENT_ADDED event, a webhook for a PUBLIC file), marks it READY.
 * Any refusal drops the reservation and whatever was stored: the client asks for a new upload.
 */
export interface ReceivedUpload {
  attachment: AttachmentRow;
  /**
   * The ticket's version after the file's ATTACHMENT_ADDED step: a client that uploads evidence and then
   * acts on the ticket (resolveTicket with attachmentIds) passes it as expectedVersion.
   */
  ticketVersion: number;
}

export async function receiveAttachmentUpload(
  deps: { db: Db; clock: Clock; settings: AttachmentSettings },
  token: string,
  bytes: Buffer,
): Promise<ReceivedUpload> {
  const { db, clock, settings } = deps;
  const [pending] = await db
    .update(attachments)
    .set({ uploadTokenHash: null })
    .where(
      and(
        eq(attachments.uploadTokenHash, hashUploadToken(token)),
        eq(attachments.status, 'PENDING'),
        isNotNull(attachments.uploadExpiresAt),
        gt(attachments.uploadExpiresAt, clock.now()),
      ),
    )
    .returning();
  if (!pending) throw notFound('Upload');
  try {
    return await storeAndAnnounce(deps, pending, bytes);
  } catch (error) {
    await settings.storage.deletePrefix(`${pending.id}/`);
    await db.delete(attachments).where(eq(attachments.id, pending.id));
    throw error;
  }
}

async function storeAndAnnounce(
  deps: { db: Db; clock: Clock; settings: AttachmentSettings },
  pending: AttachmentRow,
  bytes: Buffer,
): Promise<ReceivedUpload> {
  const { db, clock, settings } = deps;
  if (bytes.length > pending.bytes) {
    throw new AppError('BAD_USER_INPUT', `The upload is larger than the ${pending.bytes} bytes declared`, {
      reason: 'TOO_LARGE',
    });
  }
  if (bytes.length === 0) throw new AppError('BAD_USER_INPUT', 'The upload is empty', { reason: 'EMPTY' });
  const kind = await sniffKind(bytes, declaredKind(pending.declaredType));
  const variants = isImage(kind) ? await makeImageVariants(bytes, kind) : null;
  await settings.storage.put(`${pending.id}/original`, bytes);
  if (variants) {
    await settings.storage.put(`${pending.id}/public`, variants.publicCopy);
    await settings.storage.put(`${pending.id}/thumbnail`, variants.thumbnail);
  }
  const viewer = await uploaderNow(db, pending);
  let ready: AttachmentRow | undefined;
  const ticket = await changeTicket(
    { db, clock, viewer },
    'addAttachment',
    pending.ticketId,
    null,
    async (_ticket, tx, now) => {
      [ready] = await tx
        .update(attachments)
        .set({
          status: 'READY',
          contentType: mimeOf(kind),
          bytes: bytes.length,
          width: variants?.width ?? null,
          height: variants?.height ?? null,
          hasThumbnail: variants !== null,
          // Documents and recordings carry no location metadata we strip; a photo sharp cannot read has no safe copy.
          hasPublicVariant: variants !== null || !isImage(kind),
          readyAt: now,
          uploadExpiresAt: null,
        })
        .where(eq(attachments.id, pending.id))
        .returning();
      if (!ready) throw notFound('Upload');
      return {
        set: {},
        events: [
          {
            type: 'ATTACHMENT_ADDED',
            note: ready.fileName,
            visibility: ready.visibility,
            webhookExtra: { attachment: attachmentMetadata(ready) },
          },
        ],
      };
    },
  );
  if (!ready) throw new Error('attachment vanished inside its own change');
  return { attachment: ready, ticketVersion: ticket.version };
}

/** The uploader as it is now: a deactivated user or revoked client, or one moved elsewhere, is refused then. */
async function uploaderNow(db: Db, row: AttachmentRow): Promise<Viewer> {
  const table = row.uploaderKind === 'client' ? apiClients : users;
  const [who] = await db
    .select({ role: table.role, departmentId: table.departmentId })
    .from(table)
    .where(and(eq(table.id, row.uploaderId), eq(table.active, true)));
  if (!who) throw new AppError('FORBIDDEN', 'The account that asked for this upload may no longer add files');
  return { kind: row.uploaderKind === 'client' ? 'client' : 'user', id: row.uploaderId, ...who };
}
