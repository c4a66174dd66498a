// An in-process SPATZ API on real PostgreSQL and Redis, for integration, isolation and browser tests.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type ApiMetrics, createApp, loadLegalPages } from "@spatz/api";
import { type CreateDbOptions, createDb, type DbClient } from "@spatz/db";
import { createJobProducer, type JobProducer } from "@spatz/jobs";
import type { ServerDeps } from "@spatz/trpc";
import { Redis } from "ioredis";
import pino from "pino";

export type TestApp = {
  app: ReturnType<typeof createApp>;
  client: DbClient;
  redis: Redis;
  deps: ServerDeps;
  /** The folder the mails of this app land in when a worker sends them (`startMailWorker`; also /entwicklung/mails). */
  mailDir: string;
  /** The mails sent so far, oldest first. */
  mails: () => { to: string; raw: string }[];
  close: () => Promise<void>;
};

export function createTestApp(opts: {
  appUrl: string;
  redisUrl: string;
  publicUrl?: string;
  webDist?: string | null;
  poolSize?: number;
  evidenceQuotaBytes?: number;
  /** Pool options beyond the size (timeouts). */
  db?: Omit<CreateDbOptions, "max">;
  /** Receives the app's log lines (default: silent, or LOG_LEVEL). */
  logger?: pino.Logger;
  /** Enqueue jobs (benchmark refreshes) into this Redis; by default no job is enqueued. */
  jobsRedisUrl?: string;
  /** Record requests for Prometheus, as the API does with METRICS_PORT. */
  metrics?: (deps: ServerDeps, client: DbClient) => ApiMetrics;
}): TestApp {
  const client = createDb(opts.appUrl, { max: opts.poolSize ?? 8, ...opts.db });
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", () => {});
  const logger = opts.logger ?? pino({ level: process.env.LOG_LEVEL ?? "silent" });
  const mailDir = mkdtempSync(path.join(os.tmpdir(), "spatz-mail-"));
  const jobs: JobProducer | null = opts.jobsRedisUrl ? createJobProducer(opts.jobsRedisUrl) : null;
  const deps: ServerDeps = {
    db: client.db,
    readDb: null,
    redis,
    sessionPolicy: { idleMinutes: 120, absoluteHours: 12 },
    publicUrl: opts.publicUrl ?? "http://spatz.test",
    cookieSecure: true,
    logger,
    mailEnabled: true,
    evidenceQuotaBytes: opts.evidenceQuotaBytes ?? 2048 * 1024 * 1024,
    jobs,
    legal: loadLegalPages(),
  };
  // Tests send X-Forwarded-For so that each simulated client has its own address for the login rate limit.
  const app = createApp({
    deps,
    sql: client.sql,
    logger,
    webDist: opts.webDist ?? null,
    trustProxy: true,
    devMailDir: mailDir,
    metrics: opts.metrics?.(deps, client) ?? null,
  });
  return {
    app,
    client,
    redis,
    deps,
    mailDir,
    mails: () =>
      readdirSync(mailDir)
        .sort()
        .map((name) => {
          const raw = readFileSync(path.join(mailDir, name), "utf8");
          return { to: /^To: (.*)$/m.exec(raw)?.[1] ?? "", raw };
        }),
    close: async () => {
      await jobs?.close();
      await client.close();
      redis.disconnect();
      rmSync(mailDir, { recursive: true, force: true });
    },
  };
}
