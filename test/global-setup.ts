// One migrated database with all tenants and demo accounts for this package's tests, and the built web app served by
// an in-process API for the browser tests.
import { hashPassword } from "@spatz/auth";
import { createDb, runMigrations } from "@spatz/db";
import { DEMO_PASSWORD, loadTenants, seedDemoUsers, seedRolloutDemo } from "@spatz/db/seed";
import { createMigratedTestDatabase, useTestServices } from "@spatz/local/test-services";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject) {
  const services = await useTestServices();
  const database = await createMigratedTestDatabase(services.postgresUrl, "spatz_test", (url) =>
    runMigrations(url),
  );
  const client = createDb(database.appUrl, { max: 4 });
  await loadTenants(client.db, "Test");
  await seedDemoUsers(client.db, await hashPassword(DEMO_PASSWORD));
  await seedRolloutDemo(client.db, "Test");
  await client.close();
  project.provide("appUrl", database.appUrl);
  project.provide("ownerUrl", database.ownerUrl);
  project.provide("superuserUrl", database.superuserUrl);
  project.provide("postgresUrl", services.postgresUrl);
  project.provide("redisUrl", services.redisUrl);
  return async () => {
    await database.drop();
    await services.stop();
  };
}
