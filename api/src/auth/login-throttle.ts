import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../errors/app-error.js';
import { rateLimited } from '../errors/rate-limited.js';

/** Failed sign-ins one account may have from one client address in a window before sign-in pauses. */
export const LOGIN_FAILURES = { allowed: 10, windowSeconds: 15 * 60 } as const;

/**
 * Failed sign-ins one client address may have over all accounts in a window (password spraying:
 * one password tried on many accounts). Thirty is three times what a busy call-centre behind one
 * NAT address produces at a shift change (about fifty sign-ins, a fifth of them mistyped once),
 * and holds a sprayer to 120 guesses an hour per address.
 */
export const ADDRESS_FAILURES = { allowed: 30, windowSeconds: 15 * 60 } as const;

/** Which errors of an attempt are a wrong password (counted); anything else is given back. */
export type FailurePredicate = (error: unknown) => boolean;

const wrongCredentials: FailurePredicate = (error) =>
  error instanceof AppError && error.code === 'UNAUTHENTICATED';

/**
 * Slows password guessing with two counters in Redis, shared by every API process (each process
 * counts alone in memory while Redis does not answer):
 * - per account and address: after `LOGIN_FAILURES.allowed` wrong passwords that pair is refused,
 *   so someone guessing from elsewhere cannot lock a colleague out;
 * - per address: after `ADDRESS_FAILURES.allowed` wrong passwords over any accounts that address is
 *   refused.
 * Refused attempts answer RATE_LIMITED without checking the password, until the window has passed
 * since the first failure. Every attempt takes its point before the password is checked, so
 * parallel guesses cannot all pass a check made before any of them failed; a success gives the
 * address its point back and clears the pair. Behind a load balancer set TRUST_PROXY so the address
 * is the client's.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterRedis;
  private readonly byAddress: RateLimiterRedis;

  constructor(options: { redis: Redis; prefix: string }) {
    const limiter = (name: string, limits: { allowed: number; windowSeconds: number }) => {
      const keyPrefix = `${options.prefix}:${name}`;
      const points = { points: limits.allowed, duration: limits.windowSeconds };
      return new RateLimiterRedis({
        storeClient: options.redis,
        keyPrefix,
        ...points,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, ...points }),
      });
    };
    this.byAccount = limiter('login-failures', LOGIN_FAILURES);
    this.byAddress = limiter('login-failures-address', ADDRESS_FAILURES);
  }

  /**
   * Runs the password check `attempt` for `account` (an email, or a user id for a password change)
   * from `address` unless either counter is spent. `isFailure` tells a wrong password from other
   * errors.
   */
  async guard<T>(
    account: string,
    address: string,
    attempt: () => Promise<T>,
    isFailure: FailurePredicate = wrongCredentials,
  ): Promise<T> {
    const pair = `${account.trim().toLowerCase()} ${address}`;
    await take(this.byAddress, address, 'Too many failed sign-ins from this address: try again later');
    try {
      await take(this.byAccount, pair, 'Too many failed sign-ins for this account: try again later');
    } catch (error) {
      await this.byAddress.reward(address, 1);
      throw error;
    }
    try {
      const result = await attempt();
      await Promise.all([this.byAccount.delete(pair), this.byAddress.reward(address, 1)]);
      return result;
    } catch (error) {
      if (!isFailure(error)) {
        await Promise.all([this.byAccount.reward(pair, 1), this.byAddress.reward(address, 1)]);
      }
      throw error;
    }
  }
}

/** Takes one point (atomically, in Redis) or answers RATE_LIMITED when none is left. */
async function take(limiter: RateLimiterRedis, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimited(message, rejection.msBeforeNext);
    throw rejection;
  }
}
