import { runMigrations } from "@spatz/db";
import { provideTestDatabase } from "@spatz/local/test-services";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    ownerUrl: string;
    redisUrl: string;
  }
}

export default (project: TestProject) =>
  provideTestDatabase(project, "spatz_worker", (url) => runMigrations(url));
