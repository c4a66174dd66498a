// Liveness of the parts the API needs: answers 503 naming the failing part, while the API keeps serving.
import type { Cluster, Redis } from "ioredis";
import type postgres from "postgres";

export type HealthReport = { status: "ok" | "degraded"; db: "ok" | "error"; redis: "ok" | "error" };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms)),
  ]);
}

/** The API's Redis client queues nothing while disconnected, so wait (briefly) for a connection in progress. */
async function pingRedis(redis: Redis | Cluster): Promise<string> {
  if (redis.status !== "ready") {
    await new Promise<void>((resolve, reject) => {
      redis.once("ready", resolve);
      setTimeout(() => reject(new Error("redis not ready")), 500).unref();
    });
  }
  return redis.ping();
}

export async function checkHealth(
  sql: postgres.Sql,
  redis: Redis | Cluster,
  timeoutMs = 2000,
): Promise<HealthReport> {
  const [db, cache] = await Promise.allSettled([
    withTimeout(sql`select 1`, timeoutMs),
    withTimeout(pingRedis(redis), timeoutMs),
  ]);
  const report: HealthReport = {
    status: "ok",
    db: db.status === "fulfilled" ? "ok" : "error",
    redis: cache.status === "fulfilled" ? "ok" : "error",
  };
  if (report.db === "error" || report.redis === "error") report.status = "degraded";
  return report;
}
