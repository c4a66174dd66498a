// API and worker as processes of their own, as in production (one Node process each, started from the sources with
// tsx): for fault, multi-node and load tests. Each reads its configuration from the environment like the real one.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@spatz/local";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ENTRIES = {
  api: path.join(repo, "apps/api/src/server.ts"),
  worker: path.join(repo, "apps/worker/src/main.ts"),
};

export type SpatzProcess = {
  kind: "api" | "worker";
  child: ChildProcess;
  /** The API's address (http://127.0.0.1:port); empty for a worker. */
  url: string;
  output: () => string;
  /** Resident memory of the process in MiB (from /proc). */
  rssMiB: () => number;
  exited: Promise<number | null>;
  /** SIGTERM (or the given signal) and wait for the exit; SIGKILL after `graceMs`. */
  stop: (signal?: NodeJS.Signals, graceMs?: number) => Promise<number | null>;
};

export async function startSpatzProcess(
  kind: "api" | "worker",
  env: { databaseUrl: string; redisUrl: string } & Record<string, string>,
  /** Options for node itself, e.g. --cpu-prof (not allowed in NODE_OPTIONS). */
  nodeArgs: string[] = [],
): Promise<SpatzProcess> {
  const { databaseUrl, redisUrl, ...extra } = env;
  const port = kind === "api" ? await freePort() : 0;
  const url = kind === "api" ? `http://127.0.0.1:${port}` : "";
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", ENTRIES[kind]], {
    // The app's own folder: tsx and the app's dependencies resolve from there.
    cwd: path.dirname(path.dirname(ENTRIES[kind])),
    env: {
      ...process.env,
      NODE_ENV: "test",
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      LOG_LEVEL: "info",
      ...(kind === "api" && { PORT: String(port), PUBLIC_URL: url }),
      ...extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const proc: SpatzProcess = {
    kind,
    child,
    url,
    output: () => output,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    exited,
    stop: async (signal = "SIGTERM", graceMs = 15_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const ready = async () => {
    if (kind === "api") {
      const ok = await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      );
      return ok;
    }
    return output.includes("SPATZ worker ready");
  };
  const end = Date.now() + 60_000;
  while (!(await ready())) {
    if (child.exitCode !== null) throw new Error(`${kind} exited at start:\n${output}`);
    if (Date.now() > end) {
      child.kill("SIGKILL");
      throw new Error(`${kind} not ready within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return proc;
}
