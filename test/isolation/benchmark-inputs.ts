// Valid inputs for the benchmark and job-monitor procedures in the authorization matrix. A retry needs a failed job:
// for the allowed role one is made fail in the matrix's own queue database first.
import { randomUUID } from "node:crypto";
import type { ProcedurePath, Role } from "@spatz/domain";
import { createBullConnection, QUEUE_PREFIX, QUEUES } from "@spatz/jobs";
import { UnrecoverableError, Worker } from "bullmq";
import type { FixtureTenant } from "../src/fixtures.ts";
import type { TestApp } from "../src/server.ts";

type Env = { tenant: FixtureTenant; role: Role };
type Factory = (env: Env) => Promise<unknown> | unknown;
type BenchmarkPath = Extract<ProcedurePath, `benchmark.${string}` | `jobs.${string}`>;

/** A job of the "benchmarks" queue that has failed, by a worker that fails every job it takes. */
async function failedJob(app: TestApp, redisUrl: string): Promise<string> {
  const queue = app.deps.jobs!.queue("benchmarks");
  const connection = createBullConnection(redisUrl);
  const worker = new Worker(
    QUEUES.benchmarks.name,
    async () => {
      throw new UnrecoverableError("Testfehler");
    },
    { connection, prefix: QUEUE_PREFIX },
  );
  try {
    const job = await queue.add("benchmark.snapshot", { tenantId: randomUUID() });
    for (let i = 0; i < 200 && (await job.getState()) !== "failed"; i++)
      await new Promise((r) => setTimeout(r, 25));
    return job.id!;
  } finally {
    await worker.close();
    connection.disconnect();
  }
}

export function benchmarkInputs(app: () => TestApp, redisUrl: () => string): Record<BenchmarkPath, Factory> {
  return {
    "benchmark.catalogue": () => undefined,
    "benchmark.distribution": () => ({ groupId: "all", stichtag: "current" }),
    "benchmark.trend": () => ({ groupId: "kind:einheitsgemeinde", metric: "index" }),
    "benchmark.kreisMap": () => ({ stichtag: "current", metric: "index" }),
    "benchmark.sharedKommunen": () => undefined,
    "benchmark.levelCounts": () => ({ dimensionKey: "sicherheit", minLevel: 2, stichtag: "current" }),
    "benchmark.exportDistribution": () => ({ groupId: "all", stichtag: "current", format: "csv" }),
    "benchmark.settings": () => undefined,
    "benchmark.setK": () => ({ k: 5 }),
    "benchmark.status": () => undefined,
    "benchmark.own": () => undefined,
    "benchmark.position": () => ({ groupId: "all" }),
    "benchmark.peersAhead": () => ({ dimensionKey: "sicherheit" }),
    "benchmark.sharing": () => undefined,
    "benchmark.setSharing": () => ({ withLand: false, withKommunen: false }),
    "jobs.overview": () => undefined,
    "jobs.failed": () => ({ queue: "benchmarks", page: 1, pageSize: 10 }),
    "jobs.retry": async (e) => ({
      queue: "benchmarks",
      jobId: e.role === "state_admin" ? await failedJob(app(), redisUrl()) : "kein-auftrag",
    }),
  };
}
