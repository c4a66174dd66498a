// Every job scheduler in one registry; the worker upserts them at start-up (idempotent: upsertJobScheduler).
import type { JobName } from "./payloads.ts";
import type { QueueKey } from "./queues.ts";

export type SchedulerDefinition = {
  id: string;
  queue: QueueKey;
  job: JobName;
  /** Cron pattern in the Europe/Berlin time zone. */
  pattern: string;
  data: Record<string, unknown>;
};

export const SCHEDULERS: SchedulerDefinition[] = [
  { id: "cleanup-hourly", queue: "maintenance", job: "cleanup.sweep", pattern: "7 * * * *", data: {} },
  {
    id: "rollout-land-stats",
    queue: "maintenance",
    job: "rollout.landStats",
    pattern: "*/10 * * * *",
    data: {},
  },
  // The safety net of the benchmark: every Kommune's snapshot (catches expired evidence and missed triggers, writes
  // the month end that has just passed) and all aggregates, at night.
  {
    id: "benchmark-nightly",
    queue: "benchmarks",
    job: "benchmark.refreshAll",
    pattern: "30 2 * * *",
    data: {},
  },
  // The rollout aggregates' safety net: everything recomputed, and any row the incremental jobs left different is
  // reported (rollout_agg_state, job monitor, log) and repaired. Also takes in the new day's overdue go-lives.
  {
    id: "rollout-aggregates-nightly",
    queue: "rolloutAggregates",
    job: "rollout.aggregateAll",
    pattern: "15 2 * * *",
    data: { checkDrift: true },
  },
  // Scheduled reports, after the nightly aggregates (02:15, 02:30) have written the month end that has just passed.
  {
    id: "reports-reifegradbericht-quarterly",
    queue: "reports",
    job: "report.schedule",
    pattern: "0 6 1 1,4,7,10 *",
    data: { kind: "reifegradbericht" },
  },
  {
    id: "reports-lagebericht-monthly",
    queue: "reports",
    job: "report.schedule",
    pattern: "0 6 1 * *",
    data: { kind: "lagebericht" },
  },
  {
    id: "reports-rollout-stand-monthly",
    queue: "reports",
    job: "report.schedule",
    pattern: "15 6 1 * *",
    data: { kind: "rollout_stand" },
  },
];

export const SCHEDULER_TIMEZONE = "Europe/Berlin";
