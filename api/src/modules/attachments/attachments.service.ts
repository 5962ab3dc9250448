import { type AttachmentRow, attachments, tickets } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, asc, desc, eq, inArray, like } from 'drizzle-orm';
import type { Viewer } from '../../auth/viewer.js';
import type { ServiceContext } from '../../context.js';
import { isUuid } from '../../domain/uuid.js';
import { notFound } from '../../errors/app-error.js';
import { mayReadInternalNotes, visibleTickets } from '../tickets/ticket-access.js';
import { type AttachmentVariant, linkIsValid, signedPath } from './attachment-links.js';
import type { AttachmentSettings } from './attachment-settings.js';

/** An attachment as a viewer gets it: metadata and short-lived links to what it may download. */
export interface AttachmentView extends AttachmentRow {
  downloadUrl: string | null;
  thumbnailUrl: string | null;
  linksExpireAt: Date;
}

/** Whether the viewer gets the original bytes (staff users) or only the copy without metadata (the rest). */
function readsOriginals(viewer: Viewer): boolean {
  return mayReadInternalNotes(viewer);
}

/**
 * The READY attachments of tickets whose visibility the caller checked, in the order they arrived, per ticket: API
 * clients (integrations) get PUBLIC ones only.
 */
export async function listAttachments(ctx: ServiceContext, ticketIds: readonly string[]) {
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.ticketId, [...ticketIds]),
        eq(attachments.status, 'READY'),
        readsOriginals(ctx.viewer) ? undefined : eq(attachments.visibility, 'PUBLIC'),
      ),
    )
    .orderBy(asc(attachments.readyAt), asc(attachments.id));
  return ticketIds.map((id) => rows.filter((row) => row.ticketId === id));
}

/**
 * The READY files of events the caller already showed the viewer, in the order they arrived, per event:
 * API clients get PUBLIC ones only.
 */
export async function listEventAttachments(ctx: ServiceContext, eventIds: readonly number[]) {
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.eventId, [...eventIds]),
        eq(attachments.status, 'READY'),
        readsOriginals(ctx.viewer) ? undefined : eq(attachments.visibility, 'PUBLIC'),
      ),
    )
    .orderBy(asc(attachments.readyAt), asc(attachments.id));
  return eventIds.map((id) => rows.filter((row) => row.eventId === id));
}

/** One attachment, when the viewer sees its ticket and may read it; null otherwise. */
export async function getAttachment(ctx: ServiceContext, id: string): Promise<AttachmentRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await ctx.db
    .select({ attachment: attachments })
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(
      and(
        eq(attachments.id, id),
        eq(attachments.status, 'READY'),
        visibleTickets(ctx.viewer),
        readsOriginals(ctx.viewer) ? undefined : eq(attachments.visibility, 'PUBLIC'),
      ),
    );
  return row?.attachment ?? null;
}

/**
 * The links a viewer gets to an attachment it may read: staff the original, everyone else the copy
 * without EXIF/GPS (none for a photo that copy could not be made of). Links are signed, bound to the
 * attachment and variant, and expire after ATTACHMENT_LINK_TTL_SECONDS.
 */
export function withLinks(
  row: AttachmentRow,
  viewer: Viewer,
  settings: AttachmentSettings,
  now: Date,
): AttachmentView {
  const linksExpireAt = new Date(now.getTime() + settings.linkTtlSeconds * 1000);
  const link = (variant: AttachmentVariant) =>
    `${settings.publicUrl?.replace(/\/$/, '') ?? ''}${signedPath(settings.linkKey, row.id, variant, linksExpireAt)}`;
  const download = readsOriginals(viewer) ? 'original' : row.hasPublicVariant ? 'public' : null;
  return {
    ...row,
    downloadUrl: download ? link(download) : null,
    thumbnailUrl: row.hasThumbnail ? link('thumbnail') : null,
    linksExpireAt,
  };
}

/** What a download link serves: the attachment, the stored key of the variant, and the type to send. */
export interface AttachmentFile {
  attachment: AttachmentRow;
  key: string;
  contentType: string;
}

/**
 * The file a signed link names, when its signature holds and it has not expired; NOT_FOUND otherwise
 * (a tampered, expired or foreign link tells nothing about what exists).
 */
