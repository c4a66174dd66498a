// Sign-in throttling. Brute force stays expensive, but nobody can lock a user out of their own account:
// - per (account, address): 5 failures in 15 minutes, then that address waits (the real user elsewhere does not);
// - per address: 50 failures in 15 minutes across accounts (password spraying from one machine);
// - per account from anywhere: after 10 failures in a day, each further attempt waits 2, 4, 8 … at most 60 seconds
//   since the previous one (a distributed attacker gets at most one guess a minute; the real user waits at most that).
// Each check counts the attempt in the same atomic step (Lua, one key per call, so Redis Cluster accepts it), so
// parallel attempts cannot all pass a check before any of them is recorded. Without Redis the same rules run in the
// API process (per process, documented in ADR 0007), so sign-in keeps working.
import type { Cluster, Redis } from "ioredis";

/** One Redis server or a Redis Cluster: the limiter uses single-key scripts only, so both work. */
type RedisClient = Redis | Cluster;

export type LoginLimitPolicy = {
  perAccountAddress: { max: number; windowSeconds: number };
  perAddress: { max: number; windowSeconds: number };
  perAccount: { freeFailures: number; baseDelayMs: number; maxDelayMs: number; windowSeconds: number };
};

export const LOGIN_LIMITS: LoginLimitPolicy = {
  perAccountAddress: { max: 5, windowSeconds: 15 * 60 },
  perAddress: { max: 50, windowSeconds: 15 * 60 },
  perAccount: { freeFailures: 10, baseDelayMs: 2_000, maxDelayMs: 60_000, windowSeconds: 24 * 3600 },
};

export type LoginAttempt = { tenantId: string; email: string; ip: string };

export type LimitDecision =
  | { allowed: true; keys: AttemptKeys }
  | { allowed: false; retryAfterSeconds: number };

type AttemptKeys = { accountAddress: string; address: string; account: string };

/** Keys of one attempt; the braces are Redis Cluster hash tags, so each key (not each attempt) has its own slot. */
export function attemptKeys(a: LoginAttempt): AttemptKeys {
  const email = a.email.toLowerCase();
  return {
    accountAddress: `spatz:rl:{login:${a.tenantId}:${email}:${a.ip}}`,
    address: `spatz:rl:{login-ip:${a.ip}}`,
    account: `spatz:rl:{login-account:${a.tenantId}:${email}}`,
  };
}

/** The storage of the counters: Redis for all API processes, or memory of one process. */
interface LimitStore {
  /** Counts one attempt in a fixed window and returns the count including it and the window's remaining seconds. */
  count(key: string, windowSeconds: number): Promise<{ n: number; ttl: number }>;
  /** Takes back one attempt (it succeeded, or another check refused it). */
  uncount(key: string): Promise<void>;
  /** Milliseconds to wait before this account may be tried again; 0 reserves the attempt (now = its time). */
  accountWait(key: string, now: number, policy: LoginLimitPolicy["perAccount"]): Promise<number>;
  accountFailed(key: string, now: number, windowSeconds: number): Promise<void>;
  forget(key: string): Promise<void>;
}

export function accountDelayMs(failures: number, p: LoginLimitPolicy["perAccount"]): number {
  if (failures < p.freeFailures) return 0;
  return Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (failures - p.freeFailures));
}

const COUNT = `
local n = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('TTL', KEYS[1])}`;

const UNCOUNT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

// ARGV: now, freeFailures, baseDelayMs, maxDelayMs. The wait follows accountDelayMs; a granted attempt moves the
// reference time to now, so that concurrent attempts wait for the next slot instead of passing together.
const ACCOUNT_WAIT = `
local f = tonumber(redis.call('HGET', KEYS[1], 'f') or '0')
local free = tonumber(ARGV[2])
if f < free then return 0 end
local wait = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ (f - free))
local remaining = tonumber(redis.call('HGET', KEYS[1], 't') or '0') + wait - tonumber(ARGV[1])
if remaining > 0 then return math.ceil(remaining) end
redis.call('HSET', KEYS[1], 't', ARGV[1])
return 0`;

const ACCOUNT_FAILED = `
redis.call('HINCRBY', KEYS[1], 'f', 1)
redis.call('HSET', KEYS[1], 't', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 0`;

type ScriptedRedis = RedisClient & {
  spatzCount(key: string, window: number): Promise<[number, number]>;
  spatzUncount(key: string): Promise<number>;
  spatzAccountWait(key: string, now: number, free: number, base: number, max: number): Promise<number>;
  spatzAccountFailed(key: string, now: number, window: number): Promise<number>;
};

function redisStore(redis: RedisClient): LimitStore {
  if (!("spatzCount" in redis)) {
    redis.defineCommand("spatzCount", { numberOfKeys: 1, lua: COUNT });
    redis.defineCommand("spatzUncount", { numberOfKeys: 1, lua: UNCOUNT });
    redis.defineCommand("spatzAccountWait", { numberOfKeys: 1, lua: ACCOUNT_WAIT });
    redis.defineCommand("spatzAccountFailed", { numberOfKeys: 1, lua: ACCOUNT_FAILED });
  }
  const r = redis as ScriptedRedis;
  return {
    count: async (key, window) => {
      const [n, ttl] = await r.spatzCount(key, window);
      return { n, ttl };
    },
    uncount: async (key) => void (await r.spatzUncount(key)),
    accountWait: (key, now, p) => r.spatzAccountWait(key, now, p.freeFailures, p.baseDelayMs, p.maxDelayMs),
    accountFailed: async (key, now, window) => void (await r.spatzAccountFailed(key, now, window)),
    forget: async (key) => void (await r.del(key)),
  };
}

