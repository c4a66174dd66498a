// The API process: validates its configuration, connects, checks the runtime role and serves.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { createDb, describeDbError } from "@spatz/db";
import { createJobProducer, createRedisClient } from "@spatz/jobs";
import { serveMetrics } from "@spatz/metrics";
import { createApp } from "./app.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { loadLegalPages } from "./legal.ts";
import { createLogger } from "./logger.ts";
import { createApiMetrics } from "./metrics.ts";
import { assertIsolationRules, assertRuntimeRole } from "./runtime-role.ts";

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}

const logger = createLogger(config.LOG_LEVEL);
let legal: ReturnType<typeof loadLegalPages>;
try {
  legal = loadLegalPages(config.LEGAL_DIR);
} catch (error) {
  logger.fatal({ err: String(error) }, "legal pages");
  process.exit(1);
}
const { db, sql, close } = createDb(config.DATABASE_URL, {
  max: config.DB_POOL_SIZE,
  applicationName: "spatz-api",
  acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
  statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
  idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  preparedStatements: config.DB_PREPARED_STATEMENTS,
});
// The dashboards of REPLICA_READS read from a streaming replica when one is configured (packages/trpc/src/replica-reads.ts).
const read = config.DATABASE_READ_URL
  ? createDb(config.DATABASE_READ_URL, {
      max: config.DB_POOL_SIZE,
      applicationName: "spatz-api-read",
      acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      preparedStatements: config.DB_PREPARED_STATEMENTS,
    })
  : null;
try {
  await assertRuntimeRole(sql);
  await assertIsolationRules(sql);
} catch (error) {
  logger.fatal({ err: describeDbError(error) }, "database check failed");
  process.exit(1);
}
const redis = createRedisClient(config.REDIS_URL, {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  lazyConnect: false,
});
redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection problem"));
// Enqueues background jobs (benchmark refreshes after a Kommune's measures change) on its own connection.
const jobs = createJobProducer(config.REDIS_URL);

const here = path.dirname(fileURLToPath(import.meta.url));
const webDist =
  config.WEB_DIST_DIR ?? (config.NODE_ENV === "production" ? path.resolve(here, "../../web/dist") : null);

const metrics = config.METRICS_PORT ? createApiMetrics({ pool: sql, jobs }) : null;
const metricsServer =
  metrics && config.METRICS_PORT
    ? await serveMetrics(metrics.registry, config.METRICS_PORT, config.HOST)
    : null;
if (metricsServer) logger.info({ port: config.METRICS_PORT, host: config.HOST }, "metrics at /metrics");

let draining = false;
const app = createApp({
  isDraining: () => draining,
  deps: {
    db,
    readDb: read?.db ?? null,
    redis,
    sessionPolicy: { idleMinutes: config.SESSION_IDLE_MINUTES, absoluteHours: config.SESSION_ABSOLUTE_HOURS },
    publicUrl: config.PUBLIC_URL,
    cookieSecure: config.cookieSecure,
    logger,
    // The worker sends (mail.send from the outbox); the API only needs to know whether anyone can.
    mailEnabled: Boolean(config.SMTP_URL || config.MAIL_DIR),
    evidenceQuotaBytes: config.EVIDENCE_QUOTA_MB * 1024 * 1024,
    jobs,
    legal,
  },
  sql,
  logger,
  webDist,
  trustProxy: config.TRUST_PROXY,
  extraOrigins: config.NODE_ENV === "development" ? ["http://localhost:5173"] : [],
  devMailDir: config.MAIL_PAGE && !config.SMTP_URL ? (config.MAIL_DIR ?? null) : null,
  metrics,
});

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info({ port: info.port, host: config.HOST, web: webDist ?? "not served" }, "SPATZ API listening");
});

async function shutdown(signal: string) {
  logger.info({ signal }, "shutting down");
  // Never hang on a dead database or Redis, nor on a client that keeps a request open.
  setTimeout(() => process.exit(1), 10_000).unref();
  // Stop accepting connections and close idle ones; the running requests answer with `Connection: close`, so their
  // connections end with that answer. Only then is the pool they use closed.
  draining = true;
  await new Promise((resolve) => server.close(resolve));
  metricsServer?.close();
  await Promise.allSettled([close(), read?.close(), redis.quit(), jobs.close()]);
  logger.info({ signal }, "stopped");
  process.exit(0);
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
