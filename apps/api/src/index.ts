export { type AppOptions, createApp } from "./app.ts";
export { ConfigError, loadConfig } from "./config.ts";
export { checkHealth } from "./health.ts";
export { DEFAULT_LEGAL_DIR, LegalTextError, loadLegalPages } from "./legal.ts";
export { createLogger } from "./logger.ts";
export { type ApiMetrics, createApiMetrics } from "./metrics.ts";
