import type { Request } from 'express';
import {
  ipKeyGenerator,
  MemoryStore,
  rateLimit,
  type IncrementResponse,
  type RateLimitRequestHandler,
  type Store,
} from 'express-rate-limit';
import { ErrorCode } from '@roundtable/shared';
import { errorBody } from '../http/errors.js';
import type { Logger } from '../logger.js';
import type { RedisDeps } from '../realtime/redis.js';
import { normalizeEmail } from '../events/rows.js';

/** Failed sign-ins allowed per IP address and email within `LOGIN_WINDOW_MS`. */
export const LOGIN_ATTEMPTS = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/**
 * Hit counters in Redis, so instances behind a load balancer share one budget: with per-instance
 * memory, N instances would allow N times the attempts.
 */
export class RedisRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = LOGIN_WINDOW_MS;

  constructor(
    private readonly redis: RedisDeps,
    readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  init(options: { windowMs: number }): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const redisKey = this.redisKey(key);
    try {
      // SET NX starts the window on the first hit; INCR keeps the expiry. Works on Redis 6 too,
      // unlike PEXPIRE … NX.
      const [, hits, ttl] = await this.redis.client
        .multi()
        .set(redisKey, 0, { expiration: { type: 'PX', value: this.windowMs }, condition: 'NX' })
        .incr(redisKey)
        .pTTL(redisKey)
        .exec();
      return { totalHits: Number(hits), resetTime: new Date(Date.now() + Math.max(0, Number(ttl))) };
    } catch (err) {
      // Fail open: sign-in must keep working when Redis is away; the password check still applies.
      this.logger.error({ err }, 'rate limit store unavailable');
      return { totalHits: 1, resetTime: undefined };
    }
  }

  async decrement(key: string): Promise<void> {
    await this.redis.client.decr(this.redisKey(key)).catch((err: unknown) => {
      this.logger.error({ err }, 'rate limit store unavailable');
    });
  }

  async resetKey(key: string): Promise<void> {
    await this.redis.client.del(this.redisKey(key));
  }

  private redisKey(key: string): string {
    return `${this.redis.prefix}${this.prefix}${key}`;
  }
}

function loginKey(req: Request): string {
  const body: unknown = req.body;
  const email =
    typeof body === 'object' && body !== null && 'email' in body && typeof body.email === 'string'
      ? normalizeEmail(body.email)
      : '';
  return `${ipKeyGenerator(req.ip ?? '')}|${email}`;
}

/** A rate-limiting middleware and the release of its resources (the memory store's timer). */
export interface RateLimiter {
  middleware: RateLimitRequestHandler;
  close(): void;
}

export interface RateLimiterOptions {
  /** Namespaces this limiter's counters in Redis, e.g. `rl:login:`. */
  prefix: string;
  windowMs: number;
  limit: number;
  /** The `message` of the 429 `rate_limited` answer. */
  message: string;
  /** Defaults to the client's IP address (IPv6 by /56 subnet). */
  keyGenerator?: (req: Request) => string;
  /** Count only refused requests (status ≥ 400). */
  skipSuccessfulRequests?: boolean;
}

/**
 * A limiter answering our error shape (429 `rate_limited`, with `Retry-After`), counting in Redis
 * when configured so that every instance shares one budget, else in this process's memory.
 */
export function createRateLimiter(
  redis: RedisDeps | null,
  logger: Logger,
  options: RateLimiterOptions,
): RateLimiter {
  const store = redis ? new RedisRateLimitStore(redis, options.prefix, logger) : new MemoryStore();
  const middleware = rateLimit({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: options.skipSuccessfulRequests ?? false,
    ...(options.keyGenerator ? { keyGenerator: options.keyGenerator } : {}),
    store,
    handler: (_req, res) => {
      res.status(429).json(errorBody(ErrorCode.RateLimited, options.message));
    },
  });
  return {
    middleware,
    close: () => {
      if (store instanceof MemoryStore) store.shutdown();
    },
  };
}

/**
 * Limits failed sign-ins per IP address and email. Successful sign-ins do not count, so a person
 * who signs in often is never locked out; a guesser is, after `LOGIN_ATTEMPTS`.
 */
export function createLoginLimiter(redis: RedisDeps | null, logger: Logger): RateLimiter {
  return createRateLimiter(redis, logger, {
    prefix: 'rl:login:',
    windowMs: LOGIN_WINDOW_MS,
    limit: LOGIN_ATTEMPTS,
    message: 'Too many failed sign-in attempts. Try again later.',
    keyGenerator: loginKey,
    skipSuccessfulRequests: true,
  });
}
