// `pnpm start`: the whole platform on one machine with demo data. Local PostgreSQL and Redis under .data/ unless
// DATABASE_URL / REDIS_URL point elsewhere; Ctrl-C stops everything this command started.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase } from "./database.ts";
import { assertPortFree } from "./ports.ts";
import { startPostgres } from "./postgres.ts";
import { startRedis } from "./redis.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const dataDir = path.join(repo, ".data");
const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const stops: (() => Promise<void>)[] = [];
const children: ChildProcess[] = [];

function log(message: string) {
  console.log(`[spatz] ${message}`);
}

function pidAlive(pidFile: string): boolean {
  if (!existsSync(pidFile)) return false;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function database(): Promise<{ appUrl: string; ownerUrl: string | null }> {
  if (process.env.DATABASE_URL) {
    log("using DATABASE_URL");
    return { appUrl: process.env.DATABASE_URL, ownerUrl: process.env.MIGRATION_DATABASE_URL ?? null };
  }
  const pgPort = Number(process.env.SPATZ_PG_PORT ?? 54329);
  const pgDir = path.join(dataDir, "postgres");
  if (pidAlive(path.join(pgDir, "pgdata", "postmaster.pid"))) {
    throw new Error(
      `a PostgreSQL from an earlier start still runs on ${pgDir}; stop that start first (Ctrl-C), or its server with pg_ctl -D ${pgDir}/pgdata stop.`,
    );
  }
  await assertPortFree(pgPort, "the local PostgreSQL", "SPATZ_PG_PORT (or DATABASE_URL)");
  log(`starting PostgreSQL on 127.0.0.1:${pgPort} (data in .data/postgres)`);
  const pg = await startPostgres({ dataDir: pgDir, port: pgPort, durable: true });
  stops.push(pg.stop);
  const urls = await ensureDatabase(pg.url, "spatz");
  return { appUrl: urls.appUrl, ownerUrl: urls.ownerUrl };
}

async function redis(): Promise<string> {
  if (process.env.REDIS_URL) {
    log("using REDIS_URL");
    return process.env.REDIS_URL;
  }
  const redisPort = Number(process.env.SPATZ_REDIS_PORT ?? 63799);
  await assertPortFree(redisPort, "the local Redis", "SPATZ_REDIS_PORT (or REDIS_URL)");
  log(`starting Redis on 127.0.0.1:${redisPort} (data in .data/redis)`);
  const server = await startRedis({ dir: path.join(dataDir, "redis"), port: redisPort, persistent: true });
  stops.push(server.stop);
  return server.url;
}

/** Runs a child in its own process group, so that Ctrl-C reaches only us and we stop things in order. */
function run(name: string, cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(cmd, args, {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  child.on("exit", (code, signal) => {
    if (!shuttingDown) {
      log(`${name} exited (${signal ?? code}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  log("stopping …");
  // API and worker first (the worker drains its jobs), then Redis and PostgreSQL.
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = Promise.all(running.map((c) => new Promise((r) => c.once("exit", r))));
  for (const child of running) {
    try {
      process.kill(-child.pid!, "SIGTERM"); // the child's whole process group
    } catch {
      // already gone
    }
  }
  await exited;
  for (const stop of stops.reverse()) await stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

/** Runs an admin CLI command (`pnpm spatz …`): start-up uses the same migrate and seed commands as an operator. */
function spatzCli(args: string[], env: Record<string, string>): string {
  const result = spawnSync("pnpm", ["--silent", "spatz", ...args], {
    cwd: repo,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`pnpm spatz ${args.join(" ")} failed:
${result.stdout}${result.stderr}`);
  return result.stdout;
}

try {
  await assertPortFree(port, "the SPATZ API", "PORT");
  const [db, redisUrl] = await Promise.all([database(), redis()]);
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${dev ? 5173 : port}`;
  if (db.ownerUrl) {
    log("applying migrations");
    spatzCli(["migrate"], { MIGRATION_DATABASE_URL: db.ownerUrl });
  }
  let welcome = "";
  if (process.env.SPATZ_DEMO !== "false") {
    log("loading tenants and demo data");
    welcome = spatzCli(["seed-demo", "--public-url", publicUrl], { DATABASE_URL: db.appUrl });
  }
  const env = { DATABASE_URL: db.appUrl, REDIS_URL: redisUrl, PORT: String(port), PUBLIC_URL: publicUrl };
  if (!dev) {
    log("building the web app");
    const build = spawnSync("pnpm", ["--filter", "@spatz/web", "build"], { cwd: repo, stdio: "inherit" });
    if (build.status !== 0) throw new Error("web build failed");
  }
  const tsx = (watch: boolean) => [...(watch ? ["--watch"] : []), "--import", import.meta.resolve("tsx")];
  // Without SMTP, mails (invitations, report notices) go to a local folder that /entwicklung/mails lists.
  const mail: Record<string, string> = process.env.SMTP_URL
    ? {}
    : { MAIL_DIR: process.env.MAIL_DIR ?? path.join(repo, ".data", "mail"), MAIL_PAGE: "true" };
  run("api", process.execPath, [...tsx(dev), "apps/api/src/server.ts"], {
    ...env,
    ...mail,
    NODE_ENV: dev ? "development" : "production",
  });
  run("worker", process.execPath, [...tsx(false), "apps/worker/src/main.ts"], { ...env, ...mail });
  if (dev) run("web", "pnpm", ["--filter", "@spatz/web", "dev"], { SPATZ_API: `http://localhost:${port}` });
  await waitForHealth(`http://127.0.0.1:${port}/health`);
  const mailNote = "MAIL_DIR" in mail ? `\nE-Mails (lokal, ohne SMTP): ${publicUrl}/entwicklung/mails\n` : "";
  console.log(`\nSPATZ läuft: ${publicUrl}\n${welcome}${mailNote}\nBeenden mit Strg+C.\n`);
} catch (error) {
  console.error(`[spatz] ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}

async function waitForHealth(url: string) {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API did not become healthy at ${url}`);
}
