// The logs of API and worker: JSON lines (pino) on stdout. Every line written while a request or a job runs carries
// its ids – `requestId` (and `tenantId` once the session is known) for a request, `jobId`, `job` and `tenantId` for a
// job – from an AsyncLocalStorage context, so a line deep in a query function needs no ids passed down to it.
import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";

export type LogContext = { requestId?: string; tenantId?: string; jobId?: string; job?: string };

const context = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with these ids on every log line it writes (nested contexts add to the outer one). */
export function withLogContext<T>(fields: LogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

/** Adds the tenant to the running request's context once its session is known. */
export function setLogTenant(tenantId: string): void {
  const store = context.getStore();
  if (store) store.tenantId = tenantId;
}

export function createLogger(
  service: "spatz-api" | "spatz-worker",
  level: string,
  destination?: pino.DestinationStream,
) {
  return pino(
    {
      level,
      base: { service },
      redact: { paths: ["req.headers.cookie", "password", "*.password", "token"], censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ ...context.getStore() }),
    },
    destination,
  );
}

export type AppLogger = ReturnType<typeof createLogger>;
