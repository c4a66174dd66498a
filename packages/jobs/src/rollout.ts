// How the rollout aggregate jobs are enqueued: debounced with BullMQ's deduplication, like the benchmark's.
//
// A Kommune's change adds a job for that Kommune delayed by ROLLOUT_DEBOUNCE_MS; further changes while it waits are
// absorbed (one job for a burst of a bulk update), and a change while it runs is kept as exactly one follow-up job
// (`keepLastIfActive`), so a change committed after the job read the records is never lost. The job recomputes the
// Kommune's Kreis. Catalogue and responsibility changes recompute everything, debounced the same way.
import type { JobRequest } from "./benchmark.ts";

export const ROLLOUT_DEBOUNCE_MS = 5_000;

export function rolloutKommuneJob(
  tenantId: string,
  delayMs = ROLLOUT_DEBOUNCE_MS,
): JobRequest<"rollout.aggregateKommune"> {
  return {
    name: "rollout.aggregateKommune",
    data: { tenantId },
    opts: {
      delay: delayMs,
      deduplication: { id: `rollout.aggregate.kommune.${tenantId}`, keepLastIfActive: true },
    },
  };
}

export function rolloutAllJob(delayMs = ROLLOUT_DEBOUNCE_MS): JobRequest<"rollout.aggregateAll"> {
  return {
    name: "rollout.aggregateAll",
    data: { checkDrift: false },
    opts: { delay: delayMs, deduplication: { id: "rollout.aggregate.all", keepLastIfActive: true } },
  };
}
