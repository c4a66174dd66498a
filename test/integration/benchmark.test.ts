// The benchmark end to end over the API with a real worker: a Kommune's completed measure reaches its snapshot and
// the aggregates through the real trigger path (enqueued after the commit, debounced, processed by the worker), the
// Land's export marks suppressed cells in German, k is the state's, and the job monitor reads BullMQ.
import { randomUUID } from "node:crypto";
import { queries, STATE_TENANT_ID, withTenant } from "@spatz/db";
import { silent, until } from "@spatz/local/test-helpers";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import type { Job } from "bullmq";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, stateTenant } from "../src/fixtures.ts";
import { sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let worker: WorkerRuntime;
let state: FixtureTenant;
const kommunen: FixtureTenant[] = [];
const jobsRedisUrl = () => `${inject("redisUrl")}/7`;

const delayedSnapshots = async (tenantId: string) =>
  (await t.deps.jobs!.queue("benchmarks").getDelayed()).filter((j) => j.data.tenantId === tenantId);

/** Runs a debounced job now instead of at the end of its window, and waits for it. */
async function runNow(job: Job) {
  await job.promote();
  await until(`${job.name} to finish`, async () => (await job.getState()) === "completed");
}

async function completeMeasure(session: ApiSession, criterionKey: string) {
  const measure = await session.must<{ id: string }>("measures.create", {
    title: `Maßnahme ${randomUUID().slice(0, 6)}`,
    criterionKeys: [criterionKey],
  });
  await session.must("measures.setStatus", {
    id: measure.id,
    status: "completed",
    completedOn: "2026-01-15",
    evidenceText: "Beschluss liegt vor",
  });
  return measure.id;
}

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), jobsRedisUrl: jobsRedisUrl() });
  for (const key of ["benchmarks", "benchmarkAggregates"] as const)
    await t.deps.jobs!.queue(key).obliterate({ force: true });
  state = await stateTenant(t.client.db);
  for (let i = 0; i < 6; i++) kommunen.push(await createTenant(t.client.db, `vergleich${i}`));
  // A baseline, as the nightly refresh would leave it.
  for (const k of kommunen)
    await withTenant(t.client.db, k.id, (tx) => queries.refreshMaturitySnapshot(tx, k.id));
  await withTenant(t.client.db, STATE_TENANT_ID, (tx) => queries.aggregateBenchmarks(tx, { scope: "all" }), {
    isolation: "repeatable read",
    statementTimeoutMs: 120_000,
  });
  worker = await startWorkerRuntime({
    db: t.client.db,
    redisUrl: jobsRedisUrl(),
    logger: silent,
    registerSchedulers: false,
    queues: ["benchmarks", "benchmarkAggregates"],
  });
}, 120_000);
afterAll(async () => {
  await worker?.shutdown(10_000);
  await t?.close();
});

type Position = { metrics: { key: string; own: number | null; band: { label: string } | null }[] };

describe("from a completed measure to the Land's figures", () => {
  it("the change is enqueued after the commit, debounced, and the worker's jobs update snapshot and aggregates", async () => {
    const k = kommunen[0]!;
    const cdo = await sessionAs(t, k, "coordinator");
    // A refused change enqueues nothing.
    const refused = await cdo.call("measures.create", {
      title: "",
      criterionKeys: ["strategie.1.verantwortung"],
    });
    expect(refused.ok).toBe(false);
    expect(await delayedSnapshots(k.id)).toEqual([]);

    const before = await (await sessionAs(t, k, "viewer")).must<{ current: { index: number } }>(
      "benchmark.own",
    );
    const stateBefore = await (await sessionAs(t, state, "state_pmo")).must<{
      computedAt: Date | null;
    }>("benchmark.distribution", { groupId: "all", stichtag: "current" });
    await completeMeasure(cdo, "strategie.1.verantwortung");
    await completeMeasure(cdo, "strategie.1.bestandsaufnahme");
    // Four committed changes, one snapshot job waiting for the end of its window.
    const [snapshot, ...more] = await delayedSnapshots(k.id);
    expect(more).toEqual([]);
    await runNow(snapshot!);
    const aggregation = await until("the debounced aggregation", async () => {
      const [job] = await t.deps.jobs!.queue("benchmarkAggregates").getDelayed();
      return job;
    });
    expect(aggregation.data).toEqual({ scope: "current" });
    await runNow(aggregation);

    const after = await (await sessionAs(t, k, "viewer")).must<{
      current: { index: number; dimensions: { key: string; level: number; completedMeasures: number }[] };
    }>("benchmark.own");
    expect(after.current.index).toBeGreaterThan(before.current.index);
    expect(after.current.dimensions.find((d) => d.key === "strategie")).toMatchObject({
      level: 1,
      completedMeasures: 2,
    });
    const position = await (await sessionAs(t, k, "leadership")).must<Position>("benchmark.position", {
      groupId: "all",
    });
    expect(position.metrics.find((m) => m.key === "index")!.own).toBe(after.current.index);
    const stateAfter = await (await sessionAs(t, state, "state_pmo")).must<{ computedAt: Date | null }>(
      "benchmark.distribution",
      { groupId: "all", stichtag: "current" },
    );
    expect(stateAfter.computedAt!.getTime()).toBeGreaterThan(stateBefore.computedAt!.getTime());
  });

  it("twenty changes of one Kommune in a burst are one snapshot job", async () => {
    const k = kommunen[1]!;
    const cdo = await sessionAs(t, k, "coordinator");
    const measure = await cdo.must<{ id: string }>("measures.create", {
      title: "Wechselhafte Maßnahme",
      criterionKeys: ["daten.1.fachverfahrenskataster"],
    });
    for (let i = 0; i < 20; i++)
      await cdo.must("measures.setStatus", {
        id: measure.id,
        status: i % 2 === 0 ? "in_progress" : "planned",
      });
    expect(await delayedSnapshots(k.id)).toHaveLength(1);
  });
});