/** The same rules in one process's memory: the fallback while Redis is unreachable. */
export function memoryStore(clock: () => number = Date.now): LimitStore {
  const windows = new Map<string, { n: number; until: number }>();
  const accounts = new Map<string, { f: number; t: number; until: number }>();
  const sweep = () => {
    const now = clock();
    if (windows.size + accounts.size < 10_000) return;
    for (const [k, v] of windows) if (v.until <= now) windows.delete(k);
    for (const [k, v] of accounts) if (v.until <= now) accounts.delete(k);
  };
  return {
    count: async (key, window) => {
      sweep();
      const now = clock();
      const entry = windows.get(key);
      const current = entry && entry.until > now ? entry : { n: 0, until: now + window * 1000 };
      current.n++;
      windows.set(key, current);
      return { n: current.n, ttl: Math.ceil((current.until - now) / 1000) };
    },
    uncount: async (key) => {
      const entry = windows.get(key);
      if (entry && entry.n > 0) entry.n--;
    },
    accountWait: async (key, now, p) => {
      const entry = accounts.get(key);
      if (!entry || entry.until <= now) return 0;
      const remaining = entry.t + accountDelayMs(entry.f, p) - now;
      if (entry.f >= p.freeFailures && remaining > 0) return Math.ceil(remaining);
      if (entry.f >= p.freeFailures) entry.t = now;
      return 0;
    },
    accountFailed: async (key, now, window) => {
      const entry = accounts.get(key);
      const current = entry && entry.until > now ? entry : { f: 0, t: now, until: 0 };
      current.f++;
      current.t = now;
      current.until = now + window * 1000;
      accounts.set(key, current);
    },
    forget: async (key) => {
      windows.delete(key);
      accounts.delete(key);
    },
  };
}

type Warn = (obj: object, msg?: string) => void;

/**
 * Sign-in throttling for one API process: Redis while it answers, this process's memory while it does not (a log
 * line says so, at most once a minute).
 */
export class LoginLimiter {
  private readonly redis: LimitStore;
  private readonly memory: LimitStore;
  private lastWarning = 0;

  constructor(
    redis: RedisClient,
    private readonly warn: Warn,
    private readonly policy: LoginLimitPolicy = LOGIN_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {
    this.redis = redisStore(redis);
    this.memory = memoryStore(clock);
  }

  private async run<T>(op: (store: LimitStore) => Promise<T>): Promise<T> {
    try {
      return await op(this.redis);
    } catch (error) {
      const now = this.clock();
      if (now - this.lastWarning > 60_000) {
        this.lastWarning = now;
        this.warn(
          { err: String(error) },
          "sign-in limits fall back to this process's memory: Redis unreachable",
        );
      }
      return op(this.memory);
    }
  }

  /** Checks and counts an attempt before any password is checked. */
  begin(attempt: LoginAttempt): Promise<LimitDecision> {
    const keys = attemptKeys(attempt);
    const p = this.policy;
    return this.run(async (store) => {
      const address = await store.count(keys.address, p.perAddress.windowSeconds);
      if (address.n > p.perAddress.max)
        return { allowed: false, retryAfterSeconds: Math.max(1, address.ttl) };
      const pair = await store.count(keys.accountAddress, p.perAccountAddress.windowSeconds);
      if (pair.n > p.perAccountAddress.max) {
        await store.uncount(keys.address);
        return { allowed: false, retryAfterSeconds: Math.max(1, pair.ttl) };
      }
      const waitMs = await store.accountWait(keys.account, this.clock(), p.perAccount);
      if (waitMs > 0) {
        await Promise.all([store.uncount(keys.address), store.uncount(keys.accountAddress)]);
        return { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) };
      }
      return { allowed: true, keys };
    });
  }

  /** A wrong password (or unknown account): the counts stay, the account's delay grows. */
  failed(keys: AttemptKeys): Promise<void> {
    return this.run((store) =>
      store.accountFailed(keys.account, this.clock(), this.policy.perAccount.windowSeconds),
    );
  }

  /** A successful sign-in: its attempt does not count against the address, and the account starts afresh. */
  succeeded(keys: AttemptKeys): Promise<void> {
    return this.run(async (store) => {
      await Promise.all([
        store.uncount(keys.address),
        store.forget(keys.accountAddress),
        store.forget(keys.account),
      ]);
    });
  }
}

const limiters = new WeakMap<RedisClient, LoginLimiter>();

/** One limiter per Redis client (the memory fallback must be shared by all requests of a process). */
export function loginLimiter(redis: RedisClient, warn: Warn): LoginLimiter {
  let limiter = limiters.get(redis);
  if (!limiter) {
    limiter = new LoginLimiter(redis, warn);
    limiters.set(redis, limiter);
  }
  return limiter;
}
