// Builds the worker runtime: one BullMQ worker per queue, the scheduler registry, and a graceful shutdown that lets
// active jobs finish within a timeout (a job still running afterwards keeps its lock until it lapses, then another
// worker takes it over, so nothing is lost).
import type { Database } from "@spatz/db";
import {
  createBullConnection,
  createQueue,
  JOBS,
  type JobName,
  parsePayload,
  QUEUE_PREFIX,
  QUEUES,
  type QueueKey,
  SCHEDULER_TIMEZONE,
  SCHEDULERS,
} from "@spatz/jobs";
import { type Job, type Queue, Worker } from "bullmq";
import { cleanupTenant, sweep } from "./processors/maintenance.ts";
import { refreshRolloutLandStats } from "./processors/rollout.ts";

export type Logger = {
  info: (o: object, m?: string) => void;
  warn: (o: object, m?: string) => void;
  error: (o: object, m?: string) => void;
};

export type Processor = (
  job: Job,
  ctx: { db: Database; queues: Record<QueueKey, Queue> },
) => Promise<unknown>;

export const PROCESSORS: Record<JobName, Processor> = {
  "cleanup.sweep": (_job, ctx) => sweep(ctx.db, ctx.queues.maintenance),
  "cleanup.tenant": (job, ctx) => cleanupTenant(ctx.db, parsePayload("cleanup.tenant", job.data)),
  "rollout.landStats": (job, ctx) => {
    parsePayload("rollout.landStats", job.data);
    return refreshRolloutLandStats(ctx.db);
  },
};

export type WorkerRuntime = {
  workers: Worker[];
  queues: Record<QueueKey, Queue>;
  shutdown: (timeoutMs: number) => Promise<{ drained: boolean }>;
};

export async function startWorkerRuntime(opts: {
  db: Database;
  redisUrl: string;
  logger: Logger;
  processors?: Partial<Record<JobName, Processor>>;
  registerSchedulers?: boolean;
}): Promise<WorkerRuntime> {
  const processors = { ...PROCESSORS, ...opts.processors };
  const producerConnection = createBullConnection(opts.redisUrl);
  const queues = Object.fromEntries(
    (Object.keys(QUEUES) as QueueKey[]).map((k) => [k, createQueue(k, producerConnection)]),
  ) as Record<QueueKey, Queue>;

  if (opts.registerSchedulers !== false) {
    for (const s of SCHEDULERS) {
      await queues[s.queue].upsertJobScheduler(
        s.id,
        { pattern: s.pattern, tz: SCHEDULER_TIMEZONE },
        { name: s.job, data: s.data },
      );
    }
  }

  const workers = (Object.keys(QUEUES) as QueueKey[]).map((key) => {
    const config = QUEUES[key];
    const worker = new Worker(
      config.name,
      async (job) => {
        const processor = processors[job.name as JobName];
        if (!processor || JOBS[job.name as JobName]?.queue !== key)
          throw new Error(`no processor for job ${job.name} on queue ${key}`);
        return processor(job, { db: opts.db, queues });
      },
      {
        connection: createBullConnection(opts.redisUrl),
        prefix: QUEUE_PREFIX,
        concurrency: config.concurrency,
        lockDuration: config.lockDurationMs,
      },
    );
    worker.on("failed", (job, err) =>
      opts.logger.warn(
        { queue: key, job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message },
        "job failed",
      ),
    );
    worker.on("completed", (job) =>
      opts.logger.info({ queue: key, job: job.name, jobId: job.id }, "job completed"),
    );
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
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await producerConnection.quit().catch(() => {});
    return { drained };
  };

  return { workers, queues, shutdown };
}
