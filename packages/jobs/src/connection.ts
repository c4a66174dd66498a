import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { DEFAULT_JOB_OPTIONS, QUEUE_PREFIX, QUEUES, type QueueKey } from "./queues.ts";

/** BullMQ workers need blocking commands that never give up: maxRetriesPerRequest must be null. */
export function createBullConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableReadyCheck: false });
}

export function createQueue(key: QueueKey, connection: Redis): Queue {
  const config = QUEUES[key];
  return new Queue(config.name, {
    connection,
    prefix: QUEUE_PREFIX,
    defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: config.attempts },
  });
}
