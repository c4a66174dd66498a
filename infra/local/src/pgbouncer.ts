// A local PgBouncer (Debian's package) in transaction mode in front of a PostgreSQL database, for the tests of the
// pooled path (ADR 0002, infra/README.md). Runs as the postgres user when we are root (it refuses to run as root).
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { isRoot, run } from "./exec.ts";
import { freePort } from "./ports.ts";

export const PGBOUNCER_BIN = "/usr/sbin/pgbouncer";

export type PgBouncer = {
  /** Connection URL for clients: the upstream's user, through the bouncer. */
  url: string;
  port: number;
  version: string;
  stop: () => Promise<void>;
};

/**
 * Starts PgBouncer for one upstream database URL (postgres://user:password@host:port/db). `poolSize` server
 * connections are shared by every client in transaction mode.
 */
export async function startPgBouncer(
  upstreamUrl: string,
  opts: { poolSize?: number } = {},
): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER_BIN)) throw new Error("pgbouncer not installed (Debian package pgbouncer)");
  const up = new URL(upstreamUrl);
  const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-pgbouncer-"));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const db = up.pathname.slice(1);
  const connect = [
    `host=${up.hostname}`,
    `port=${up.port || 5432}`,
    `dbname=${db}`,
    `user=${decodeURIComponent(up.username)}`,
    ...(up.password ? [`password=${decodeURIComponent(up.password)}`] : []),
  ].join(" ");
  const ini = path.join(dir, "pgbouncer.ini");
  const pidFile = path.join(dir, "pgbouncer.pid");
  writeFileSync(
    ini,
    [
      "[databases]",
      `${db} = ${connect}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      // The test clients are local; the server login uses the upstream's credentials above.
      "auth_type = any",
      "pool_mode = transaction",
      "max_client_conn = 1000",
      `default_pool_size = ${opts.poolSize ?? 5}`,
      "ignore_startup_parameters = extra_float_digits",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${pidFile}`,
      "",
    ].join("\n"),
  );
  const asUser = isRoot ? "postgres" : undefined;
  const version = (await run(PGBOUNCER_BIN, ["--version"])).split("\n")[0]!.trim();
  await run(PGBOUNCER_BIN, ["-d", ini], { asUser });
  for (let i = 0; i < 50 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
  if (!existsSync(pidFile)) throw new Error(`pgbouncer did not start: ${readLog(dir)}`);
  return {
    url: `postgres://${up.username}@127.0.0.1:${port}/${db}`,
    port,
    version,
    stop: async () => {
      const pid = Number(readFileSync(pidFile, "utf8").trim());
      try {
        process.kill(pid, "SIGINT");
      } catch {}
      for (let i = 0; i < 50 && existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 100));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readLog(dir: string): string {
  const log = path.join(dir, "pgbouncer.log");
  return existsSync(log) ? readFileSync(log, "utf8").slice(-2000) : "(no log)";
}
