export * from "./chromium.ts";
export * from "./database.ts";
export * from "./pgbouncer.ts";
export * from "./ports.ts";
export * from "./postgres.ts";
export * from "./redis.ts";
export * from "./test-services.ts";
