export * from "./runtime.ts";
export * from "./processors/maintenance.ts";
