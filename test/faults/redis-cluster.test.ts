// BullMQ and the sign-in limits on a local three-node Redis Cluster (REDIS_URL with `?cluster=true`, the hash-tagged
// queue prefix `{spatz}`): the worker registers its schedulers once, jobs and a flow whose parent and child sit in
// different queues run, and the sign-in limiter counts in the cluster (its keys spread over the nodes), not in the
// process's memory.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type LoginAttempt, loginLimiter } from "@spatz/auth";
import {
  createJobProducer,
  createRedisClient,
  type JobProducer,
  QUEUE_PREFIX,
  QUEUES,
  SCHEDULERS,
} from "@spatz/jobs";
import { freePort, type RedisCluster, startRedisCluster } from "@spatz/local";
import { silent, until } from "@spatz/local/test-helpers";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import type { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTestApp, type TestApp } from "../src/server.ts";

let dir: string;
let cluster: RedisCluster;
let t: TestApp;
let worker: WorkerRuntime;
let producer: JobProducer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "spatz-redis-cluster-"));
  cluster = await startRedisCluster(dir, [await freePort(), await freePort(), await freePort()]);
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  producer = createJobProducer(cluster.url);
  worker = await startWorkerRuntime({
    db: t.client.db,
    redisUrl: cluster.url,
    logger: silent,
    queues: ["maintenance", "mail"],
  });
}, 60_000);

afterAll(async () => {
  await worker?.shutdown(10_000);
  await producer?.close();
  await t?.close();
  await cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("BullMQ on a Redis Cluster", () => {
  it("the queue prefix is a hash tag: every queue's keys share one slot", () => {
    expect(QUEUE_PREFIX).toMatch(/^\{[^}]+\}$/);
  });

  it("registers the schedulers and runs a job", async () => {
    const queue = producer.queue("maintenance");
    expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual(
      SCHEDULERS.filter((s) => s.queue === "maintenance")
        .map((s) => s.id)
        .sort(),
    );
    const job = await queue.add("rollout.landStats", {});
    await until("the job on the cluster", async () => (await job.getState()) === "completed", { ms: 30_000 });
  });

  it("runs a flow whose parent and child are in different queues", async () => {
    const flow = await producer.flows().add({
      name: "rollout.landStats",
      queueName: QUEUES.maintenance.name,
      data: {},
      children: [
        // A mail that is not in the outbox: the job ends without sending (as for a revoked invitation).
        {
          name: "mail.send",
          queueName: QUEUES.mail.name,
          data: { tenantId: randomUUID(), outboxId: randomUUID() },
        },
      ],
    });
    await until("the parent after its child", async () => (await flow.job.getState()) === "completed", {
      ms: 30_000,
    });
    const child = await producer.queue("mail").getJob(flow.children![0]!.job.id!);
    expect(child?.returnvalue).toMatchObject({ withdrawn: true });
  });
});

describe("sign-in limits on a Redis Cluster", () => {
  it("count in the cluster, spread over its nodes, and never fall back to memory", async () => {
    const client = createRedisClient(cluster.url, { maxRetriesPerRequest: 1 }) as Cluster;
    const warnings: unknown[] = [];
    const limiter = loginLimiter(client, (obj) => warnings.push(obj));
    try {
      const decisions = [];
      for (let i = 0; i < 12; i++) {
        const attempt: LoginAttempt = {
          tenantId: randomUUID(),
          email: `cluster-${i}@test.example`,
          ip: `192.0.2.${i % 3}`,
        };
        const decision = await limiter.begin(attempt);
        decisions.push(decision);
        if (decision.allowed) await limiter.failed(decision.keys);
      }
      expect(decisions.every((d) => d.allowed)).toBe(true);
      expect(warnings).toEqual([]);
      const perNode = await Promise.all(client.nodes("master").map((n) => n.keys("*rl*")));
      expect(perNode.flat().length).toBeGreaterThanOrEqual(12);
      expect(perNode.filter((keys) => keys.length > 0).length).toBeGreaterThan(1);
    } finally {
      client.disconnect();
    }
  });
});
