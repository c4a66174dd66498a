// The API's Prometheus metrics (ADR 0013), served on METRICS_PORT: request latency per tRPC procedure (or route) and
// status, the database pool, and the job counts per queue and state (read from Redis when scraped).
import { poolStats } from "@spatz/db";
import { type JobProducer, QUEUES, type QueueKey } from "@spatz/jobs";
import { createRegistry, Gauge, Histogram, type Registry, registerPoolMetrics } from "@spatz/metrics";
import type postgres from "postgres";

export type ApiMetrics = {
  registry: Registry;
  /** One finished request: a tRPC batch counts once per procedure in it, with the batch's duration. */
  observe: (request: {
    path: string;
    routePath: string;
    method: string;
    status: number;
    seconds: number;
  }) => void;
};

const JOB_STATES = ["waiting", "active", "delayed", "failed", "completed"] as const;

/** The label of a request: its tRPC procedures, its route pattern, or "static" for the web app's files. */
export function routesOf(path: string, routePath: string): string[] {
  if (path.startsWith("/trpc/")) return path.slice("/trpc/".length).split(",").slice(0, 10);
  return [routePath === "*" || routePath === "/*" ? "static" : routePath];
}

export function createApiMetrics(deps: {
  pool: postgres.Sql;
  jobs: Pick<JobProducer, "queue"> | null;
}): ApiMetrics {
  const registry = createRegistry("api");
  const duration = new Histogram({
    name: "spatz_http_request_duration_seconds",
    help: "Duration of HTTP requests by tRPC procedure (or route), method and status",
    labelNames: ["route", "method", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  registerPoolMetrics(registry, () => poolStats(deps.pool));
  if (deps.jobs) {
    const jobs = deps.jobs;
    new Gauge({
      name: "spatz_jobs",
      help: "Jobs per queue and state (from Redis when scraped)",
      labelNames: ["queue", "state"],
      registers: [registry],
      async collect() {
        for (const key of Object.keys(QUEUES) as QueueKey[]) {
          const counts = await jobs
            .queue(key)
            .getJobCounts(...JOB_STATES)
            .catch(() => null);
          if (!counts) continue; // Redis unreachable: the scrape still answers, without these figures
          for (const state of JOB_STATES) this.set({ queue: QUEUES[key].name, state }, counts[state] ?? 0);
        }
      },
    });
  }
  return {
    registry,
    observe: ({ path, routePath, method, status, seconds }) => {
      for (const route of routesOf(path, routePath))
        duration.observe({ route: route.slice(0, 80), method, status: String(status) }, seconds);
    },
  };
}
