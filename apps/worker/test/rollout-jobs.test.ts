// Rollout aggregate jobs against real Redis and PostgreSQL: a burst of a Kommune's changes is one job that takes them
// all in, a rerun changes nothing, a worker killed mid-job loses no update (another worker retries it), and the
// nightly recompute reports a change no job took in as drift (log line, rollout_agg_state) and repairs it.
// These tests use a Redis database of their own, so no other test file's worker takes their jobs.
import { randomUUID } from "node:crypto";
import { createDb, type DbClient, queries, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { seedRolloutDemo } from "@spatz/db/seed";
import { createJobProducer, type JobProducer, QUEUES, rolloutKommuneJob } from "@spatz/jobs";
import { until } from "@spatz/local/test-helpers";
import { sql } from "drizzle-orm";
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
const KREIS = "15098";
const kommunen: string[] = [];
let serviceId = "";

const runtime = (opts: Partial<Parameters<typeof startWorkerRuntime>[0]> = {}): Promise<WorkerRuntime> =>
  startWorkerRuntime({
    db: client.db,
    redisUrl,
    logger,
    registerSchedulers: false,
    queues: ["rolloutAggregates"],
    ...opts,
  });

const inState = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(client.db, STATE_TENANT_ID, fn);

/** The stored aggregate row of a Kommune: what the state's dashboards show for it. */
async function stored(kommuneId: string) {
  const [row] = await inState((tx) =>
    tx.execute<{ online: number; planning: number }>(
      sql`select online, planning from rollout_agg_kommunen where kommune_id = ${kommuneId}`,
    ),
  );
  return row ?? null;
}

/** Sets the Kommune's record for the test service, as the product's write path leaves it. */
async function setStatus(kommuneId: string, status: "online" | "planning") {
  const values = {
    status,
    planningSince: "2026-01-05",
    implementingSince: status === "online" ? "2026-03-01" : null,
    onlineSince: status === "online" ? "2026-06-01" : null,
    // As the product's write path does (an upsert's SET does not run drizzle's $onUpdate).
    updatedAt: new Date(),
  };
  await withTenant(client.db, kommuneId, (tx) =>
    tx
      .insert(schema.rolloutRecords)
      .values({ tenantId: kommuneId, serviceId, ...values })
      .onConflictDoUpdate({
        target: [schema.rolloutRecords.tenantId, schema.rolloutRecords.serviceId],
        set: values,
      }),
  );
}

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 6 });
  redisUrl = `${inject("redisUrl")}/4`;
  producer = createJobProducer(redisUrl);
  for (let i = 0; i < 3; i++) {
    const slug = `rj-${randomUUID().slice(0, 8)}`;
    const [t] = await inState((tx) =>
      tx
        .insert(schema.tenants)
        .values({
          slug,
          name: `Gemeinde ${slug}`,
          kind: "einheitsgemeinde",
          population: 5_000 + i,
          kreisAgs: KREIS,
        })
        .returning({ id: schema.tenants.id }),
    );
    kommunen.push(t!.id);
  }
  // The catalogue and demo records of these Kommunen, and the aggregates a fresh start has.
  await seedRolloutDemo(client.db, "Test");
  const [s] = await inState((tx) =>
    tx.execute<{ id: string }>(sql`
      select id from ozg_services where in_catalogue and municipal_execution
        and 'einheitsgemeinde' = any(responsible_kinds) order by id limit 1`),
  );
  serviceId = s!.id;
}, 120_000);
afterAll(async () => {
  await producer.close();
  await client.close();
});
beforeEach(async () => {
  for (const key of Object.keys(QUEUES) as (keyof typeof QUEUES)[])
    await producer.queue(key).obliterate({ force: true });
  lines.length = 0;
});

