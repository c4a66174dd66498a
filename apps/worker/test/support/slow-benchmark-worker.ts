// A worker process for the "killed mid-fan-out" test: the real benchmark processors, each snapshot slowed down so that
// the test can kill the process (SIGKILL, no shutdown) while the nightly flow is half done.
import { createDb } from "@spatz/db";
import { PROCESSORS, startWorkerRuntime } from "../../src/runtime.ts";

const db = createDb(process.env.DATABASE_URL!, { max: 4 });
const slowMs = Number(process.env.SLOW_MS ?? "200");
const runtime = await startWorkerRuntime({
  db: db.db,
  redisUrl: process.env.REDIS_URL!,
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  registerSchedulers: false,
  queues: ["benchmarks", "benchmarkAggregates"],
  // Short lock and stalled-check interval (the check is shared through Redis), so that the test sees the jobs this
  // process held when it died retried within seconds.
  workerOptions: { benchmarks: { lockDuration: 2_000, stalledInterval: 1_000, concurrency: 2 } },
  processors: {
    "benchmark.snapshot": async (job, ctx) => {
      await new Promise((r) => setTimeout(r, slowMs));
      return PROCESSORS["benchmark.snapshot"](job, ctx);
    },
  },
});
void runtime;
console.log("slow worker ready");
