// A worker process for the "killed mid-job" test: the real rollout processors, the Kreis job held open for a while
// inside its transaction so that the test can kill the process (SIGKILL, no shutdown) while it runs.
import { createDb } from "@spatz/db";
import { PROCESSORS, startWorkerRuntime } from "../../src/runtime.ts";

const db = createDb(process.env.DATABASE_URL!, { max: 2 });
const runtime = await startWorkerRuntime({
  db: db.db,
  redisUrl: process.env.REDIS_URL!,
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  registerSchedulers: false,
  queues: ["rolloutAggregates"],
  // A short lock, so that the job this process held when it died is retried within seconds.
  workerOptions: { rolloutAggregates: { lockDuration: 2_000, stalledInterval: 1_000 } },
  processors: {
    "rollout.aggregateKommune": async (job, ctx) => {
      console.log(`started ${job.id}`);
      await new Promise((r) => setTimeout(r, 60_000));
      return PROCESSORS["rollout.aggregateKommune"](job, ctx);
    },
  },
});
void runtime;
console.log("slow worker ready");
