// The worker against real Redis and PostgreSQL: scheduler registry, the cleanup job, and a graceful drain.

import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createSession } from "@spatz/auth";
import { createDb, type DbClient, queries, STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { createBullConnection, createQueue, QUEUE_PREFIX, type RedisClient, SCHEDULERS } from "@spatz/jobs";
import { silent } from "@spatz/local/test-helpers";
import { type Job, QueueEvents } from "bullmq";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cleanupTenant, hourBucket } from "../src/processors/maintenance.ts";
import { startWorkerRuntime } from "../src/runtime.ts";

let client: DbClient;
let redis: RedisClient;

beforeAll(() => {
  client = createDb(inject("appUrl"), { max: 6 });
  redis = createBullConnection(inject("redisUrl"));
});
afterAll(async () => {
  await client.close();
  redis.disconnect();
});

async function freshTenant() {
  const slug = `w-${randomUUID().slice(0, 8)}`;
  const [t] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
    tx
      .insert(schema.tenants)
      .values({ slug, name: `Worker ${slug}`, kind: "einheitsgemeinde" })
      .returning(),
  );
  const [u] = await withTenant(client.db, t!.id, (tx) =>
    tx
      .insert(schema.users)
      .values({
        tenantId: t!.id,
        email: `u@${slug}.test`,
        displayName: "U",
        passwordHash: "x",
        role: "admin",
      })
      .returning(),
  );
  return { tenantId: t!.id, userId: u!.id };
}

describe("cleanup of expired sessions and invitations", () => {
  it("deletes only expired rows of the job's tenant", async () => {
    const a = await freshTenant();
    const b = await freshTenant();
    const long = { idleMinutes: 60, absoluteHours: 12 };
    const past = new Date(Date.now() - 48 * 3_600_000);
    for (const t of [a, b]) {
      await withTenant(client.db, t.tenantId, async (tx) => {
        await createSession(tx, { tenantId: t.tenantId, userId: t.userId }, long, past); // expired
        await createSession(tx, { tenantId: t.tenantId, userId: t.userId }, long); // valid
        await tx.insert(schema.invitations).values({
          tenantId: t.tenantId,
          email: "old@x.test",
          displayName: "Alt",
          role: "viewer",
          tokenHash: new Uint8Array(32),
          expiresAt: past,
        });
      });
    }
    const result = await cleanupTenant(client.db, { tenantId: a.tenantId, hour: hourBucket() });
    expect(result).toEqual({ sessions: 1, invitations: 1 });
    const counts = async (tenantId: string) =>
      withTenant(client.db, tenantId, async (tx) => ({
        sessions: await tx.$count(schema.sessions),
        invitations: await tx.$count(schema.invitations),
      }));
    expect(await counts(a.tenantId)).toEqual({ sessions: 1, invitations: 0 });
    expect(await counts(b.tenantId)).toEqual({ sessions: 2, invitations: 1 });
  });
});

