import { attachments } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import type { AttachmentStorage } from './attachment-storage.js';

/**
 * How long past its upload URL's expiry a reservation is left alone: an upload whose bytes arrived
 * just in time is still being sniffed, resized and stored (seconds); only then is it READY.
 */
export const PENDING_GRACE_MS = 10 * 60_000;

export interface PurgeExpiredUploadsOptions {
  /** Reservations handled per batch (default 200). */
  batch?: number;
  /** Batches per call at most (default 10): a backlog is worked off over several calls. */
  maxBatches?: number;
}

/**
 * Removes upload reservations whose URL expired unused, and uploads that failed half-way (a process
 * that died while storing): their stored pieces first, then the row, so nothing is left behind whatever
 * stops it. Bounded: at most `batch * maxBatches` per call. Returns how many were removed.
 */
export async function purgeExpiredUploads(
  db: Db,
  storage: AttachmentStorage,
  now: Date,
  options: PurgeExpiredUploadsOptions = {},
): Promise<number> {
  const batch = options.batch ?? 200;
  const maxBatches = options.maxBatches ?? 10;
  const cutoff = new Date(now.getTime() - PENDING_GRACE_MS);
  const expired = and(eq(attachments.status, 'PENDING'), lt(attachments.uploadExpiresAt, cutoff));
  let removed = 0;
  for (let round = 0; round < maxBatches; round++) {
    const rows = await db
      .select({ id: attachments.id })
      .from(attachments)
      .where(expired)
      .orderBy(asc(attachments.uploadExpiresAt))
      .limit(batch);
    if (rows.length === 0) break;
    const ids = rows.map((row) => row.id);
    for (const id of ids) await storage.deletePrefix(`${id}/`);
    // Still PENDING and expired: a competing worker may have taken some already, which is harmless.
    const deleted = await db
      .delete(attachments)
      .where(and(inArray(attachments.id, ids), expired))
      .returning({ id: attachments.id });
    removed += deleted.length;
    if (rows.length < batch) break;
  }
  return removed;
}
