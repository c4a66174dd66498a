// Benchmark jobs against real Redis and PostgreSQL: the base processor refuses an invalid payload without retries,
// a burst of changes is one snapshot job (and a change during a run exactly one more), a snapshot enqueues the
// aggregation after its commit, and the nightly flow survives a worker killed halfway (SIGKILL) without duplicates.
// These tests use a Redis database of their own, so no other test file's worker takes their jobs.
import { randomUUID } from "node:crypto";
import { createDb, type DbClient, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { berlinToday } from "@spatz/domain";
import {
  createJobProducer,
  type JobProducer,
  nightlyAggregateJobId,
  nightlyFlow,
  QUEUES,
  snapshotJob,
} from "@spatz/jobs";
import { until } from "@spatz/local/test-helpers";
import type { Job, Queue } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startWorkerRuntime, type WorkerRuntime } from "../src/runtime.ts";
import { startSlowWorker } from "./support/slow-worker.ts";

let client: DbClient;
let producer: JobProducer;
let redisUrl = "";
const lines: { msg?: string; obj: object }[] = [];
const logger = {
  info: (obj: object, msg?: string) => void lines.push({ obj, msg }),
  warn: (obj: object, msg?: string) => void lines.push({ obj, msg }),
  error: (obj: object, msg?: string) => void lines.push({ obj, msg }),
};

beforeAll(() => {
  client = createDb(inject("appUrl"), { max: 6 });
  redisUrl = `${inject("redisUrl")}/3`;
  producer = createJobProducer(redisUrl);
});
afterAll(async () => {
  await producer.close();
  await client.close();
});
beforeEach(async () => {
  for (const key of Object.keys(QUEUES) as (keyof typeof QUEUES)[])
    await producer.queue(key).obliterate({ force: true });
});

/** A Kommune with two completed measures, created as the product creates it. */
async function kommune(): Promise<string> {
  const slug = `bj-${randomUUID().slice(0, 8)}`;
  const [t] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
    tx
      .insert(schema.tenants)
      .values({
        slug,
        name: `Kommune ${slug}`,
        kind: "einheitsgemeinde",
        population: 8_000,
        kreisAgs: "15090",
        kreisName: "Testkreis",
      })
      .returning({ id: schema.tenants.id }),
  );
  await withTenant(client.db, t!.id, (tx) =>
    tx.insert(schema.measures).values(
      ["strategie.1.verantwortung", "sicherheit.1.isb"].map((key) => ({
        tenantId: t!.id,
        title: "Maßnahme",
        status: "completed" as const,
        completedOn: "2025-02-01",
        evidenceText: "Nachweis",
        criterionKeys: [key],
      })),
    ),
  );
  return t!.id;
}

const snapshotRows = (tenantId: string) =>
  withTenant(client.db, tenantId, (tx) =>
    tx.execute<{ n: number; distinct_keys: number }>(
      sql`select count(*)::int as n, count(distinct (period, stichtag, metric))::int as distinct_keys from maturity_snapshots`,
    ),
  ).then((rows) => rows[0]!);

async function runtime(opts: Partial<Parameters<typeof startWorkerRuntime>[0]> = {}): Promise<WorkerRuntime> {
  return startWorkerRuntime({ db: client.db, redisUrl, logger, registerSchedulers: false, ...opts });
}

describe("base processor", () => {
  it("an invalid payload fails once, without retries, and is logged", async () => {
    const worker = await runtime({ queues: ["benchmarks", "maintenance"] });
    try {
      const jobs: Job[] = [
        await producer.queue("benchmarks").add("benchmark.snapshot", { tenantId: "keine-uuid" }),
        await producer
          .queue("maintenance")
          .add("cleanup.tenant", { tenantId: randomUUID(), hour: "gestern" }),
      ];
      for (const job of jobs) {
        await until("the job to fail", async () => (await job.getState()) === "failed");
        const failed = (await producer
          .queue(job.queueName === "benchmarks" ? "benchmarks" : "maintenance")
          .getJob(job.id!))!;
        expect(failed.attemptsMade).toBe(1);
        expect(failed.opts.attempts).toBeGreaterThan(1);
        expect(failed.failedReason).toMatch(/invalid payload/);
      }
      expect(lines.some((l) => l.msg === "job payload invalid; not retried")).toBe(true);
    } finally {
      await worker.shutdown(5_000);
    }
  });
});

