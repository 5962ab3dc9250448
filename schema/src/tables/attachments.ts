import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { noteVisibilityEnum } from '../enums.js';
import { tickets } from './tickets.js';

const at = () => timestamp({ withTimezone: true });

/**
 * A photo, document or recording on a ticket (optionally on one of its events: evidence at resolve).
 * The row is written when an upload is asked for (PENDING, with a one-use upload token) and becomes READY
 * once the bytes arrived, their type was sniffed and the variants were made.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id),
    /** The ticket event it belongs to (e.g. the RESOLVED reply); null: the ticket as a whole. */
    eventId: bigint({ mode: 'number' }),
    /** INTERNAL: staff only; PUBLIC: also the caller's side and integrations (stripped variant only). */
    visibility: noteVisibilityEnum().notNull(),
    fileName: text().notNull(),
    /** The type the uploader declared; the stored type is sniffed from the bytes and must agree. */
    declaredType: text().notNull(),
    /** Sniffed from the bytes; null until READY. */
    contentType: text(),
    /** Declared size while PENDING (reserved against the ticket's quota), the real size once READY. */
    bytes: bigint({ mode: 'number' }).notNull(),
    /** PENDING, READY. */
    status: text().notNull(),
    /** Image size in pixels (after EXIF orientation); null for other files. */
    width: integer(),
    height: integer(),
    /** A small JPEG thumbnail was made (images sharp decodes). */
    hasThumbnail: boolean().notNull().default(false),
    /** A copy without metadata (EXIF, GPS) exists: the only bytes the caller's side and integrations get. */
    hasPublicVariant: boolean().notNull().default(false),
    /** 'user' or 'client' (API client), and its id. */
    uploaderKind: text().notNull(),
    uploaderId: uuid().notNull(),
    createdAt: at().notNull(),
    readyAt: at(),
    /** SHA-256 of the one-use upload token (never the token), and when it stops working. */
    uploadTokenHash: text(),
    uploadExpiresAt: at(),
  },
  (t) => [
    index('attachments_ticket_idx').on(t.ticketId, t.createdAt),
    index('attachments_upload_token_idx').on(t.uploadTokenHash).where(sql`upload_token_hash is not null`),
    // Reservations left unused or half-stored, for the worker that removes them once expired.
    index('attachments_pending_expiry_idx').on(t.uploadExpiresAt).where(sql`status = 'PENDING'`),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The embedded storage of attachment files: each stored object (`<attachment id>/<variant>`) in chunks,
 * so `pnpm start` needs no other service and any API process serves any file.
 */
export const attachmentBlobs = pgTable(
  'attachment_blobs',
  {
    key: text().notNull(),
    seq: integer().notNull(),
    data: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);

export type AttachmentRow = typeof attachments.$inferSelect;
