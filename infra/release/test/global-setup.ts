// An empty database on the run's PostgreSQL: the deployed CLI migrates it itself (runtime-install.test.ts).
import { provideTestDatabase } from "@spatz/local/test-services";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    ownerUrl: string;
    superuserUrl: string;
    redisUrl: string;
  }
}

export default (project: TestProject) => provideTestDatabase(project, "spatz_release", async () => {});
