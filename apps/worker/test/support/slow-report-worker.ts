// A worker process for the "killed mid-report" test: the real report processor, held open once it has rendered the
// files and before it archives them – inside the report's transaction – so that the test can kill the process
// (SIGKILL, no shutdown) exactly there.
import { createDb } from "@spatz/db";
import type { Job } from "bullmq";
import { PROCESSORS, startWorkerRuntime } from "../../src/runtime.ts";

const db = createDb(process.env.DATABASE_URL!, { max: 2 });
const runtime = await startWorkerRuntime({
  db: db.db,
  redisUrl: process.env.REDIS_URL!,
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  registerSchedulers: false,
  queues: ["reports"],
  // A short lock, so that the job this process held when it died is retried within seconds.
  workerOptions: { reports: { lockDuration: 2_000, stalledInterval: 1_000 } },
  processors: {
    "report.generate": async (job: Job, ctx) => {
      const report = job.updateProgress.bind(job);
      job.updateProgress = async (progress) => {
        await report(progress);
        if (progress === 80) {
          console.log(`rendered ${job.id}`);
          await new Promise((r) => setTimeout(r, 60_000));
        }
      };
      return PROCESSORS["report.generate"](job, ctx);
    },
  },
});
void runtime;
console.log("slow worker ready");
