// Enqueueing jobs from the API and the worker: one Queue per queue key on one connection, payloads validated before
// they reach Redis.
import { FlowProducer, Queue } from "bullmq";
import type { JobRequest } from "./benchmark.ts";
import { createRedisClient } from "./connection.ts";
import { JOBS, type JobName } from "./payloads.ts";
import { DEFAULT_JOB_OPTIONS, QUEUE_PREFIX, QUEUES, type QueueKey } from "./queues.ts";

export type JobProducer = {
  /** Adds a job to the queue its name belongs to (the payload is checked first). */
  enqueue: <N extends JobName>(request: JobRequest<N>) => Promise<void>;
  queue: (key: QueueKey) => Queue;
  flows: () => FlowProducer;
  close: () => Promise<void>;
};

/**
 * A producer on its own connection. Requests give up after one retry instead of waiting for Redis forever: a producer
 * runs inside request handlers, which must never hang on a broken queue (callers log the failure; the nightly
 * refresh catches up).
 */
export function createJobProducer(redisUrl: string): JobProducer {
  const connection = createRedisClient(redisUrl, { maxRetriesPerRequest: 1, enableReadyCheck: false });
  connection.on("error", () => {}); // reported by the failing call
  const queues = new Map<QueueKey, Queue>();
  let flowProducer: FlowProducer | null = null;
  const queue = (key: QueueKey) => {
    let q = queues.get(key);
    if (!q) {
      q = new Queue(QUEUES[key].name, {
        connection,
        prefix: QUEUE_PREFIX,
        defaultJobOptions: { ...DEFAULT_JOB_OPTIONS, attempts: QUEUES[key].attempts },
      });
      // Connection errors while Redis is away are reported by the failing call (and would otherwise be printed once
      // per reconnect attempt).
      q.on("error", () => {});
      queues.set(key, q);
    }
    return q;
  };
  return {
    queue,
    flows: () => {
      if (!flowProducer) {
        flowProducer = new FlowProducer({ connection, prefix: QUEUE_PREFIX });
        flowProducer.on("error", () => {});
      }
      return flowProducer;
    },
    enqueue: async (request) => {
      const definition = JOBS[request.name];
      definition.payload.parse(request.data);
      await queue(definition.queue).add(request.name, request.data, request.opts);
    },
    close: async () => {
      await Promise.all([...queues.values()].map((q) => q.close()));
      await flowProducer?.close();
      await connection.quit().catch(() => {});
    },
  };
}
