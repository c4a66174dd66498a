export { type AppOptions, createApp } from "./app.ts";
export { ConfigError, loadConfig } from "./config.ts";
export { checkHealth } from "./health.ts";
export { createLogger } from "./logger.ts";
export { type ApiMetrics, createApiMetrics } from "./metrics.ts";
