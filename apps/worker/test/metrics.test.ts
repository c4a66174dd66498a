// What an operator sees of the worker: Prometheus metrics (job durations per queue, job and outcome, failed attempts,
// scheduler lag, the pool) and log lines that carry the job's id and tenant.
// A Redis database of its own (/13).

import { Writable } from "node:stream";
import { createDb, type DbClient, poolStats } from "@spatz/db";
import { createJobProducer, type JobProducer } from "@spatz/jobs";
import { silent, until } from "@spatz/local/test-helpers";
import { createLogger } from "@spatz/logging";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { plainJob } from "../src/base-processor.ts";
import { createWorkerMetrics, schedulerLag } from "../src/metrics.ts";
import { startWorkerRuntime } from "../src/runtime.ts";

let client: DbClient;
let producer: JobProducer;

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 3 });
  producer = createJobProducer(`${inject("redisUrl")}/13`);
  await producer.queue("maintenance").obliterate({ force: true });
});
afterAll(async () => {
  await producer.close();
  await client.close();
});

describe("worker metrics", () => {
  it("record each job's duration and outcome, failed attempts and the pool", async () => {
    const metrics = createWorkerMetrics(() => poolStats(client.sql));
    const runtime = await startWorkerRuntime({
      db: client.db,
      redisUrl: `${inject("redisUrl")}/13`,
      logger: silent,
      registerSchedulers: false,
      queues: ["maintenance"],
      metrics,
    });
    try {
      const ok = await producer.queue("maintenance").add("rollout.landStats", {});
      // A payload that fails validation: failed at once, without retries.
      const bad = await producer.queue("maintenance").add("cleanup.tenant", { tenantId: "kein-mandant" });
      await until(
        "the jobs",
        async () => (await ok.getState()) === "completed" && (await bad.getState()) === "failed",
      );
      const text = await metrics.registry.metrics();
      expect(text).toMatch(
        /spatz_job_duration_seconds_count\{[^}]*queue="maintenance"[^}]*job="rollout.landStats"[^}]*outcome="completed"[^}]*\} 1/,
      );
      expect(text).toMatch(
        /spatz_job_failures_total\{[^}]*queue="maintenance"[^}]*job="cleanup.tenant"[^}]*\} 1/,
      );
      expect(text).toMatch(/spatz_db_pool_acquired\{service="worker"\} [1-9]/);
    } finally {
      await runtime.shutdown(5_000);
    }
  });

  it("every line a job's code logs carries the job's id, name and tenant", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger(
      "spatz-worker",
      "info",
      new Writable({
        write(chunk, _enc, done) {
          lines.push(JSON.parse(String(chunk)));
          done();
        },
      }),
    );
    const tenantId = "00000000-0000-4000-8000-00000000abcd";
    const runtime = await startWorkerRuntime({
      db: client.db,
      redisUrl: `${inject("redisUrl")}/13`,
      logger,
      registerSchedulers: false,
      queues: ["maintenance"],
      processors: {
        // The real base processor around a body that logs from deep inside, as query code would.
        "cleanup.tenant": plainJob("cleanup.tenant", async () => {
          await new Promise((r) => setTimeout(r, 5));
          logger.info({ step: "inside" }, "working");
        }),
      },
    });
    try {
      const job = await producer
        .queue("maintenance")
        .add("cleanup.tenant", { tenantId, hour: "2026-12-05T10" });
      await until("the jobs", async () => (await job.getState()) === "completed");
      expect(lines.find((l) => l.msg === "working")).toMatchObject({
        jobId: job.id,
        job: "cleanup.tenant",
        tenantId,
        service: "spatz-worker",
      });
    } finally {
      await runtime.shutdown(5_000);
    }
  });

  it("read a scheduled run's lag from its job id", () => {
    const job = { id: "repeat:benchmark-nightly:1796520600000", processedOn: 1796520603500 };
    expect(schedulerLag(job as never)).toEqual({ scheduler: "benchmark-nightly", seconds: 3.5 });
    expect(schedulerLag({ id: "report.x", processedOn: 1 } as never)).toBeNull();
  });
});
