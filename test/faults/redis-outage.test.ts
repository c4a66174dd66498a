// Redis stops for 8 s and comes back while users work: reads, dashboards and sign-ins keep working (the sign-in limit
// falls back to the process, ADR 0007), /health/ready stays green while /health reports the degradation, a change
// committed meanwhile is kept (only its follow-up job is missing; the nightly refresh catches up), and the jobs queued
// before the outage run afterwards: nothing is lost. The API and a worker run in this process, so an uncaught
// exception fails the run.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, type RedisServer, startRedis } from "@spatz/local";
import { silent, until } from "@spatz/local/test-helpers";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const OUTAGE_MS = 8_000;

let dir: string;
let port: number;
let redis: RedisServer;
let t: TestApp;
let worker: WorkerRuntime;
let kommune: FixtureTenant;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "spatz-redis-fault-"));
  port = await freePort();
  // Persistent, as in production: what was queued survives the restart.
  redis = await startRedis({ dir, port, persistent: true });
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: redis.url, jobsRedisUrl: redis.url });
  kommune = await createTenant(t.client.db, "redisausfall");
  worker = await startWorkerRuntime({
    db: t.client.db,
    redisUrl: redis.url,
    logger: silent,
    registerSchedulers: false,
    queues: ["maintenance"],
  });
  process.on("uncaughtException", onUncaught);
}, 60_000);

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await worker?.shutdown(5_000);
  await t?.close();
  await redis?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("Redis stops for 8 s while users work", () => {
  it("costs no reads, sign-ins or committed changes, and the queued jobs run afterwards", async () => {
    const cdo = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
    );
    await cdo.must("maturity.dashboard", { orgUnitId: null });
    // Queued before the outage, due after it.
    const queued = await t.deps
      .jobs!.queue("maintenance")
      .add("rollout.landStats", {}, { delay: OUTAGE_MS + 2_000 });

    await redis.stop();
    const outageStarted = Date.now();
    const during: { what: string; ok: boolean; ms: number; message?: string }[] = [];
    const record = async (what: string, call: () => Promise<{ ok: boolean; message?: string }>) => {
      const started = Date.now();
      const r = await call();
      during.push({ what, ok: r.ok, ms: Date.now() - started, ...(r.ok ? {} : { message: r.message }) });
      return r;
    };
    let created = "";
    while (Date.now() - outageStarted < OUTAGE_MS) {
      await record("dashboard", () => cdo.call("maturity.dashboard", { orgUnitId: null }));
      await record("sign-in", () =>
        new ApiSession(t, null).call("auth.login", {
          tenantSlug: kommune.slug,
          email: kommune.users.viewer!.email,
          password: TEST_PASSWORD,
        }),
      );
      if (!created) {
        // A completed measure: its benchmark follow-up cannot be queued, the change itself is kept.
        const r = await record("measure", () =>
          cdo.call("measures.create", {
            title: "Während des Redis-Ausfalls",
            criterionKeys: ["strategie.1.bestandsaufnahme"],
          }),
        );
        if (r.ok) created = (r as { data: { id: string } }).data.id;
      }
      const ready = await t.app.request("/health/ready");
      const health = await t.app.request("/health");
      during.push({ what: "ready", ok: ready.status === 200, ms: 0 });
      during.push({ what: "health degraded", ok: health.status === 503, ms: 0 });
      await new Promise((r) => setTimeout(r, 500));
    }
    redis = await startRedis({ dir, port, persistent: true });
    const restartedAt = Date.now();

    console.log(
      `redis outage: ${during.length} checks during ${OUTAGE_MS / 1000} s, ${during.filter((d) => !d.ok).length} failed, ` +
        `slowest call ${(Math.max(...during.map((d) => d.ms)) / 1000).toFixed(1)} s`,
    );
    expect(during.filter((d) => !d.ok)).toEqual([]);
    expect(during.filter((d) => d.what === "sign-in").length).toBeGreaterThan(3);
    expect(Math.max(...during.map((d) => d.ms))).toBeLessThan(5_000);
    expect(created).not.toBe("");
    expect(uncaught).toEqual([]);

    // The job queued before the outage runs after it, in the worker that lived through it.
    await until("the queued job", async () => (await queued.getState()) === "completed", {
      retryErrors: true,
      stepMs: 200,
    });
    // New work is queued and done again.
    const after = await t.deps.jobs!.queue("maintenance").add("rollout.landStats", {});
    await until("a new job", async () => (await after.getState()) === "completed", {
      retryErrors: true,
      stepMs: 200,
    });
    console.log(
      `redis outage: jobs run again ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart`,
    );
    const measures = await cdo.must<{ items: { id: string }[] }>("measures.list", { page: 1, pageSize: 50 });
    expect(measures.items.map((m) => m.id)).toContain(created);
    expect((await t.app.request("/health")).status).toBe(200);
  }, 120_000);
});
