// The PostgreSQL client programs a backup needs (pg_dump, pg_restore), found as infra/local finds the server: PG_BIN_DIR
// if set, else the newest Debian installation under /usr/lib/postgresql/<version>/bin, else the PATH. Connections are
// passed through libpq's environment variables, so no password ever appears on a command line.
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export type PgTool = "pg_dump" | "pg_restore";

export class PgToolError extends Error {
  override name = "PgToolError";
}

function debianBinDirs(root = "/usr/lib/postgresql"): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map(Number)
    .filter((v) => Number.isInteger(v) && v >= 14)
    .sort((a, b) => b - a)
    .map((v) => path.join(root, String(v), "bin"));
}

export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  const dirs = [
    ...(env.PG_BIN_DIR ? [env.PG_BIN_DIR] : []),
    ...debianBinDirs(),
    ...(env.PATH ?? "").split(path.delimiter).filter(Boolean),
  ];
  for (const dir of dirs) {
    const file = path.join(dir, tool);
    if (existsSync(file)) return file;
  }
  throw new PgToolError(
    `${tool} nicht gefunden: Bitte die PostgreSQL-Client-Programme installieren (Debian: apt-get install ` +
      `postgresql-client) oder PG_BIN_DIR auf ihr Verzeichnis setzen. / ${tool} not found: install the PostgreSQL ` +
      "client programs or point PG_BIN_DIR at them.",
  );
}

/** libpq's environment for a postgres:// URL (host, port, user, password, database, sslmode). */
export function libpqEnv(url: string): Record<string, string> {
  const u = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(u.hostname) || "localhost",
    PGPORT: u.port || "5432",
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get("sslmode");
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The major version of a client program, e.g. 15 for "pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)". */
export async function pgToolMajor(file: string): Promise<number> {
  const { stdout } = await execFileAsync(file, ["--version"]);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new PgToolError(`unexpected version output of ${file}: ${stdout.trim()}`);
  return Number(match[1]);
}

export async function runPgTool(tool: PgTool, args: string[], url: string): Promise<string> {
  const file = findPgTool(tool);
  try {
    const { stdout } = await execFileAsync(file, args, {
      env: { ...process.env, ...libpqEnv(url) },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new PgToolError(`${tool} ist fehlgeschlagen / failed: ${(e.stderr || e.message).trim()}`);
  }
}
