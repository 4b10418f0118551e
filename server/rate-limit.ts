/** Token buckets refilled continuously: the per-token request limit, and (in auth.ts) the per-address limit on unknown tokens. */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './auth.ts';
import { ApiProblem } from './errors.ts';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket: 0 if allowed, else the seconds to wait. */
  take(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return this.secondsUntilOne(bucket);
  }

  /** The seconds until `key` may take one request (0: now), without taking it. */
  wait(key: string): number {
    const bucket = this.refilled(key);
    return bucket.tokens >= 1 ? 0 : this.secondsUntilOne(bucket);
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (this.buckets.size > 10_000) this.sweep(now);
    return bucket;
  }

  private secondsUntilOne(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets buckets that have refilled completely (they are equivalent to new ones). */
  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.perMinute) this.buckets.delete(key);
    }
  }
}

/** A limiter allowing `perMinute`, or none when it is 0 or Infinity (no limit). */
export function limiterFor(perMinute: number): RateLimiter | null {
  return perMinute > 0 && Number.isFinite(perMinute) ? new RateLimiter(perMinute) : null;
}

/** After `requireUser`: per-token limit, 429 with `Retry-After` when the token's bucket is empty. */
export function rateLimit(limiter: RateLimiter | null) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const wait = limiter?.take(c.var.user.tokenHash) ?? 0;
    if (wait > 0) {
      throw new ApiProblem(429, 'rate_limited', `Too many requests for this token; retry in ${wait} s.`, [], {
        'Retry-After': String(wait),
      });
    }
    await next();
  });
}
