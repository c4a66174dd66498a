export * from "./benchmark.ts";
export * from "./connection.ts";
export * from "./labels.ts";
export * from "./payloads.ts";
export * from "./producer.ts";
export * from "./queues.ts";
export * from "./rollout.ts";
export * from "./schedulers.ts";
