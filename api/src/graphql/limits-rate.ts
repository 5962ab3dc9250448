import { eq } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Db } from '../../../schema/src/db.js';
import { apiClients } from '../../../schema/src/index.js';
import type { Viewer } from '../auth/viewer.js';
import { ShortLivedCache } from '../shared-cache.js';

/** RATE_LIMITED, answered with HTTP 429 and Retry-After; `retryAfter` in whole seconds, at least 1. */
export function rateLimited(message: string, msBeforeNext: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(message, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfter,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
    },
  });
}

/** Per API client defaults (contract "Limits"). */
export const DEFAULT_RATE = { perSecond: 50, burst: 200 } as const;
/** The burst allowance above the sustained rate refills over this window. */
const BURST_WINDOW_SECONDS = 60;
/** How long a client's own limits are cached before they are read again. */
const SETTINGS_TTL_MS = 10_000;

export interface RateLimitOptions {
  db: Db;
  redis: Redis;
  /** Redis key prefix (the deployment's QUEUE_PREFIX). */
  prefix: string;
}

interface Limits {
  perSecond: number;
  burst: number;
}

/**
 * Per-API-client limits in Redis (rate-limiter-flexible): `perSecond` requests in every 1 s window,
 * plus a burst allowance of `burst - perSecond` extra requests per 60 s (BurstyRateLimiter), so a
 * client may send `burst` requests at once and `perSecond` a second for ever. When Redis does not
 * answer, each process limits alone in memory (insurance limiter) rather than failing requests.
 * Staff sessions are not limited.
 */
export class ApiRateLimiter {
  private readonly limiters = new Map<string, BurstyRateLimiter>();
  private readonly settings = new ShortLivedCache<Limits>(SETTINGS_TTL_MS);

  constructor(private readonly options: RateLimitOptions) {}

  /** Throws RATE_LIMITED (HTTP 429, extensions.retryAfter in seconds) when the client is over its limits. */
  async check(viewer: Viewer): Promise<void> {
    if (viewer.kind !== 'client' || !viewer.id) return;
    const limits = await this.limitsOf(viewer.id);
    try {
      await this.limiterFor(limits).consume(viewer.id);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimited(
        `Rate limit exceeded: ${limits.perSecond}/s sustained, bursts of ${limits.burst}`,
        rejection.msBeforeNext,
      );
    }
  }

  private limitsOf(clientId: string): Promise<Limits> {
    return this.settings.get(clientId, async () => {
      const [row] = await this.options.db
        .select({ perSecond: apiClients.rateLimitPerSecond, burst: apiClients.rateLimitBurst })
        .from(apiClients)
        .where(eq(apiClients.id, clientId));
      const perSecond = row?.perSecond ?? DEFAULT_RATE.perSecond;
      return { perSecond, burst: Math.max(row?.burst ?? DEFAULT_RATE.burst, perSecond) };
    });
  }

  private limiterFor({ perSecond, burst }: Limits): BurstyRateLimiter {
    const name = `${perSecond}-${burst}`;
    let limiter = this.limiters.get(name);
    if (limiter) return limiter;
    const keyPrefix = `${this.options.prefix}:ratelimit:${name}`;
    const make = (points: number, duration: number, suffix: string) =>
      new RateLimiterRedis({
        storeClient: this.options.redis,
        keyPrefix: `${keyPrefix}:${suffix}`,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${keyPrefix}:${suffix}`, points, duration }),
      });
    limiter = new BurstyRateLimiter(
      make(perSecond, 1, 'rate'),
      make(Math.max(burst - perSecond, 1), BURST_WINDOW_SECONDS, 'burst'),
    );
    this.limiters.set(name, limiter);
    return limiter;
  }
}
