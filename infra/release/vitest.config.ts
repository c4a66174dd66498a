import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
    // Pruning, installing, building and deploying three apps.
    hookTimeout: 240_000,
  },
});
