// Queue definitions shared by producers (API, worker) and the worker: one config per queue.
export type QueueConfig = {
  name: string;
  /** Parallel jobs per worker process. */
  concurrency: number;
  /** How long a job may run before its lock lapses and another worker may take it over. */
  lockDurationMs: number;
  attempts: number;
};

export const QUEUES = {
  maintenance: { name: "maintenance", concurrency: 2, lockDurationMs: 60_000, attempts: 3 },
  /** One Kommune's snapshot per job (short), and the nightly fan-out. */
  benchmarks: { name: "benchmarks", concurrency: 3, lockDurationMs: 120_000, attempts: 3 },
  /**
   * The aggregation: one at a time per worker process (a second one elsewhere fails its try-lock and retries), with a
   * long lock because aggregating every month end of thousands of Kommunen takes a while.
   */
  benchmarkAggregates: { name: "benchmark-aggregates", concurrency: 1, lockDurationMs: 600_000, attempts: 5 },
  /**
   * The rollout aggregates: one writer at a time anyway (an advisory lock in the database serialises them across
   * worker processes); a full recompute at national scale takes minutes.
   */
  rolloutAggregates: { name: "rollout-aggregates", concurrency: 1, lockDurationMs: 600_000, attempts: 5 },
  /** Reports: one at a time per worker (a PDF of a large Kommune takes seconds and some memory). */
  reports: { name: "reports", concurrency: 1, lockDurationMs: 300_000, attempts: 3 },
  /** Mails from the outbox: short jobs, retried with backoff for about an hour before they count as failed. */
  mail: { name: "mail", concurrency: 2, lockDurationMs: 60_000, attempts: 8 },
} as const satisfies Record<string, QueueConfig>;

export type QueueKey = keyof typeof QUEUES;

/**
 * Every queue key in Redis starts with this prefix. The braces are a Redis Cluster hash tag: all SPATZ queues share
 * one slot, which BullMQ needs on a Cluster for flows whose parent and children sit in different queues (the nightly
 * benchmark flow). Until 2026-12-05 the prefix was the plain "spatz"; jobs queued under it are not seen any more.
 */
export const QUEUE_PREFIX = "{spatz}";

export const DEFAULT_JOB_OPTIONS = {
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
  backoff: { type: "exponential", delay: 5_000 },
} as const;
