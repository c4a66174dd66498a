export * from "./processors/maintenance.ts";
export * from "./runtime.ts";
