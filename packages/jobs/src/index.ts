export * from "./connection.ts";
export * from "./payloads.ts";
export * from "./queues.ts";
export * from "./schedulers.ts";
