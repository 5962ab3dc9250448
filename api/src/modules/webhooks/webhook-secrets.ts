import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` + base64 of 24 random bytes (Standard Webhooks). */
export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The HMAC key of a secret: the bytes its base64 part stands for. */
function secretBytes(secret: string): Buffer {
  return Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
}

/** The `webhook-signature` header value: `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretBytes(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

/** AES-256-GCM under the server key; stored as `v1.<iv>.<tag>.<ciphertext>` (base64url parts). */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

function decryptSecret(key: Buffer, stored: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown webhook secret format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

/** Where the key comes from (a subset of Config). */
export interface SecretKeySource {
  ENCRYPTION_KEY?: string;
  JWT_SECRET?: string;
  DATA_DIR: string;
}

const keys = new Map<string, Promise<Buffer>>();

/**
 * The 32-byte key that encrypts webhook secrets at rest: from ENCRYPTION_KEY, else (development only:
 * production requires ENCRYPTION_KEY) a random key kept under DATA_DIR, as the JWT secret is. Nothing
 * is derived from JWT_SECRET: rotating sessions' secret must not lose webhooks'. API and workers of
 * one deployment must resolve the same key, so it is never random per process.
 */
export function resolveSecretKey(source: SecretKeySource): Promise<Buffer> {
  if (source.ENCRYPTION_KEY)
    return Promise.resolve(createHash('sha256').update(source.ENCRYPTION_KEY).digest());
  const file = join(source.DATA_DIR, 'encryption-key');
  let key = keys.get(file);
  if (!key) {
    key = loadOrCreateKey(file);
    keys.set(file, key);
  }
  return key;
}

/**
 * The key earlier versions derived (HKDF) from JWT_SECRET when ENCRYPTION_KEY was unset; secrets
 * stored under it are re-encrypted at start (reencryptLegacySecrets). Null without JWT_SECRET.
 */
export function legacySecretKey(source: SecretKeySource): Buffer | null {
  if (!source.JWT_SECRET) return null;
  return Buffer.from(hkdfSync('sha256', source.JWT_SECRET, 'hotline', 'webhook-secrets', 32));
}

/** A stored secret in clear, or null when this key does not open it (another key, or damaged). */
export function openSecret(key: Buffer, stored: string): string | null {
  try {
    return decryptSecret(key, stored);
  } catch {
    return null;
  }
}

async function loadOrCreateKey(file: string): Promise<Buffer> {
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  } catch {
    await mkdir(join(file, '..'), { recursive: true });
    const key = randomBytes(32);
    try {
      await writeFile(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch {
      // Another process created it first: use theirs.
      return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
    }
  }
}
