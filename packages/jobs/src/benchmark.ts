// How benchmark jobs are enqueued: debounced per Kommune with BullMQ's deduplication, and the nightly refresh as a
// flow with deterministic ids.
//
// Debounce: the first change of a Kommune adds a snapshot job delayed by SNAPSHOT_DEBOUNCE_MS; every further change
// while that job waits is absorbed (deduplication id per Kommune), so a burst of 50 completions is one job. A change
// while the job runs is kept as exactly one follow-up job (`keepLastIfActive`), so a change committed after the job
// read the measures is never lost. The aggregation is debounced the same way, per scope.
import type { FlowJob, JobsOptions } from "bullmq";
import { JOBS, type JobName, type JobPayload } from "./payloads.ts";
import { QUEUES } from "./queues.ts";

export const SNAPSHOT_DEBOUNCE_MS = 10_000;
export const AGGREGATE_DEBOUNCE_MS = 15_000;

export type JobRequest<N extends JobName = JobName> = { name: N; data: JobPayload<N>; opts: JobsOptions };

export function snapshotJob(
  tenantId: string,
  delayMs = SNAPSHOT_DEBOUNCE_MS,
): JobRequest<"benchmark.snapshot"> {
  return {
    name: "benchmark.snapshot",
    data: { tenantId },
    opts: { delay: delayMs, deduplication: { id: `benchmark.snapshot.${tenantId}`, keepLastIfActive: true } },
  };
}

export function aggregateJob(
  scope: JobPayload<"benchmark.aggregate">["scope"],
  delayMs = AGGREGATE_DEBOUNCE_MS,
): JobRequest<"benchmark.aggregate"> {
  return {
    name: "benchmark.aggregate",
    data: { scope },
    opts: { delay: delayMs, deduplication: { id: `benchmark.aggregate.${scope}`, keepLastIfActive: true } },
  };
}

export const nightlyAggregateJobId = (day: string) => `benchmark.aggregate.nightly.${day}`;
export const nightlySnapshotJobId = (day: string, tenantId: string) =>
  `benchmark.snapshot.nightly.${day}.${tenantId}`;

/**
 * The nightly refresh of `day`: one snapshot job per Kommune as children of one aggregation. Every id is
 * deterministic, so adding the same flow again (a fan-out job retried after its worker died) adds nothing twice;
 * a Kommune whose snapshot fails for good does not hold back the aggregation of the others.
 */
export function nightlyFlow(day: string, tenantIds: readonly string[]): FlowJob {
  return {
    name: "benchmark.aggregate",
    queueName: QUEUES[JOBS["benchmark.aggregate"].queue].name,
    data: { scope: "all" } satisfies JobPayload<"benchmark.aggregate">,
    opts: { jobId: nightlyAggregateJobId(day) },
    children: tenantIds.map((tenantId) => ({
      name: "benchmark.snapshot",
      queueName: QUEUES[JOBS["benchmark.snapshot"].queue].name,
      data: { tenantId } satisfies JobPayload<"benchmark.snapshot">,
      opts: { jobId: nightlySnapshotJobId(day, tenantId), ignoreDependencyOnFailure: true },
    })),
  };
}
