// One migrated database for this package's integration tests, on the run's throwaway PostgreSQL.
import { createMigratedTestDatabase, useTestServices } from "@spatz/local/test-services";
import type { TestProject } from "vitest/node";
import { runMigrations } from "../src/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
    superuserUrl: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const services = await useTestServices();
  const database = await createMigratedTestDatabase(services.postgresUrl, "spatz_db", (url) =>
    runMigrations(url),
  );
  project.provide("ownerUrl", database.ownerUrl);
  project.provide("appUrl", database.appUrl);
  project.provide("superuserUrl", database.superuserUrl);
  project.provide("redisUrl", services.redisUrl);
  return async () => {
    await database.drop();
    await services.stop();
  };
}
