import pino from "pino";

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: "spatz-api" },
    redact: { paths: ["req.headers.cookie", "password", "*.password", "token"], censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type AppLogger = ReturnType<typeof createLogger>;
