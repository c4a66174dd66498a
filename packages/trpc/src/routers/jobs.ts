// Hintergrundaufgaben: the job monitor of the state administration, read from BullMQ itself (no copy): per queue the
// counts and the last finished job, the schedulers with their next run, the failed jobs with their error, and a retry.
import { STATE_TENANT_ID, writeAudit } from "@spatz/db";
import { ERROR_MESSAGES, pageInput } from "@spatz/domain";
import { JOB_LABELS, QUEUE_LABELS, QUEUES, type QueueKey, SCHEDULER_TIMEZONE, SCHEDULERS } from "@spatz/jobs";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { ServerDeps } from "../context.ts";
import { router, type SessionContext, tenantProcedure } from "../trpc.ts";

const queueKey = z.enum(Object.keys(QUEUES) as [QueueKey, ...QueueKey[]]);

const counts = z.object({
  waiting: z.number().int(),
  delayed: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  waitingChildren: z.number().int(),
});

const overviewOutput = z.object({
  queues: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      label: z.string(),
      counts,
      lastFinished: z
        .object({
          name: z.string(),
          label: z.string(),
          finishedAt: z.date(),
          durationMs: z.number().int().nullable(),
          failed: z.boolean(),
        })
        .nullable(),
    }),
  ),
  schedulers: z.array(
    z.object({
      id: z.string(),
      job: z.string(),
      label: z.string(),
      queue: z.string(),
      pattern: z.string(),
      timezone: z.string(),
      nextRunAt: z.date().nullable(),
    }),
  ),
});

const failedOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      label: z.string(),
      error: z.string(),
      attempts: z.number().int(),
      failedAt: z.date().nullable(),
      tenantId: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const UNAVAILABLE = "Die Warteschlange ist nicht erreichbar. Bitte später erneut versuchen.";

function producerOf(ctx: { session: SessionContext; deps: { jobs: ServerDeps["jobs"] } }) {
  if (ctx.session.tenant.kind !== "state")
    throw new TRPCError({ code: "FORBIDDEN", message: ERROR_MESSAGES.FORBIDDEN });
  if (!ctx.deps.jobs) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE });
  return ctx.deps.jobs;
}

/** BullMQ calls with a bound: a monitor must answer even when Redis does not. */
async function bounded<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TRPCError({ code: "SERVICE_UNAVAILABLE", message: UNAVAILABLE })),
          3_000,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const jobLabel = (name: string) => JOB_LABELS[name as keyof typeof JOB_LABELS] ?? name;

export const jobsRouter = router({
  overview: tenantProcedure.output(overviewOutput).query(async ({ ctx }) => {
    const jobs = producerOf(ctx);
    return bounded(
      (async () => {
        const keys = Object.keys(QUEUES) as QueueKey[];
        const queues = await Promise.all(
          keys.map(async (key) => {
            const queue = jobs.queue(key);
            const [c, [done], [failed]] = await Promise.all([
              queue.getJobCounts("waiting", "delayed", "active", "completed", "failed", "waiting-children"),
              queue.getJobs(["completed"], 0, 0, false),
              queue.getJobs(["failed"], 0, 0, false),
            ]);
            const last = [done, failed]
              .filter((j) => j?.finishedOn)
              .sort((a, b) => b!.finishedOn! - a!.finishedOn!)[0];
            return {
              key,
              name: QUEUES[key].name,
              label: QUEUE_LABELS[key],
              counts: {
                waiting: c.waiting ?? 0,
                delayed: c.delayed ?? 0,
                active: c.active ?? 0,
                completed: c.completed ?? 0,
                failed: c.failed ?? 0,
                waitingChildren: c["waiting-children"] ?? 0,
              },
              lastFinished: last
                ? {
                    name: last.name,
                    label: jobLabel(last.name),
                    finishedAt: new Date(last.finishedOn!),
                    durationMs: last.processedOn ? last.finishedOn! - last.processedOn : null,
                    failed: last === failed,
                  }
                : null,
            };
          }),
        );
        const schedulers = await Promise.all(
          SCHEDULERS.map(async (s) => {
            const stored = await jobs.queue(s.queue).getJobScheduler(s.id);
            return {
              id: s.id,
              job: s.job,
              label: jobLabel(s.job),
              queue: QUEUES[s.queue].name,
              pattern: s.pattern,
              timezone: SCHEDULER_TIMEZONE,
              nextRunAt: stored?.next ? new Date(stored.next) : null,
            };
          }),
        );
        return { queues, schedulers };
      })(),
    );
  }),

  /** The failed jobs of one queue, newest first, with their error. */
  failed: tenantProcedure
    .input(pageInput.extend({ queue: queueKey }))
    .output(failedOutput)
    .query(async ({ ctx, input }) => {
      const queue = producerOf(ctx).queue(input.queue);
      return bounded(
        (async () => {
          const start = (input.page - 1) * input.pageSize;
          const [items, total] = await Promise.all([
            queue.getJobs(["failed"], start, start + input.pageSize - 1, false),
            queue.getFailedCount(),
          ]);
          return {
            items: items.map((j) => ({
              id: j.id!,
              name: j.name,
              label: jobLabel(j.name),
              error: j.failedReason ?? "",
              attempts: j.attemptsMade,
              failedAt: j.finishedOn ? new Date(j.finishedOn) : null,
              tenantId: typeof j.data?.tenantId === "string" ? j.data.tenantId : null,
            })),
            total,
            page: input.page,
            pageSize: input.pageSize,
          };
        })(),
      );
    }),

  /** Starts a failed job again; audited in the state's log. */
  retry: tenantProcedure
    .input(z.object({ queue: queueKey, jobId: z.string().min(1).max(200) }))
    .output(z.object({ id: z.string(), state: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const queue = producerOf(ctx).queue(input.queue);
      const job = await bounded(queue.getJob(input.jobId));
      if (!job || (await bounded(job.getState())) !== "failed") {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: "Diese fehlgeschlagene Aufgabe gibt es nicht (mehr).",
        });
      }
      await writeAudit(ctx.tx, STATE_TENANT_ID, ctx.session.actor, {
        action: "job.retry",
        entityType: "background_job",
        entityId: null,
        before: { queue: input.queue, jobId: input.jobId, name: job.name, error: job.failedReason },
      });
      // After the audit entry is committed: the retry itself cannot be rolled back.
      ctx.afterCommit(() => job.retry("failed"));
      return { id: job.id!, state: "waiting" };
    }),
});
