// Redis connections: one server, or a Redis Cluster when REDIS_URL carries `?cluster=true` (the URL names one seed
// node; ioredis finds the others). Every Redis client of API and worker is made here.
import { Queue } from "bullmq";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { DEFAULT_JOB_OPTIONS, QUEUE_PREFIX, QUEUES, type QueueKey } from "./queues.ts";

export type RedisClient = Redis | Cluster;

export function isClusterUrl(url: string): boolean {
  return new URL(url).searchParams.get("cluster") === "true";
}

export function createRedisClient(url: string, options: RedisOptions = {}): RedisClient {
  if (!isClusterUrl(url)) return new Redis(url, options);
  const u = new URL(url);
  return new Cluster([{ host: u.hostname, port: Number(u.port || 6379) }], {
    redisOptions: {
      ...options,
      ...(u.username && { username: decodeURIComponent(u.username) }),
      ...(u.password && { password: decodeURIComponent(u.password) }),
      ...(u.protocol === "rediss:" && { tls: {} }),
    },
    // A command for a slot whose node is away waits for the cluster to settle instead of failing at once.
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    enableReadyCheck: options.enableReadyCheck ?? true,
  });
}

/** BullMQ workers need blocking commands that never give up: maxRetriesPerRequest must be null. */
export function createBullConnection(url: string): RedisClient {
  return createRedisClient(url, { maxRetriesPerRequest: null, enableReadyCheck: false });
}

export function createQueue(key: QueueKey, connection: RedisClient): Queue {
  const config = QUEUES[key];
  return new Queue(config.name, {
    connection,
    prefix: QUEUE_PREFIX,
    defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: config.attempts },
  });
}
