import { createHash, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Role } from '@hotline/schema';
import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';

export interface TokenClaims {
  userId: string;
  role: Role;
  departmentId: string | null;
  /** The user's `session_version` at sign-in; the token is void once the user's version has moved on. */
  sessionVersion: number;
}

export class TokenSigner {
  /** A key object made once: given the secret's bytes, jose would import a key on every request. */
  private readonly key: KeyObject;
  /**
   * Tokens this signer verified, with their claims and expiry: a session sends the same token on
   * every request, and checking its signature again each time cost about 4 % of a queue page's CPU.
   * Only verified tokens enter; each is dropped at its expiry.
   */
  private readonly verified = new LRUCache<string, { claims: TokenClaims; expiresAtMs: number }>({
    max: 10_000,
  });
  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(claims: TokenClaims): Promise<string> {
    return new SignJWT({ role: claims.role, dep: claims.departmentId, sv: claims.sessionVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
  }

  /**
   * Null when the token is malformed, forged or expired, or has no session version (signed before
   * sessions could be ended: one more sign-in after the upgrade).
   */
  async verify(token: string): Promise<TokenClaims | null> {
    // Wall time, as jose checks `exp` against it.
    const nowMs = Date.now();
    const known = this.verified.get(token);
    if (known) {
      if (nowMs < known.expiresAtMs) return known.claims;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      if (!payload.sub || !Number.isSafeInteger(payload.sv)) return null;
      const claims: TokenClaims = {
        userId: payload.sub,
        role: payload.role as Role,
        departmentId: (payload.dep as string | null) ?? null,
        sessionVersion: payload.sv as number,
      };
      if (typeof payload.exp === 'number') {
        this.verified.set(token, { claims, expiresAtMs: payload.exp * 1000 });
      }
      return claims;
    } catch {
      return null;
    }
  }
}

export const API_KEY_PREFIX = 'hlk_';

/** A new API key: shown once; only its hash is stored. */
export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}
