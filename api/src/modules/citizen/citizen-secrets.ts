import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read over the phone cannot be misheard as another. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 10 characters of 5 bits: 50 random bits, shown as two groups of five (e.g. 7KQ2M-X9D4R). */
const CODE_LENGTH = 10;
/** 32 characters: 160 bits, for links that are clicked, never read out. */
const TOKEN_LENGTH = 32;

const derived = new WeakMap<Buffer, Buffer>();

/**
 * The HMAC key of lookup codes and satisfaction tokens: HKDF of the server key (ENCRYPTION_KEY, see
 * resolveSecretKey), never of JWT_SECRET, so rotating sessions' secret keeps every caller's code.
 */
export function citizenKey(serverKey: Buffer): Buffer {
  let key = derived.get(serverKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', serverKey, 'hotline', 'citizen-access', 32));
    derived.set(serverKey, key);
  }
  return key;
}

function randomText(length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

/** A new lookup code, grouped for reading aloud: `XXXXX-XXXXX`. */
export function generateLookupCode(): string {
  const code = randomText(CODE_LENGTH);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A new one-time satisfaction token (URL-safe). */
export function generateFeedbackToken(): string {
  return randomText(TOKEN_LENGTH);
}

/**
 * A code as typed by a caller, in its canonical form: case, spaces and dashes ignored, and the letters
 * Crockford reads as digits (I, L as 1; O as 0) mapped. Anything else stays, so it simply fails to match.
 */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0').slice(0, 64);
}

/** HMAC-SHA256 (hex) of a normalised code or token. */
export function hashSecret(key: Buffer, secret: string): string {
  return createHmac('sha256', key).update(normaliseCode(secret)).digest('hex');
}

/** Whether `secret` hashes to `storedHash`, in time independent of where they differ. */
export function secretMatches(key: Buffer, secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(key, secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}

/** An e-mail address shown without its local part: `a***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
