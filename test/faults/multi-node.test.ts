// Two API and two worker processes against one PostgreSQL and one Redis, as two nodes behind a load balancer would
// run them: a session made on one API is valid on the other (and ends on both), the job schedulers exist once
// however many workers register them, a scheduled job runs once per tick with two workers competing for it, and a
// worker killed with SIGKILL leaves the other one doing all the work.
import { createBullConnection, createQueue, SCHEDULERS } from "@spatz/jobs";
import { until } from "@spatz/local/test-helpers";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant, TEST_PASSWORD } from "../src/fixtures.ts";
import { HttpSession } from "../src/http-session.ts";
import { type SpatzProcess, startSpatzProcess } from "../src/processes.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const redisUrl = () => `${inject("redisUrl")}/1`;
let t: TestApp;
let kommune: FixtureTenant;
const apis: SpatzProcess[] = [];
const workers: SpatzProcess[] = [];
let redis: Redis;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: redisUrl() });
  kommune = await createTenant(t.client.db, "zwei-knoten");
  redis = createBullConnection(redisUrl());
  await redis.flushdb();
  const env = { databaseUrl: inject("appUrl"), redisUrl: redisUrl(), TRUST_PROXY: "true", LOG_LEVEL: "warn" };
  // One after the other: four tsx starts at once on two cores take longer than in turn.
  for (const kind of ["api", "api"] as const) apis.push(await startSpatzProcess(kind, env));
  for (let i = 0; i < 2; i++) workers.push(await startSpatzProcess("worker", { ...env, LOG_LEVEL: "info" }));
}, 180_000);

afterAll(async () => {
  await Promise.all([...apis, ...workers].map((p) => p.stop()));
  redis?.disconnect();
  await t?.close();
});

describe("two APIs", () => {
  it("accept each other's sessions, and a sign-out on one ends the session on both", async () => {
    const [a, b] = apis as [SpatzProcess, SpatzProcess];
    const user = new HttpSession(a.url);
    const login = await user.mutate("auth.login", {
      tenantSlug: kommune.slug,
      email: kommune.users.viewer!.email,
      password: TEST_PASSWORD,
    });
    expect(login.ok, login.error ?? "").toBe(true);
    expect(user.cookie).toBeTruthy();

    const onB = new HttpSession(b.url, user.cookie);
    const dashboard = await onB.query("maturity.dashboard", { orgUnitId: null });
    expect(dashboard.status).toBe(200);
    expect((await new HttpSession(a.url, user.cookie).query("auth.session")).data).toBeTruthy();

    expect((await onB.mutate("auth.logout")).ok).toBe(true);
    const afterLogout = await new HttpSession(a.url, user.cookie).query("maturity.dashboard", {
      orgUnitId: null,
    });
    expect(afterLogout.status).toBe(401);
  });
});

describe("two workers", () => {
  it("leave every scheduler of the registry once", async () => {
    for (const key of new Set(SCHEDULERS.map((s) => s.queue))) {
      const queue = createQueue(key, redis);
      const keys = (await queue.getJobSchedulers()).map((s) => s.key).sort();
      expect(keys).toEqual(
        SCHEDULERS.filter((s) => s.queue === key)
          .map((s) => s.id)
          .sort(),
      );
      await queue.close();
    }
  });

  it("run a job scheduled every second once per tick, never twice", async () => {
    const queue = createQueue("maintenance", redis);
    const started = Date.now();
    await queue.upsertJobScheduler(
      "test-every-second",
      { every: 1_000 },
      { name: "rollout.landStats", data: {} },
    );
    await new Promise((r) => setTimeout(r, 6_000));
    await queue.removeJobScheduler("test-every-second");
    const seconds = (Date.now() - started) / 1000;
    const runs = await until("the ticks to finish", async () => {
      const jobs = (await queue.getJobs(["completed", "active", "waiting", "delayed", "failed"])).filter(
        (j) => j.repeatJobKey === "test-every-second",
      );
      return jobs.every((j) => j.finishedOn) && jobs;
    });
    await queue.close();
    console.log(`two workers: ${runs.length} runs of a 1 s scheduler in ${seconds.toFixed(1)} s`);
    expect(runs.length).toBeGreaterThanOrEqual(4);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    expect(new Set(runs.map((j) => j.id)).size).toBe(runs.length);
    expect(new Set(runs.map((j) => j.timestamp)).size).toBe(runs.length);
    for (const job of runs) expect(job.attemptsMade, job.failedReason).toBe(1);
  }, 60_000);

  it("go on with one when the other is killed", async () => {
    const [first] = workers as [SpatzProcess, SpatzProcess];
    const killedAt = Date.now();
    await first.stop("SIGKILL");
    const queue = createQueue("maintenance", redis);
    const job = await queue.add("rollout.landStats", {});
    await until("the job on the remaining worker", async () => (await job.getState()) === "completed", {
      ms: 30_000,
    });
    console.log(`two workers: one killed, the other ran a new job after ${Date.now() - killedAt} ms`);
    await queue.close();
  }, 60_000);
});
