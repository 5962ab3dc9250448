import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's Password Storage Cheat Sheet (2024) lists five scrypt settings of equal strength; of them
 * N=2^14, r=8, p=5 needs the least memory: 16 MiB per hash (128·N·r bytes), so Node's four hashing
 * threads hold 64 MiB at most, where N=2^17 would hold 512 MiB. About 180 ms per hash on the 2-core
 * development machine. Hashes stored with other settings are rehashed at their next sign-in.
 */
export const PASSWORD_HASH_PARAMS: ScryptParams = { N: 1 << 14, r: 8, p: 5 };

/** Stored parameters above this are refused rather than allowed to take gigabytes. */
const MAX_N = 1 << 20;

/** Room for scrypt's 128·N·r bytes and its own bookkeeping. */
const memoryFor = ({ N, r }: ScryptParams) => 2 * 128 * N * r;

export async function hashPassword(password: string): Promise<string> {
  return hashWith(password, PASSWORD_HASH_PARAMS);
}

/** Hashes with the given parameters; exported for tests that need a hash made by an older release. */
export async function hashWith(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password.normalize('NFKC'), salt, 32, {
    ...params,
    maxmem: memoryFor(params),
  });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

function parse(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !saltText || !keyText) return null;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  if (!Object.values(params).every(Number.isSafeInteger) || params.N > MAX_N) return null;
  return { ...params, salt: Buffer.from(saltText, 'base64'), key: Buffer.from(keyText, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const { salt, key: expected, ...params } = parsed;
  const actual = await scryptAsync(password.normalize('NFKC'), salt, expected.length, {
    ...params,
    maxmem: memoryFor(params),
  });
  return timingSafeEqual(actual, expected);
}

/** True when a stored hash was made with other parameters than today's (rehash it at sign-in). */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const current = PASSWORD_HASH_PARAMS;
  return parsed.N !== current.N || parsed.r !== current.r || parsed.p !== current.p;
}
