// A worker for the mail queue only, writing into the test app's mail folder (`t.mails()`), as `pnpm start` does. The
// test app must enqueue into the same Redis (`jobsRedisUrl`).

import { silent } from "@spatz/local/test-helpers";
import { folderMailer } from "@spatz/mail";
import { startWorkerRuntime, type WorkerRuntime } from "@spatz/worker";
import type { TestApp } from "./server.ts";

export function startMailWorker(t: TestApp, redisUrl: string): Promise<WorkerRuntime> {
  return startWorkerRuntime({
    db: t.client.db,
    redisUrl,
    logger: silent,
    registerSchedulers: false,
    queues: ["mail"],
    mailer: folderMailer(t.mailDir, "SPATZ <spatz@test.example>"),
  });
}
