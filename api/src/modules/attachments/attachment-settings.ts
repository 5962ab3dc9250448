import type { AttachmentStorage } from './attachment-storage.js';

/** How this deployment takes and serves attachments (config ATTACHMENT_*, see README). */
export interface AttachmentSettings {
  storage: AttachmentStorage;
  /** Largest file, in bytes (ATTACHMENT_MAX_BYTES, default 20 MB). */
  maxBytes: number;
  /** Most bytes on one ticket, counting uploads under way (ATTACHMENT_TICKET_MAX_BYTES, default 100 MB). */
  ticketMaxBytes: number;
  /** How long an upload URL works, in seconds (ATTACHMENT_UPLOAD_TTL_SECONDS, default 900). */
  uploadTtlSeconds: number;
  /** How long a download link works, in seconds (ATTACHMENT_LINK_TTL_SECONDS, default 300). */
  linkTtlSeconds: number;
  /** Signs download links (derived from the server key). */
  linkKey: Buffer;
  /** Prefix of the links handed out (PUBLIC_URL); unset: paths on the API's own origin. */
  publicUrl?: string;
}
