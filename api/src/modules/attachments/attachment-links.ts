import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** The stored forms of an attachment a link may name. */
export const VARIANTS = ['original', 'public', 'thumbnail'] as const;
export type AttachmentVariant = (typeof VARIANTS)[number];

export function isVariant(text: string): text is AttachmentVariant {
  return (VARIANTS as readonly string[]).includes(text);
}

const derived = new WeakMap<Buffer, Buffer>();

/** The HMAC key of download links: HKDF of the server key (ENCRYPTION_KEY), one purpose only. */
export function attachmentLinkKey(serverKey: Buffer): Buffer {
  let key = derived.get(serverKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', serverKey, 'hotline', 'attachment-links', 32));
    derived.set(serverKey, key);
  }
  return key;
}

function signature(key: Buffer, id: string, variant: AttachmentVariant, expires: number): string {
  return createHmac('sha256', key).update(`${id}\n${variant}\n${expires}`).digest('base64url');
}

/**
 * A download link bound to one attachment and one variant, good until `expiresAt` (whole seconds): the
 * path under the API's origin, `/attachments/<id>/<variant>?expires=<unix seconds>&signature=<HMAC>`.
 */
export function signedPath(key: Buffer, id: string, variant: AttachmentVariant, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `/attachments/${id}/${variant}?expires=${expires}&signature=${signature(key, id, variant, expires)}`;
}

/** Whether a link's signature is the server's for this attachment and variant, and it has not expired. */
export function linkIsValid(
  key: Buffer,
  link: { id: string; variant: AttachmentVariant; expires: string; signature: string },
  now: Date,
): boolean {
  if (!/^\d{1,12}$/.test(link.expires)) return false;
  const expires = Number(link.expires);
  if (expires * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(signature(key, link.id, link.variant, expires));
  const given = Buffer.from(link.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
