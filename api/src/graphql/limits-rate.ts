import type { ApolloServerPlugin } from '@apollo/server';
import { apiClients } from '@hotline/schema';
import type { Db } from '@hotline/schema/client';
import { eq } from 'drizzle-orm';
import { type FragmentDefinitionNode, Kind, type SelectionSetNode } from 'graphql';
import type { Redis } from 'ioredis';
import {
  BurstyRateLimiter,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Viewer } from '../auth/viewer.js';
import { rateLimited } from '../errors/rate-limited.js';
import { ShortLivedCache } from '../shared-cache.js';

/** Per API client defaults (contract "Limits"). */
const DEFAULT_RATE = { perSecond: 50, burst: 200 } as const;
/** Per staff session (user), generous: a console page sends a handful of requests. RATE_LIMIT_STAFF. */
const DEFAULT_STAFF_RATE = { perSecond: 100, burst: 1000 } as const;
/** Per client address, for requests without valid credentials (sign-in, bad keys). RATE_LIMIT_ANONYMOUS. */
const DEFAULT_ANONYMOUS_RATE = { perSecond: 10, burst: 100 } as const;
/** The burst allowance above the sustained rate refills over this window. */
const BURST_WINDOW_SECONDS = 60;
/** How long a client's own limits are cached before they are read again. */
const SETTINGS_TTL_MS = 10_000;

export interface Limits {
  perSecond: number;
  burst: number;
}

export interface RateLimitOptions {
  db: Db;
  redis: Redis;
  /** Redis key prefix (the deployment's QUEUE_PREFIX). */
  prefix: string;
  /** Per staff session; null: staff are not limited. Default DEFAULT_STAFF_RATE. */
  staff?: Limits | null;
  /** Per client address for anonymous requests; null: not limited. Default DEFAULT_ANONYMOUS_RATE. */
  anonymous?: Limits | null;
}

/**
 * Request limits in Redis (rate-limiter-flexible): per API client (its own limits or DEFAULT_RATE),
 * per staff user, and per client address for anonymous requests. `perSecond` requests in every 1 s
 * window, plus a burst allowance of `burst - perSecond` extra requests per 60 s (BurstyRateLimiter),
 * so a client may send `burst` requests at once and `perSecond` a second for ever. A request costs
 * one point, a mutation one point per root field (aliases included: 100 aliased `createTicket` cost
 * 100). When Redis does not answer, each process limits alone in memory (insurance limiter) rather
 * than failing requests.
 */
export class ApiRateLimiter {
  private readonly limiters = new Map<string, BurstyRateLimiter>();
  private readonly settings = new ShortLivedCache<Limits>(SETTINGS_TTL_MS);
  private readonly staff: Limits | null;
  private readonly anonymous: Limits | null;

  constructor(private readonly options: RateLimitOptions) {
    this.staff = options.staff === undefined ? DEFAULT_STAFF_RATE : options.staff;
    this.anonymous = options.anonymous === undefined ? DEFAULT_ANONYMOUS_RATE : options.anonymous;
  }

  /**
   * Takes `points` from the viewer's allowance (anonymous viewers: the client address's); throws
   * RATE_LIMITED (HTTP 429, extensions.retryAfter in seconds) when it is spent.
   */
  async check(viewer: Viewer, address: string, points = 1): Promise<void> {
    const subject = await this.subjectOf(viewer, address);
    if (!subject) return;
    const { key, limits } = subject;
    try {
      await this.limiterFor(limits).consume(key, points);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimited(
        `Rate limit exceeded: ${limits.perSecond}/s sustained, bursts of ${limits.burst}`,
        rejection.msBeforeNext,
      );
    }
  }

  private async subjectOf(viewer: Viewer, address: string): Promise<{ key: string; limits: Limits } | null> {
    if (viewer.kind === 'client' && viewer.id) {
      return { key: viewer.id, limits: await this.limitsOf(viewer.id) };
    }
    if (viewer.kind === 'user' && viewer.id)
      return this.staff && { key: `user:${viewer.id}`, limits: this.staff };
    if (viewer.kind === 'anonymous')
      return this.anonymous && { key: `address:${address}`, limits: this.anonymous };
    return null;
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

/** Root fields of the operation, fragments followed; each alias is one. */
function rootFieldCount(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      count += rootFieldCount(selection.selectionSet, fragments);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += rootFieldCount(fragment.selectionSet, fragments);
    }
  }
  return count;
}

/**
 * Charges a mutation one point per root field: the request itself paid one when its context was
 * built, so 100 aliased `createTicket` take the other 99 here, before anything runs.
 */
export function mutationRatePlugin(
  limiter: ApiRateLimiter,
): ApolloServerPlugin<{ viewer: Viewer; clientAddress?: string }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const fragments = new Map(
            document.definitions
              .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((fragment) => [fragment.name.value, fragment]),
          );
          const extra = rootFieldCount(operation.selectionSet, fragments) - 1;
          if (extra > 0)
            await limiter.check(contextValue.viewer, contextValue.clientAddress ?? 'unknown', extra);
        },
      };
    },
  };
}
