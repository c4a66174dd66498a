// An in-process SPATZ API on real PostgreSQL and Redis, for integration, isolation and browser tests.
import { createApp } from "@spatz/api";
import { createDb, type DbClient } from "@spatz/db";
import type { ServerDeps } from "@spatz/trpc";
import { Redis } from "ioredis";
import pino from "pino";

export type TestApp = {
  app: ReturnType<typeof createApp>;
  client: DbClient;
  redis: Redis;
  deps: ServerDeps;
  close: () => Promise<void>;
};

export function createTestApp(opts: {
  appUrl: string;
  redisUrl: string;
  publicUrl?: string;
  webDist?: string | null;
  poolSize?: number;
  evidenceQuotaBytes?: number;
}): TestApp {
  const client = createDb(opts.appUrl, { max: opts.poolSize ?? 8 });
  const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", () => {});
  const logger = pino({ level: process.env.LOG_LEVEL ?? "silent" });
  const deps: ServerDeps = {
    db: client.db,
    redis,
    sessionPolicy: { idleMinutes: 120, absoluteHours: 12 },
    publicUrl: opts.publicUrl ?? "http://spatz.test",
    cookieSecure: true,
    logger,
    mailer: null,
    evidenceQuotaBytes: opts.evidenceQuotaBytes ?? 2048 * 1024 * 1024,
  };
  // Tests send X-Forwarded-For so that each simulated client has its own address for the login rate limit.
  const app = createApp({ deps, sql: client.sql, logger, webDist: opts.webDist ?? null, trustProxy: true });
  return {
    app,
    client,
    redis,
    deps,
    close: async () => {
      await client.close();
      redis.disconnect();
    },
  };
}
