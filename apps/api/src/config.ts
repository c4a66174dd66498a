// Configuration from environment variables, validated at start-up with one clear line per bad variable.
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.url({
    protocol: /^postgres(ql)?$/,
    error: "must be a postgres:// URL of the runtime role (spatz_app)",
  }),
  /** A streaming replica (runtime role) for the dashboard reads; unset: everything reads the primary. */
  DATABASE_READ_URL: z
    .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL of the runtime role on a replica" })
    .optional(),
  /** One server, or a Redis Cluster with `?cluster=true` (this node is the seed). */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }),
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: "must be the http(s) origin users open, e.g. https://spatz.example.de",
    })
    .default("http://localhost:3000"),
  COOKIE_SECURE: bool.optional(),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** A request that gets no database connection within this time fails with a German 503 instead of waiting. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /** Optional per-process overrides of the runtime role's limits (migration 0013). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  /** false behind PgBouncer in transaction mode before 1.21 (no max_prepared_statements): unnamed statements only. */
  DB_PREPARED_STATEMENTS: bool.default(true),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIST_DIR: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  MAIL_FROM: z.string().default("SPATZ <no-reply@spatz.invalid>"),
  /** Without SMTP_URL: a folder that receives every mail as an .eml file (local use; `pnpm start` sets .data/mail). */
  MAIL_DIR: z.string().optional(),
  /** Lists MAIL_DIR at /entwicklung/mails (set by `pnpm start`; never in a deployment). */
  MAIL_PAGE: bool.default(false),
  /** Folder with the operator's impressum.md, datenschutz.md and barrierefreiheit.md (default: placeholders). */
  LEGAL_DIR: z.string().optional(),
  /** Serves Prometheus metrics at http://HOST:METRICS_PORT/metrics (a port of its own, never the public one). */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  EVIDENCE_QUOTA_MB: z.coerce.number().int().min(10).max(10_000_000).default(2048),
});

export type Config = z.infer<typeof configSchema> & { cookieSecure: boolean };

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`,
    );
    throw new ConfigError(
      `Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`,
    );
  }
  const config = parsed.data;
  // Secure cookies by default; plain http is only allowed towards localhost.
  const cookieSecure = config.COOKIE_SECURE ?? true;
  return { ...config, cookieSecure };
}
