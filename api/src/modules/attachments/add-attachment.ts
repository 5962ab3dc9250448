import type { AttachmentRow } from '@hotline/schema';
import type { ServiceContext } from '../../context.js';
import type { AttachmentSettings } from './attachment-settings.js';
import { type CreateAttachmentUploadInput, createAttachmentUpload } from './create-attachment-upload.js';
import { receiveAttachmentUpload } from './receive-attachment-upload.js';

/**
 * Reserves and uploads a file in one call, for callers inside the process (the demo seed): the same
 * checks, storage, variants and ATTACHMENT_ADDED event as the two HTTP steps.
 */
export async function addAttachment(
  ctx: ServiceContext,
  settings: AttachmentSettings,
  input: Omit<CreateAttachmentUploadInput, 'size'>,
  bytes: Buffer,
): Promise<AttachmentRow> {
  const upload = await createAttachmentUpload(ctx, settings, { ...input, size: bytes.length });
  const received = await receiveAttachmentUpload(
    { db: ctx.db, clock: ctx.clock, settings },
    upload.token,
    bytes,
  );
  return received.attachment;
}
