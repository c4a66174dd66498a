// The API's logger: JSON lines with the request's ids on every line (@spatz/logging).
import { type AppLogger, createLogger as create } from "@spatz/logging";

export type { AppLogger };

export function createLogger(level: string): AppLogger {
  return create("spatz-api", level);
}
