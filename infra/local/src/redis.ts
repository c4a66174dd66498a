// A local redis-server: installed from Debian's packages when missing and we are root, else a one-line instruction.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { commandExists, isRoot, run } from "./exec.ts";
import { waitForPort } from "./ports.ts";

export type RedisServer = { url: string; port: number; pid: number; stop: () => Promise<void> };

function isDebian(): boolean {
  return existsSync("/etc/debian_version");
}

export function ensureRedisBinary(): void {
  if (commandExists("redis-server")) return;
  if (isRoot && isDebian()) {
    console.log("redis-server is missing: installing the Debian package redis-server …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    const install = spawnSync("apt-get", ["install", "-y", "-qq", "redis-server"], { stdio: "inherit", env });
    if (update.status === 0 && install.status === 0 && commandExists("redis-server")) return;
    throw new Error("Installing redis-server with apt-get failed; install it by hand or set REDIS_URL.");
  }
  throw new Error(
    "redis-server was not found: install Redis ≥ 6.2 (Debian/Ubuntu: sudo apt-get install redis-server, macOS: brew install redis) or set REDIS_URL.",
  );
}

export async function startRedis(opts: {
  dir: string;
  port: number;
  persistent: boolean;
  /** A node of a Redis Cluster (startRedisCluster joins the nodes). */
  cluster?: boolean;
}): Promise<RedisServer> {
  ensureRedisBinary();
  mkdirSync(opts.dir, { recursive: true });
  const pidFile = path.join(opts.dir, "redis.pid");
  const args = [
    "--port",
    String(opts.port),
    "--bind",
    "127.0.0.1",
    "--daemonize",
    "yes",
    "--dir",
    opts.dir,
    "--pidfile",
    pidFile,
    "--logfile",
    path.join(opts.dir, "redis.log"),
    ...(opts.persistent ? ["--appendonly", "yes", "--save", "60 1"] : ["--save", "", "--appendonly", "no"]),
    ...(opts.cluster
      ? ["--cluster-enabled", "yes", "--cluster-config-file", path.join(opts.dir, "nodes.conf")]
      : []),
  ];
  await run("redis-server", args);
  const pid = await waitForPid(pidFile);
  await waitForPort(opts.port);
  const stop = async () => {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      return;
    }
    for (let i = 0; i < 50 && isAlive(pid); i++) await sleep(100);
  };
  return { url: `redis://127.0.0.1:${opts.port}`, port: opts.port, pid, stop };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForPid(pidFile: string): Promise<number> {
  for (let i = 0; i < 100; i++) {
    if (existsSync(pidFile)) {
      const pid = Number.parseInt(readFileSync(pidFile, "utf8"), 10);
      if (pid > 0) return pid;
    }
    await sleep(50);
  }
  throw new Error(`redis-server did not start (no pid file ${pidFile}); see redis.log next to it.`);
}

export type RedisCluster = {
  /** REDIS_URL for SPATZ: the first node as seed, `?cluster=true`. */
  url: string;
  nodes: RedisServer[];
  stop: () => Promise<void>;
};

/** A local Redis Cluster of `size` masters without replicas (tests of the multi-node path), each slot covered. */
export async function startRedisCluster(dir: string, ports: number[]): Promise<RedisCluster> {
  const nodes: RedisServer[] = [];
  for (const port of ports)
    nodes.push(
      await startRedis({ dir: path.join(dir, String(port)), port, persistent: false, cluster: true }),
    );
  const stop = async () => {
    for (const n of nodes) await n.stop();
  };
  try {
    await run("redis-cli", [
      "--cluster",
      "create",
      ...ports.map((p) => `127.0.0.1:${p}`),
      "--cluster-replicas",
      "0",
      "--cluster-yes",
    ]);
    for (let i = 0; ; i++) {
      const states = await Promise.all(
        ports.map((p) => run("redis-cli", ["-p", String(p), "cluster", "info"])),
      );
      if (states.every((s) => s.includes("cluster_state:ok"))) break;
      if (i > 100) throw new Error(`redis cluster not ok: ${states.join(" | ")}`);
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${ports[0]}?cluster=true`, nodes, stop };
}
