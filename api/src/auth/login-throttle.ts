import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';
import { rateLimited } from '../graphql/limits-rate.js';

/** Failed sign-ins one account may have from one client address in a window before sign-in pauses. */
export const LOGIN_FAILURES = { allowed: 10, windowSeconds: 15 * 60 } as const;

/**
 * Slows password guessing: after `LOGIN_FAILURES.allowed` wrong passwords for an account from one
 * address, that pair is refused with RATE_LIMITED (no password check) until the window has passed
 * since the first of them. A successful sign-in clears the count. Keyed by account and address, so
 * someone guessing from elsewhere cannot lock a colleague out (behind a load balancer set
 * TRUST_PROXY so the address is the client's). Counts live in Redis, shared by every API process;
 * when Redis does not answer, each process counts alone in memory.
 */
export class LoginThrottle {
  private readonly failures: RateLimiterRedis;

  constructor(options: { redis: Redis; prefix: string }) {
    const keyPrefix = `${options.prefix}:login-failures`;
    const limits = { points: LOGIN_FAILURES.allowed, duration: LOGIN_FAILURES.windowSeconds };
    this.failures = new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix,
      ...limits,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, ...limits }),
    });
  }

  /** Runs the sign-in `attempt` for `email` unless that account failed too often from `address`. */
  async guard<T>(email: string, address: string, attempt: () => Promise<T>): Promise<T> {
    const key = `${email.trim().toLowerCase()} ${address}`;
    const counted = await this.failures.get(key);
    if (counted && counted.consumedPoints >= LOGIN_FAILURES.allowed) {
      throw rateLimited('Too many failed sign-ins for this account: try again later', counted.msBeforeNext);
    }
    try {
      const result = await attempt();
      await this.failures.delete(key);
      return result;
    } catch (error) {
      if (error instanceof AppError && error.code === 'UNAUTHENTICATED') await this.failures.penalty(key, 1);
      throw error;
    }
  }
}
