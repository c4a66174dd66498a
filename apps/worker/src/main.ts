// The worker process: BullMQ workers for every queue, the job schedulers, graceful shutdown on SIGTERM/SIGINT.
import { createDb, poolStats } from "@spatz/db";
import { createLogger } from "@spatz/logging";
import { createMailer } from "@spatz/mail";
import { serveMetrics } from "@spatz/metrics";
import { z } from "zod";
import { startHeartbeat } from "./heartbeat.ts";
import { createWorkerMetrics } from "./metrics.ts";
import { startWorkerRuntime } from "./runtime.ts";

const env = z
  .object({
    DATABASE_URL: z.url({
      protocol: /^postgres(ql)?$/,
      error: "must be a postgres:// URL of the runtime role (spatz_app)",
    }),
    REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// URL" }),
    LOG_LEVEL: z.string().default("info"),
    /** false behind PgBouncer in transaction mode before 1.21 (see the API's setting of the same name). */
    DB_PREPARED_STATEMENTS: z
      .enum(["true", "false", "1", "0"])
      .default("true")
      .transform((v) => v === "true" || v === "1"),
    WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
    WORKER_HEARTBEAT_FILE: z.string().optional(),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
    SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
    MAIL_FROM: z.string().default("SPATZ <no-reply@spatz.invalid>"),
    MAIL_DIR: z.string().optional(),
    /** Archived reports are removed this many months after their Stichtag (at least 12); unset keeps them. */
    REPORT_RETENTION_MONTHS: z.coerce
      .number()
      .int()
      .min(12, { error: "must be at least 12 (reports are kept at least a year)" })
      .optional(),
    HOST: z.string().default("127.0.0.1"),
    /** Serves Prometheus metrics at http://HOST:METRICS_PORT/metrics. */
    METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  })
  .safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
if (!env.success) {
  console.error(
    `Invalid configuration:\n${env.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
  );
  process.exit(1);
}
const config = env.data;
const logger = createLogger("spatz-worker", config.LOG_LEVEL);
const database = createDb(config.DATABASE_URL, {
  max: 5,
  applicationName: "spatz-worker",
  preparedStatements: config.DB_PREPARED_STATEMENTS,
});
const metrics = config.METRICS_PORT ? createWorkerMetrics(() => poolStats(database.sql)) : null;
const metricsServer =
  metrics && config.METRICS_PORT
    ? await serveMetrics(metrics.registry, config.METRICS_PORT, config.HOST)
    : null;
const runtime = await startWorkerRuntime({
  metrics,
  db: database.db,
  redisUrl: config.REDIS_URL,
  logger,
  mailer: createMailer(
    { smtpUrl: config.SMTP_URL, mailDir: config.MAIL_DIR, from: config.MAIL_FROM },
    logger,
  ),
  settings: { publicUrl: config.PUBLIC_URL, reportRetentionMonths: config.REPORT_RETENTION_MONTHS ?? null },
});
if (config.WORKER_HEARTBEAT_FILE)
  startHeartbeat(config.WORKER_HEARTBEAT_FILE, () => runtime.workers.every((w) => w.isRunning()));

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "draining");
  // Closing BullMQ needs Redis; if Redis is gone, do not hang: nothing is lost (unfinished jobs keep their lock until
  // it lapses and are then retried by another worker).
  setTimeout(() => {
    logger.warn({}, "shutdown did not finish in time; exiting");
    process.exit(1);
  }, config.WORKER_SHUTDOWN_TIMEOUT_MS + 5_000).unref();
  const { drained } = await runtime.shutdown(config.WORKER_SHUTDOWN_TIMEOUT_MS);
  metricsServer?.close();
  await database.close();
  logger.info({ drained }, "worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
// Only now: whoever waits for this line may stop the worker at once.
logger.info({}, "SPATZ worker ready");
