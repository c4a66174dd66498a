// The one way to write a job processor. Every job:
// - has its payload validated with the job's zod schema; an invalid payload fails at once with BullMQ's
//   UnrecoverableError (retrying cannot fix it, so it is not retried);
// - is logged with job id, name, tenant id, attempt and duration, when it finishes and when it fails;
// - reaches data only through a transaction it opens itself from the payload: the tenant's (`tenantJob`), the
//   state's (`stateJob`), or none at all for jobs that only enqueue others (`plainJob`).
import {
  type Database,
  STATE_TENANT_ID,
  type TenantTx,
  type TransactionOptions,
  withTenant,
} from "@spatz/db";
import {
  type JobName,
  type JobPayload,
  type JobProducer,
  type QueueKey,
  safeParsePayload,
} from "@spatz/jobs";
import { withLogContext } from "@spatz/logging";
import type { Mailer } from "@spatz/mail";
import { type Job, type Queue, UnrecoverableError } from "bullmq";

export type Logger = {
  info: (o: object, m?: string) => void;
  warn: (o: object, m?: string) => void;
  error: (o: object, m?: string) => void;
};

/** What jobs need to know of the deployment (worker environment). */
export type JobSettings = {
  /** Origin the users open; links in mails point here. */
  publicUrl: string;
  /** Archived reports older than this many months are removed by the hourly sweep; null keeps them forever. */
  reportRetentionMonths: number | null;
};

export const DEFAULT_JOB_SETTINGS: JobSettings = {
  publicUrl: "http://localhost:3000",
  reportRetentionMonths: null,
};

export type JobContext = {
  db: Database;
  queues: Record<QueueKey, Queue>;
  producer: JobProducer;
  logger: Logger;
  /** Sends mails from the outbox; null where none is configured (the mails wait in the outbox). */
  mailer: Mailer | null;
  settings: JobSettings;
};

/** What the worker runtime calls for a job. */
export type Processor = (job: Job, ctx: JobContext) => Promise<unknown>;

type Run<N extends JobName, R> = (payload: JobPayload<N>, ctx: JobContext & { job: Job }) => Promise<R>;
type TxRun<N extends JobName, R> = (
  tx: TenantTx,
  payload: JobPayload<N>,
  ctx: JobContext & { job: Job },
) => Promise<R>;

/** Work that may follow the transaction once it has committed (e.g. enqueueing the next job). */
type After<N extends JobName, R> = (
  result: R,
  payload: JobPayload<N>,
  ctx: JobContext & { job: Job },
) => Promise<void>;

function tenantOf(payload: unknown): string | null {
  const id = (payload as { tenantId?: unknown } | null)?.tenantId;
  return typeof id === "string" ? id : null;
}

function define<N extends JobName, R>(name: N, run: Run<N, R>): Processor {
  return async (job, ctx) => {
    const started = performance.now();
    const base = { job: name, jobId: job.id, attempt: job.attemptsMade + 1 };
    const parsed = safeParsePayload(name, job.data);
    if (!parsed.success) {
      ctx.logger.warn(
        {
          ...base,
          tenantId: tenantOf(job.data),
          issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
        },
        "job payload invalid; not retried",
      );
      throw new UnrecoverableError(`invalid payload for ${name}: ${parsed.error.message}`);
    }
    const log = { ...base, tenantId: tenantOf(parsed.data) };
    try {
      // Every line the job's code logs carries its job id and tenant (@spatz/logging).
      const result = await withLogContext(
        { jobId: job.id, job: name, ...(log.tenantId && { tenantId: log.tenantId }) },
        () => run(parsed.data, { ...ctx, job }),
      );
      ctx.logger.info({ ...log, durationMs: Math.round(performance.now() - started) }, "job done");
      return result;
    } catch (error) {
      ctx.logger.warn(
        {
          ...log,
          durationMs: Math.round(performance.now() - started),
          err: error instanceof Error ? error.message : String(error),
        },
        "job failed",
      );
      throw error;
    }
  };
}

/** A job without a transaction of its own (it reads the registry or enqueues other jobs). */
export function plainJob<N extends JobName, R>(name: N, run: Run<N, R>): Processor {
  return define(name, run);
}

/** A job in the transaction of the payload's tenant. */
export function tenantJob<N extends JobName, R>(
  name: N,
  run: TxRun<N, R>,
  opts: { transaction?: TransactionOptions; after?: After<N, R> } = {},
): Processor {
  return define(name, async (payload, ctx) => {
    const tenantId = tenantOf(payload);
    if (!tenantId) throw new UnrecoverableError(`${name} carries no tenant id`);
    const result = await withTenant(ctx.db, tenantId, (tx) => run(tx, payload, ctx), opts.transaction);
    await opts.after?.(result, payload, ctx);
    return result;
  });
}

/** A job in the state tenant's transaction (the only one that may read or write what crosses Kommunen). */
export function stateJob<N extends JobName, R>(
  name: N,
  run: TxRun<N, R>,
  opts: { transaction?: TransactionOptions; after?: After<N, R> } = {},
): Processor {
  return define(name, async (payload, ctx) => {
    const result = await withTenant(ctx.db, STATE_TENANT_ID, (tx) => run(tx, payload, ctx), opts.transaction);
    await opts.after?.(result, payload, ctx);
    return result;
  });
}