export async function openAttachmentLink(
  db: Db,
  settings: AttachmentSettings,
  link: { id: string; variant: AttachmentVariant; expires: string; signature: string },
  now: Date,
): Promise<AttachmentFile> {
  if (!isUuid(link.id) || !linkIsValid(settings.linkKey, link, now)) throw notFound('Attachment');
  const [attachment] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, link.id), eq(attachments.status, 'READY')));
  if (!attachment) throw notFound('Attachment');
  if (link.variant === 'thumbnail') {
    if (!attachment.hasThumbnail) throw notFound('Attachment');
    return { attachment, key: `${attachment.id}/thumbnail`, contentType: 'image/jpeg' };
  }
  const contentType = attachment.contentType ?? 'application/octet-stream';
  if (link.variant === 'public') {
    if (!attachment.hasPublicVariant) throw notFound('Attachment');
    // Only images have a separate stripped copy; documents and recordings are served as stored.
    const key = attachment.hasThumbnail ? `${attachment.id}/public` : `${attachment.id}/original`;
    return { attachment, key, contentType };
  }
  return { attachment, key: `${attachment.id}/original`, contentType };
}

/**
 * For the caller's side (Open311 `media_url`): each ticket's latest PUBLIC photo, as a signed link to its
 * copy without EXIF/GPS, under `origin` (PUBLIC_URL, else the request's own). Never an INTERNAL file.
 */
export async function publicPhotoLinks(
  db: Db,
  settings: AttachmentSettings,
  ticketIds: readonly string[],
  now: Date,
  origin: string,
): Promise<Map<string, string>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([attachments.ticketId], { ticketId: attachments.ticketId, id: attachments.id })
    .from(attachments)
    .where(
      and(
        inArray(attachments.ticketId, [...ticketIds]),
        eq(attachments.status, 'READY'),
        eq(attachments.visibility, 'PUBLIC'),
        eq(attachments.hasPublicVariant, true),
        like(attachments.contentType, 'image/%'),
      ),
    )
    .orderBy(attachments.ticketId, desc(attachments.readyAt), desc(attachments.id));
  const expiresAt = new Date(now.getTime() + settings.linkTtlSeconds * 1000);
  const base = (settings.publicUrl ?? origin).replace(/\/$/, '');
  return new Map(
    rows.map((row) => [row.ticketId, `${base}${signedPath(settings.linkKey, row.id, 'public', expiresAt)}`]),
  );
}

/** A photo as the citizen status page shows it: links to the thumbnail and the copy without EXIF/GPS. */
export interface PublicPhoto {
  fileName: string;
  thumbnailUrl: string;
  url: string;
}

/** Most photos the status page lists (the newest). */
const STATUS_PAGE_PHOTOS = 12;

/**
 * For the citizen status page: the ticket's PUBLIC photos that have a copy without metadata and a
 * thumbnail, oldest first, as signed paths on the API's origin that expire after ATTACHMENT_LINK_TTL_SECONDS.
 * Never an INTERNAL file, never an original (a HEIC photo, which has no stripped copy, is not shown).
 */
export async function publicPhotos(
  db: Db,
  settings: AttachmentSettings,
  ticketId: string,
  now: Date,
): Promise<PublicPhoto[]> {
  const rows = await db
    .select({ id: attachments.id, fileName: attachments.fileName })
    .from(attachments)
    .where(
      and(
        eq(attachments.ticketId, ticketId),
        eq(attachments.status, 'READY'),
        eq(attachments.visibility, 'PUBLIC'),
        eq(attachments.hasPublicVariant, true),
        eq(attachments.hasThumbnail, true),
      ),
    )
    .orderBy(desc(attachments.readyAt), desc(attachments.id))
    .limit(STATUS_PAGE_PHOTOS);
  const expiresAt = new Date(now.getTime() + settings.linkTtlSeconds * 1000);
  return rows.reverse().map((row) => ({
    fileName: row.fileName,
    thumbnailUrl: signedPath(settings.linkKey, row.id, 'thumbnail', expiresAt),
    url: signedPath(settings.linkKey, row.id, 'public', expiresAt),
  }));
}
