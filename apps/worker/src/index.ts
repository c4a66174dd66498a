export * from "./base-processor.ts";
export * from "./processors/benchmark.ts";
export * from "./processors/maintenance.ts";
export * from "./runtime.ts";