describe("worker runtime", () => {
  it("registers every scheduler idempotently", async () => {
    const first = await startWorkerRuntime({ db: client.db, redisUrl: inject("redisUrl"), logger: silent });
    await first.shutdown(5_000);
    const second = await startWorkerRuntime({ db: client.db, redisUrl: inject("redisUrl"), logger: silent });
    const schedulers = await second.queues.maintenance.getJobSchedulers();
    await second.shutdown(5_000);
    expect(schedulers.map((s) => s.key).sort()).toEqual(
      SCHEDULERS.filter((s) => s.queue === "maintenance")
        .map((s) => s.id)
        .sort(),
    );
  });

  it("the sweep fans out one deduplicated job per tenant", async () => {
    const queue = createQueue("maintenance", redis);
    const seen: string[] = [];
    const runtime = await startWorkerRuntime({
      db: client.db,
      redisUrl: inject("redisUrl"),
      logger: silent,
      registerSchedulers: false,
      processors: { "cleanup.tenant": async (job: Job) => void seen.push(job.data.tenantId) },
    });
    const events = new QueueEvents("maintenance", {
      connection: createBullConnection(inject("redisUrl")),
      prefix: QUEUE_PREFIX,
    });
    await events.waitUntilReady();
    const sweep = await queue.add("cleanup.sweep", {});
    await sweep.waitUntilFinished(events, 15_000);
    // The tenants as the sweep read them (other test files add tenants meanwhile).
    const tenants = { length: (await queue.getJob(sweep.id!))!.returnvalue as number };
    // A second sweep in the same hour adds nothing: the job ids are deterministic.
    const again = await queue.add("cleanup.sweep", {});
    await again.waitUntilFinished(events, 15_000);
    // Up to 30 s: with every test package running beside it, ~130 tenant jobs take a while.
    for (let i = 0; i < 600 && seen.length < tenants.length; i++) await new Promise((r) => setTimeout(r, 50));
    await runtime.shutdown(5_000);
    await events.close();
    await queue.close();
    expect(new Set(seen).size).toBe(tenants.length);
    expect(seen.length).toBe(tenants.length);
  }, 60_000);

  it("drains on shutdown: the active job finishes, waiting jobs stay queued for the next worker", async () => {
    const queueName = "maintenance";
    const queue = createQueue("maintenance", redis);
    await queue.obliterate({ force: true });
    const finished: string[] = [];
    let started!: () => void;
    const startedPromise = new Promise<void>((r) => {
      started = r;
    });
    const slow = async (job: Job) => {
      started();
      await new Promise((r) => setTimeout(r, 800));
      finished.push(job.data.tenantId);
    };
    const runtime = await startWorkerRuntime({
      db: client.db,
      redisUrl: inject("redisUrl"),
      logger: silent,
      registerSchedulers: false,
      processors: { "cleanup.tenant": slow },
    });
    // Concurrency 2: two start, the third waits.
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const tenantId of ids) await queue.add("cleanup.tenant", { tenantId, hour: hourBucket() });
    await startedPromise;
    await new Promise((r) => setTimeout(r, 100));
    const { drained } = await runtime.shutdown(10_000);
    expect(drained).toBe(true);
    expect(finished.length).toBe(2);
    const counts = await queue.getJobCounts("waiting", "active", "completed", "failed");
    expect(counts).toMatchObject({ waiting: 1, active: 0, completed: 2, failed: 0 });
    // The next worker takes over what was left.
    const next = await startWorkerRuntime({
      db: client.db,
      redisUrl: inject("redisUrl"),
      logger: silent,
      registerSchedulers: false,
      processors: { "cleanup.tenant": slow },
    });
    for (let i = 0; i < 60 && finished.length < 3; i++) await new Promise((r) => setTimeout(r, 50));
    await next.shutdown(10_000);
    expect(finished.sort()).toEqual([...ids].sort());
    await queue.close();
    void queueName;
  });

  it("the worker process stops cleanly on SIGTERM", async () => {
    const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../src/main.ts");
    const child = spawn(process.execPath, ["--import", "tsx", main], {
      env: {
        ...process.env,
        DATABASE_URL: inject("appUrl"),
        REDIS_URL: inject("redisUrl"),
        LOG_LEVEL: "info",
        WORKER_SHUTDOWN_TIMEOUT_MS: "20000",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    // A cold start compiles the worker with tsx; on a loaded machine that can take several seconds.
    for (let i = 0; i < 600 && !output.includes("SPATZ worker ready"); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(output).toContain("SPATZ worker ready");
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((r) => child.once("exit", r));
    expect(code).toBe(0);
    expect(output).toContain("worker stopped");
  }, 90_000);
});

describe("rollout.landStats: the Land-wide counts the Kommunen compare themselves with", () => {
  it("counts every Kommune's records in the state transaction and publishes numbers only", async () => {
    const { seedCatalogue } = await import("@spatz/db/seed");
    const { refreshRolloutLandStats } = await import("../src/processors/rollout.ts");
    await seedCatalogue(client.db, { userId: null, label: "Test" });
    const { tenantId } = await freshTenant();
    const [service] = await withTenant(client.db, tenantId, (tx) =>
      tx.execute<{ id: string }>(
        sql`select id from ozg_services where municipal_execution and 'einheitsgemeinde' = any(responsible_kinds) order by id limit 1`,
      ),
    );
    const before = await refreshRolloutLandStats(client.db);
    await withTenant(client.db, tenantId, (tx) =>
      tx
        .insert(schema.rolloutRecords)
        .values({ tenantId, serviceId: service!.id, status: "online", onlineSince: "2025-01-01" }),
    );
    // The Land-wide counts are read from the aggregates, which the rollout jobs keep current (the tenant has no Kreis).
    await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      queries.refreshRolloutKreis(tx, STATE_TENANT_ID, "", "2026-12-05"),
    );
    const after = await refreshRolloutLandStats(client.db);
    expect(after.online).toBe(before.online + 1);
    expect(after.changed).toBe(true);
    // Nothing changed since: no write, no audit entry (the job runs every 10 minutes).
    const again = await refreshRolloutLandStats(client.db);
    expect(again).toMatchObject({ changed: false, computedAt: after.computedAt });
    // Any Kommune reads the result; it names no Kommune.
    const [row] = await withTenant(client.db, tenantId, (tx) => tx.select().from(schema.rolloutLandStats));
    expect(JSON.stringify(row!.stats)).not.toContain(tenantId);
    expect((row!.stats as { overall: { online: number } }).overall.online).toBe(after.online);
  });

  it("is scheduled every 10 minutes on the maintenance queue", () => {
    expect(SCHEDULERS.find((s) => s.job === "rollout.landStats")).toMatchObject({
      queue: "maintenance",
      pattern: "*/10 * * * *",
    });
  });
});
