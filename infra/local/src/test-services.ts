// Throwaway PostgreSQL and Redis for tests. `pnpm test` starts one pair for the whole run (with-services.ts) and each
// test package creates its own database in it; a package run alone starts its own pair.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseUrls, dropDatabase, ensureDatabase } from "./database.ts";
import { freePort } from "./ports.ts";
import { startPostgres } from "./postgres.ts";
import { startRedis } from "./redis.ts";

export type Services = { postgresUrl: string; redisUrl: string; stop: () => Promise<void> };

export async function startThrowawayServices(): Promise<Services> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-test-"));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root and must reach its data directory
  const [pgPort, redisPort] = [await freePort(), await freePort()];
  const [pg, redis] = await Promise.all([
    startPostgres({ dataDir: path.join(dir, "pg"), port: pgPort, durable: false }),
    startRedis({ dir: path.join(dir, "redis"), port: redisPort, persistent: false }),
  ]);
  return {
    postgresUrl: pg.url,
    redisUrl: redis.url,
    stop: async () => {
      await Promise.all([pg.stop(), redis.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestDatabase = DatabaseUrls & { name: string; superuserUrl: string; drop: () => Promise<void> };

export async function createTestDatabase(superuserUrl: string, prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`.replace(
    /[^a-z0-9_]/g,
    "_",
  );
  const urls = await ensureDatabase(superuserUrl, name);
  return { ...urls, name, superuserUrl, drop: () => dropDatabase(superuserUrl, name) };
}

/** The shared services of a `pnpm test` run, or a fresh pair when a package runs alone. */
export async function useTestServices(): Promise<Services> {
  const postgresUrl = process.env.SPATZ_TEST_PG_URL;
  const redisUrl = process.env.SPATZ_TEST_REDIS_URL;
  if (postgresUrl && redisUrl) return { postgresUrl, redisUrl, stop: async () => {} };
  return startThrowawayServices();
}

/**
 * Vitest global setup shared by the test packages: a fresh database on the run's services, migrated with `migrate`,
 * its URLs provided as ownerUrl/appUrl/superuserUrl/redisUrl. Returns the teardown.
 */
export async function provideTestDatabase(
  project: { provide: unknown },
  prefix: string,
  migrate: (ownerUrl: string) => Promise<void>,
) {
  const services = await useTestServices();
  const database = await createMigratedTestDatabase(services.postgresUrl, prefix, migrate);
  const provide = project.provide as (key: string, value: string) => void;
  provide("ownerUrl", database.ownerUrl);
  provide("appUrl", database.appUrl);
  provide("superuserUrl", database.superuserUrl);
  provide("postgresUrl", services.postgresUrl);
  provide("redisUrl", services.redisUrl);
  return async () => {
    await database.drop();
    await services.stop();
  };
}

/**
 * Runs `migrate` as the only migration on the cluster. Test packages migrate their databases in parallel, but roles
 * and their settings are cluster-wide: two concurrent first migrations both create `spatz_app` (duplicate key), two
 * concurrent `ALTER ROLE` fail with "tuple concurrently updated". An advisory lock taken in the maintenance database
 * (advisory locks are per database) lets one migration at a time touch them. Every test that migrates uses it.
 */
export async function withMigrationLock<T>(superuserUrl: string, migrate: () => Promise<T>): Promise<T> {
  const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(hashtext('spatz-test-migrations'))`;
    return await migrate();
  } finally {
    await sql.end({ timeout: 5 }); // ending the session releases the lock
  }
}

/** A fresh database migrated with `migrate`, under the migration lock. */
export async function createMigratedTestDatabase(
  superuserUrl: string,
  prefix: string,
  migrate: (ownerUrl: string) => Promise<void>,
): Promise<TestDatabase> {
  return withMigrationLock(superuserUrl, async () => {
    const database = await createTestDatabase(superuserUrl, prefix);
    await migrate(database.ownerUrl);
    return database;
  });
}