describe("rollout aggregate jobs", () => {
  it("a burst of one Kommune's changes is one job, and it takes every change in", async () => {
    const k = kommunen[0]!;
    await setStatus(k, "planning");
    await inState((tx) => queries.refreshRolloutKreis(tx, STATE_TENANT_ID, KREIS, "2026-12-05"));
    const before = (await stored(k))!;
    for (let i = 0; i < 10; i++) await producer.enqueue(rolloutKommuneJob(k, 60_000));
    await setStatus(k, "online");
    const queue = producer.queue("rolloutAggregates");
    const delayed = await queue.getDelayed();
    expect(delayed.map((j) => j.data)).toEqual([{ tenantId: k }]);
    expect(delayed[0]!.id).toBeTruthy();
    const worker = await runtime();
    try {
      await delayed[0]!.promote();
      await until("the job", async () => (await delayed[0]!.getState()) === "completed");
      expect(await stored(k)).toEqual({ online: before.online + 1, planning: before.planning - 1 });
      expect(lines.some((l) => l.msg === "job done" && (l.obj as { tenantId?: string }).tenantId === k)).toBe(
        true,
      );
      // A rerun of the same job (same records) changes nothing.
      const again = await queue.add("rollout.aggregateKommune", { tenantId: k });
      await until("the rerun", async () => (await again.getState()) === "completed");
      expect(await stored(k)).toEqual({ online: before.online + 1, planning: before.planning - 1 });
    } finally {
      await worker.shutdown(5_000);
    }
  });

  it("a worker killed mid-job loses no update: another worker retries it", async () => {
    const k = kommunen[1]!;
    await setStatus(k, "planning");
    await inState((tx) => queries.refreshRolloutKreis(tx, STATE_TENANT_ID, KREIS, "2026-12-05"));
    const before = (await stored(k))!;
    await setStatus(k, "online");
    const slow = await startSlowWorker("slow-rollout-worker.ts", {
      DATABASE_URL: inject("appUrl"),
      REDIS_URL: redisUrl,
    });
    let next: WorkerRuntime | null = null;
    try {
      await producer.enqueue(rolloutKommuneJob(k, 0));
      await until("the job to start", async () => slow.output().includes("started"), { ms: 30_000 });
      await slow.kill();
      expect(await stored(k)).toEqual(before);
      next = await runtime({ workerOptions: { rolloutAggregates: { stalledInterval: 1_000 } } });
      await until("the retried job", async () => {
        const counts = await producer.queue("rolloutAggregates").getJobCounts("completed");
        return (counts.completed ?? 0) === 1;
      });
      expect(await stored(k)).toEqual({ online: before.online + 1, planning: before.planning - 1 });
      expect(await producer.queue("rolloutAggregates").getJobCounts("failed", "waiting", "delayed")).toEqual({
        failed: 0,
        waiting: 0,
        delayed: 0,
      });
    } finally {
      await slow.kill();
      await next?.shutdown(10_000);
    }
  }, 90_000);

  it("the nightly recompute reports a change no job took in, for the state admin to see, and repairs it", async () => {
    const k = kommunen[2]!;
    await inState((tx) =>
      queries.refreshRolloutAll(tx, STATE_TENANT_ID, "2026-12-05", { checkDrift: false }),
    );
    const before = (await stored(k))!;
    // Flip this Kommune's record of the test service, whatever the demo seed left there.
    const [current] = await withTenant(client.db, k, (tx) =>
      tx.execute<{ status: string }>(
        sql`select status from rollout_records where tenant_id = ${k} and service_id = ${serviceId}`,
      ),
    );
    await setStatus(k, current?.status === "online" ? "planning" : "online");
    const pending = await inState((tx) => queries.rolloutStand(tx));
    expect(pending.pendingSince).not.toBeNull();
    const worker = await runtime();
    try {
      const job = await producer.queue("rolloutAggregates").add("rollout.aggregateAll", { checkDrift: true });
      await until("the nightly job", async () => (await job.getState()) === "completed");
      const stand = await inState((tx) => queries.rolloutStand(tx));
      expect(stand.driftRows).toBeGreaterThan(0);
      expect(lines.some((l) => l.msg === "rollout aggregates drifted from the records; repaired")).toBe(true);
      expect(await stored(k)).not.toEqual(before);
    } finally {
      await worker.shutdown(5_000);
    }
  });
});
