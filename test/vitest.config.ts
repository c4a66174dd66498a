import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "isolation/**/*.test.ts",
      "integration/**/*.test.ts",
      "faults/**/*.test.ts",
      "e2e/**/*.test.ts",
    ],
    globalSetup: ["./global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser tests and server-heavy suites share two cores: keep files sequential for stable timings.
    fileParallelism: false,
  },
});
