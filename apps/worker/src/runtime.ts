// Builds the worker runtime: one BullMQ worker per queue, the scheduler registry, and a graceful shutdown that lets
// active jobs finish within a timeout (a job still running afterwards keeps its lock until it lapses, then another
// worker takes it over, so nothing is lost).
import type { Database } from "@spatz/db";
import {
  createBullConnection,
  createJobProducer,
  JOBS,
  type JobName,
  type JobProducer,
  QUEUE_PREFIX,
  QUEUES,
  type QueueKey,
  SCHEDULER_TIMEZONE,
  SCHEDULERS,
} from "@spatz/jobs";
import type { Mailer } from "@spatz/mail";
import { Worker } from "bullmq";
import {
  DEFAULT_JOB_SETTINGS,
  type JobContext,
  type JobSettings,
  type Logger,
  type Processor,
} from "./base-processor.ts";
import type { WorkerMetrics } from "./metrics.ts";
import { benchmarkProcessors } from "./processors/benchmark.ts";
import { mailProcessors } from "./processors/mail.ts";
import { maintenanceProcessors } from "./processors/maintenance.ts";
import { reportProcessors } from "./processors/reports.ts";
import { rolloutProcessors } from "./processors/rollout.ts";

export type { JobSettings, Logger, Processor } from "./base-processor.ts";

/** Every job has exactly one processor, built on the base processor (base-processor.ts). */
export const PROCESSORS: Record<JobName, Processor> = {
  ...maintenanceProcessors,
  ...rolloutProcessors,
  ...benchmarkProcessors,
  ...reportProcessors,
  ...mailProcessors,
};

/** Per-queue overrides of BullMQ worker settings (tests shorten the lock to see a dead worker's job retried). */
export type WorkerOverrides = Partial<
  Record<QueueKey, { lockDuration?: number; stalledInterval?: number; concurrency?: number }>
>;

export type WorkerRuntime = {
  workers: Worker[];
  queues: Record<QueueKey, JobContext["queues"][QueueKey]>;
  producer: JobProducer;
  shutdown: (timeoutMs: number) => Promise<{ drained: boolean }>;
};

export async function startWorkerRuntime(opts: {
  db: Database;
  redisUrl: string;
  logger: Logger;
  processors?: Partial<Record<JobName, Processor>>;
  registerSchedulers?: boolean;
  /** Only these queues get a worker (default: all). */
  queues?: readonly QueueKey[];
  workerOptions?: WorkerOverrides;
  mailer?: Mailer | null;
  settings?: Partial<JobSettings>;
  /** Job durations, failures and scheduler lag for Prometheus (metrics.ts). */
  metrics?: WorkerMetrics | null;
}): Promise<WorkerRuntime> {
  const processors = { ...PROCESSORS, ...opts.processors };
  const producer = createJobProducer(opts.redisUrl);
  const queues = Object.fromEntries(
    (Object.keys(QUEUES) as QueueKey[]).map((k) => [k, producer.queue(k)]),
  ) as WorkerRuntime["queues"];
  const context: JobContext = {
    db: opts.db,
    queues,
    producer,
    logger: opts.logger,
    mailer: opts.mailer ?? null,
    settings: { ...DEFAULT_JOB_SETTINGS, ...opts.settings },
  };

  if (opts.registerSchedulers !== false) {
    for (const s of SCHEDULERS) {
      await queues[s.queue].upsertJobScheduler(
        s.id,
        { pattern: s.pattern, tz: SCHEDULER_TIMEZONE },
        { name: s.job, data: s.data },
      );
    }
  }

  const connections: ReturnType<typeof createBullConnection>[] = [];
  const workers = (opts.queues ?? (Object.keys(QUEUES) as QueueKey[])).map((key) => {
    const config = QUEUES[key];
    const overrides = opts.workerOptions?.[key] ?? {};
    const worker = new Worker(
      config.name,
      async (job) => {
        const processor = processors[job.name as JobName];
        if (!processor || JOBS[job.name as JobName]?.queue !== key)
          throw new Error(`no processor for job ${job.name} on queue ${key}`);
        return processor(job, context);
      },
      {
        connection: connections[connections.push(createBullConnection(opts.redisUrl)) - 1]!,
        prefix: QUEUE_PREFIX,
        concurrency: overrides.concurrency ?? config.concurrency,
        lockDuration: overrides.lockDuration ?? config.lockDurationMs,
        ...(overrides.stalledInterval !== undefined && { stalledInterval: overrides.stalledInterval }),
      },
    );
    // The base processor logs each run (job id, name, tenant, duration); this also catches what happens outside it,
    // e.g. a job whose worker died and that stalled too often.
    worker.on("failed", (job, err) => {
      opts.metrics?.failed(config.name, job);
      opts.logger.warn(
        { queue: key, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        "job failed",
      );
    });
    worker.on("completed", (job) => opts.metrics?.completed(config.name, job));
    worker.on("error", (err) => opts.logger.error({ queue: key, err: err.message }, "worker error"));
    return worker;
  });

  const shutdown = async (timeoutMs: number) => {
    // close() stops fetching new jobs at once and resolves when the active ones have finished.
    const closing = Promise.all(workers.map((w) => w.close()));
    const drained = await Promise.race([
      closing.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs)),
    ]);
    if (!drained) {
      opts.logger.warn(
        { timeoutMs },
        "active jobs did not finish in time; their locks lapse and another worker retries them",
      );
      await Promise.all(workers.map((w) => w.close(true)));
    }
    await producer.close();
    // BullMQ closes only the connections it made itself; these were handed to it.
    await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    return { drained };
  };

  return { workers, queues, producer, shutdown };
}
