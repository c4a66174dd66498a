// Login rate limits held in Redis (shared by all API replicas): fixed windows per account and per IP address.
import type { Redis } from "ioredis";

export type Limit = { key: string; max: number; windowSeconds: number };

export type LimitState = { allowed: boolean; retryAfterSeconds: number };

/** Reads without counting: a blocked client is told how long to wait before any password is checked. */
export async function checkLimits(redis: Redis, limits: Limit[]): Promise<LimitState> {
  let retryAfterSeconds = 0;
  for (const limit of limits) {
    const [count, ttl] = await Promise.all([redis.get(limit.key), redis.ttl(limit.key)]);
    if (Number(count ?? 0) >= limit.max)
      retryAfterSeconds = Math.max(retryAfterSeconds, ttl > 0 ? ttl : limit.windowSeconds);
  }
  return { allowed: retryAfterSeconds === 0, retryAfterSeconds };
}

/** Counts a failed attempt against every limit. */
export async function recordFailure(redis: Redis, limits: Limit[]): Promise<void> {
  const multi = redis.multi();
  for (const limit of limits) {
    multi.incr(limit.key);
    multi.expire(limit.key, limit.windowSeconds, "NX");
  }
  await multi.exec();
}

export async function resetLimit(redis: Redis, key: string): Promise<void> {
  await redis.del(key);
}

export function loginLimits(tenantId: string, email: string, ip: string): { account: Limit; ip: Limit } {
  return {
    account: {
      key: `spatz:rl:login:account:${tenantId}:${email.toLowerCase()}`,
      max: 5,
      windowSeconds: 15 * 60,
    },
    ip: { key: `spatz:rl:login:ip:${ip}`, max: 50, windowSeconds: 15 * 60 },
  };
}
