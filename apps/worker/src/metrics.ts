// The worker's Prometheus metrics (ADR 0013), served on METRICS_PORT: job durations and failures per queue and job,
// how late scheduled jobs started (scheduler lag), and the database pool.
import {
  Counter,
  createRegistry,
  Gauge,
  Histogram,
  type Registry,
  registerPoolMetrics,
} from "@spatz/metrics";
import type { Job } from "bullmq";

export type WorkerMetrics = {
  registry: Registry;
  completed: (queue: string, job: Job) => void;
  failed: (queue: string, job: Job | undefined) => void;
};

/** A scheduler's job id is `repeat:<scheduler>:<due millis>`: how many seconds after that it started. */
export function schedulerLag(job: Job): { scheduler: string; seconds: number } | null {
  const match = /^repeat:(.+):(\d+)$/.exec(job.id ?? "");
  if (!match || !job.processedOn) return null;
  return { scheduler: match[1]!, seconds: Math.max(0, (job.processedOn - Number(match[2])) / 1000) };
}

export function createWorkerMetrics(pool: Parameters<typeof registerPoolMetrics>[1]): WorkerMetrics {
  const registry = createRegistry("worker");
  registerPoolMetrics(registry, pool);
  const duration = new Histogram({
    name: "spatz_job_duration_seconds",
    help: "Duration of jobs (processed → finished) by queue, job and outcome",
    labelNames: ["queue", "job", "outcome"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900],
    registers: [registry],
  });
  const failures = new Counter({
    name: "spatz_job_failures_total",
    help: "Failed job attempts by queue and job (retried ones included)",
    labelNames: ["queue", "job"],
    registers: [registry],
  });
  const lag = new Gauge({
    name: "spatz_scheduler_lag_seconds",
    help: "How many seconds after its due time the last scheduled run started, by scheduler",
    labelNames: ["scheduler"],
    registers: [registry],
  });
  const observe = (queue: string, job: Job, outcome: "completed" | "failed") => {
    if (job.processedOn && job.finishedOn)
      duration.observe({ queue, job: job.name, outcome }, (job.finishedOn - job.processedOn) / 1000);
    const late = schedulerLag(job);
    if (late) lag.set({ scheduler: late.scheduler }, late.seconds);
  };
  return {
    registry,
    completed: (queue, job) => observe(queue, job, "completed"),
    failed: (queue, job) => {
      failures.inc({ queue, job: job?.name ?? "unknown" });
      if (job) observe(queue, job, "failed");
    },
  };
}