describe("the Land's views", () => {
  it("exports exactly the distribution it shows, suppressed cells marked with k", async () => {
    const pmo = await sessionAs(t, state, "state_pmo");
    const view = await pmo.must<{
      metrics: { label: string; figures: { suppressed: boolean; reason?: string } }[];
    }>("benchmark.distribution", { groupId: "kind:verbandsgemeinde", stichtag: "current" });
    expect(view.metrics[0]!.figures).toEqual({
      suppressed: true,
      reason: "weniger als 5 Kommunen – nicht ausgewiesen",
    });
    const csv = await pmo.must<{ filename: string; base64: string }>("benchmark.exportDistribution", {
      groupId: "kind:verbandsgemeinde",
      stichtag: "current",
      format: "csv",
    });
    const text = Buffer.from(csv.base64, "base64").toString("utf8");
    expect(text.startsWith("\uFEFFVergleichsgruppe;Stichtag;Kennzahl;Kommunen;Minimum;")).toBe(true);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(1 + view.metrics.length);
    expect(lines[1]).toContain("Reifegradindex;weniger als 5 Kommunen – nicht ausgewiesen;");
    // The "all" group is published: figures with a decimal comma.
    const all = Buffer.from(
      (
        await pmo.must<{ base64: string }>("benchmark.exportDistribution", {
          groupId: "all",
          stichtag: "current",
          format: "csv",
        })
      ).base64,
      "base64",
    ).toString("utf8");
    expect(all.split("\r\n")[1]).toMatch(/^Alle Kommunen;\d\d\.\d\d\.\d{4};Reifegradindex;\d+;\d+,\d\d;/);
    const xlsx = await pmo.must<{ filename: string; base64: string }>("benchmark.exportDistribution", {
      groupId: "kind:verbandsgemeinde",
      stichtag: "current",
      format: "xlsx",
    });
    expect(xlsx.filename).toMatch(/\.xlsx$/);
    const zip = await JSZip.loadAsync(Buffer.from(xlsx.base64, "base64"));
    const strings = await zip.file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("weniger als 5 Kommunen – nicht ausgewiesen");
  });

  it("k is the state admin's: audited, and the text follows it", async () => {
    const admin = await sessionAs(t, state, "state_admin");
    expect(await admin.call("benchmark.setK", { k: 2 })).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(await admin.must("benchmark.setK", { k: 7 })).toMatchObject({ k: 7, minK: 3, maxK: 50 });
    const view = await (await sessionAs(t, state, "state_pmo")).must<{
      metrics: { figures: { suppressed: boolean; reason?: string } }[];
    }>("benchmark.distribution", { groupId: "kind:verbandsgemeinde", stichtag: "current" });
    expect(view.metrics[0]!.figures).toEqual({
      suppressed: true,
      reason: "weniger als 7 Kommunen – nicht ausgewiesen",
    });
    // The new k's differencing guard runs at once (no debounce window).
    const [aggregation] = await t.deps
      .jobs!.queue("benchmarkAggregates")
      .getJobs(["waiting", "active", "completed"]);
    expect(aggregation?.data).toEqual({ scope: "all" });
    await admin.must("benchmark.setK", { k: 5 });
    const audit = await admin.must<{ items: { action: string }[] }>("audit.list", { page: 1, pageSize: 20 });
    expect(audit.items.filter((i) => i.action === "benchmark.settings_change").length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it("status and the job monitor read BullMQ; a failed job can be retried", async () => {
    const admin = await sessionAs(t, state, "state_admin");
    const status = await admin.must<{ currentAsOf: Date | null; queue: unknown; summary: string }>(
      "benchmark.status",
    );
    expect(status.currentAsOf).not.toBeNull();
    expect(status.queue).not.toBeNull();
    expect(status.summary).toMatch(/^Stand \d\d\.\d\d\.\d{4}/);
    const failing = await t.deps.jobs!.queue("benchmarks").add("benchmark.snapshot", { tenantId: "kaputt" });
    await until("the invalid job to fail", async () => (await failing.getState()) === "failed");
    const overview = await admin.must<{
      queues: { key: string; counts: { failed: number } }[];
      schedulers: { id: string }[];
    }>("jobs.overview");
    expect(overview.queues.find((q) => q.key === "benchmarks")!.counts.failed).toBeGreaterThanOrEqual(1);
    expect(overview.schedulers.map((s) => s.id)).toContain("benchmark-nightly");
    const failed = await admin.must<{ items: { id: string; error: string }[] }>("jobs.failed", {
      queue: "benchmarks",
      page: 1,
      pageSize: 10,
    });
    expect(failed.items.find((i) => i.id === failing.id)!.error).toMatch(/invalid payload/);
    const queue = t.deps.jobs!.queue("benchmarks");
    const firstRun = (await queue.getJob(failing.id!))!.finishedOn!;
    expect(await admin.must("jobs.retry", { queue: "benchmarks", jobId: failing.id })).toMatchObject({
      id: failing.id,
    });
    // Retried (and, being invalid, failed again at once without further attempts).
    await until("the retried job to fail again", async () => {
      const job = await queue.getJob(failing.id!);
      return (await job!.getState()) === "failed" && job!.finishedOn! > firstRun;
    });
    expect(await admin.call("jobs.retry", { queue: "benchmarks", jobId: "gibt-es-nicht" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });
});