describe("benchmark jobs", () => {
  it("debounce: 50 changes of one Kommune in a burst are one snapshot job", async () => {
    const tenantId = randomUUID();
    const other = randomUUID();
    await Promise.all([
      ...Array.from({ length: 50 }, () => producer.enqueue(snapshotJob(tenantId))),
      producer.enqueue(snapshotJob(other)),
    ]);
    const delayed = await producer.queue("benchmarks").getDelayed();
    expect(delayed.map((j) => j.data.tenantId).sort()).toEqual([tenantId, other].sort());
  });

  it("a change while the Kommune's snapshot runs leads to exactly one more run", async () => {
    const tenantId = await kommune();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let runs = 0;
    let started!: () => void;
    const first = new Promise<void>((r) => {
      started = r;
    });
    const worker = await runtime({
      queues: ["benchmarks"],
      processors: {
        "benchmark.snapshot": async () => {
          runs++;
          started();
          await gate;
        },
      },
    });
    try {
      await producer.enqueue(snapshotJob(tenantId, 0));
      await first;
      for (let i = 0; i < 10; i++) await producer.enqueue(snapshotJob(tenantId, 0));
      release();
      await until("the follow-up run", async () => runs === 2);
      await until("the queue to be idle", async () => {
        const c = await producer
          .queue("benchmarks")
          .getJobCounts("waiting", "delayed", "active", "completed");
        return (c.waiting ?? 0) + (c.delayed ?? 0) + (c.active ?? 0) === 0 && c.completed === 2;
      });
      expect(runs).toBe(2);
    } finally {
      await worker.shutdown(5_000);
    }
  });

  it("a snapshot commits, then enqueues the debounced aggregation, which updates the figures", async () => {
    const tenantId = await kommune();
    const worker = await runtime({ queues: ["benchmarks", "benchmarkAggregates"] });
    try {
      await producer.enqueue(snapshotJob(tenantId, 0));
      // The first refresh back-fills the month ends, so every Stichtag is aggregated ("all").
      const aggregation = await until("the debounced aggregation", async () => {
        const [job] = await producer.queue("benchmarkAggregates").getDelayed();
        return job;
      });
      expect(aggregation.data).toEqual({ scope: "all" });
      expect((await snapshotRows(tenantId)).n).toBe(37 * 9);
      await aggregation.promote();
      await until("the aggregation", async () => (await aggregation.getState()) === "completed");
      const rows = await withTenant(client.db, tenantId, (tx) =>
        tx.select().from(schema.maturityBenchmarks).where(eq(schema.maturityBenchmarks.period, "current")),
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(
        lines.some((l) => l.msg === "job done" && (l.obj as { tenantId?: string }).tenantId === tenantId),
      ).toBe(true);
    } finally {
      await worker.shutdown(5_000);
    }
  });

  it("the nightly flow completes after its worker was killed halfway, without duplicates", async () => {
    const tenants: string[] = [];
    for (let i = 0; i < 8; i++) tenants.push(await kommune());
    const day = "2031-01-15";
    const slow = await startSlowWorker("slow-benchmark-worker.ts", {
      DATABASE_URL: inject("appUrl"),
      REDIS_URL: redisUrl,
      SLOW_MS: "300",
    });
    let next: WorkerRuntime | null = null;
    try {
      await producer.flows().add(nightlyFlow(day, tenants));
      const snapshots: Queue = producer.queue("benchmarks");
      await until(
        "a few snapshots",
        async () => ((await snapshots.getJobCounts("completed")).completed ?? 0) >= 2,
      );
      await slow.kill();
      const killed = await snapshots.getJobCounts("completed", "active", "waiting");
      expect(killed.completed!).toBeLessThan(tenants.length);
      // The fan-out job retried after its worker died adds the same flow again: nothing is added twice.
      await producer.flows().add(nightlyFlow(day, tenants));
      const counts = await snapshots.getJobCounts("completed", "active", "waiting", "delayed", "failed");
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(tenants.length);

      // Another worker takes over: the killed worker's running jobs are retried once their lock has lapsed.
      next = await runtime({
        queues: ["benchmarks", "benchmarkAggregates"],
        workerOptions: { benchmarks: { stalledInterval: 1_000 } },
      });
      const parent = (await producer.queue("benchmarkAggregates").getJob(nightlyAggregateJobId(day)))!;
      await until("the nightly aggregation", async () => (await parent.getState()) === "completed", {
        ms: 60_000,
      });
      expect(await snapshots.getJobCounts("completed", "failed")).toEqual({
        completed: tenants.length,
        failed: 0,
      });
      expect((await producer.queue("benchmarkAggregates").getJobCounts("completed")).completed).toBe(1);
      for (const tenantId of tenants)
        expect(await snapshotRows(tenantId)).toEqual({ n: 37 * 9, distinct_keys: 37 * 9 });
      // Once more, after everything is done: still nothing new.
      await producer.flows().add(nightlyFlow(day, tenants));
      expect((await snapshots.getJobCounts("completed", "waiting", "delayed")).completed).toBe(
        tenants.length,
      );
      expect(await snapshots.getJobCounts("waiting", "delayed")).toEqual({ waiting: 0, delayed: 0 });
    } finally {
      await slow.kill();
      await next?.shutdown(10_000);
    }
  }, 120_000);

  it("the nightly refresh fans out one snapshot per active Kommune under the day's deterministic ids", async () => {
    const mine = [await kommune(), await kommune()];
    const worker = await runtime({ queues: ["benchmarks"] });
    try {
      const job = await producer.queue("benchmarks").add("benchmark.refreshAll", {});
      await until("the fan-out", async () => (await job.getState()) === "completed");
      const day = berlinToday();
      const parent = (await producer.queue("benchmarkAggregates").getJob(nightlyAggregateJobId(day)))!;
      expect(parent.data).toEqual({ scope: "all" });
      const children = await parent.getDependencies({
        unprocessed: { count: 1000 },
        processed: { count: 1000 },
      });
      const childIds = [...(children.unprocessed ?? []), ...Object.keys(children.processed ?? {})].join(" ");
      for (const id of mine) expect(childIds).toContain(id);
    } finally {
      await worker.shutdown(5_000);
    }
  });
});
