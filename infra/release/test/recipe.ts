// The container image's recipe (infra/container/Dockerfile) run on this machine, which has no container engine: per app
// `turbo prune --docker`, a frozen install of the pruned workspace, the app's build, then `pnpm deploy --prod` into a
// directory that holds nothing but the bundle and its runtime install.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cpSync, existsSync, lstatSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** The apps the image ships. (The API's image also prunes and builds @spatz/web, which this test does not serve.) */
export const APPS = ["api", "worker", "cli"] as const;
export type AppName = (typeof APPS)[number];

async function sh(cmd: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    return await execFileAsync(cmd, args, {
      cwd,
      env: { ...process.env, CI: "1", TURBO_TELEMETRY_DISABLED: "1", ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${e.stdout ?? ""}${e.stderr ?? e.message}`,
    );
  }
}

/** Prune, install, build and deploy one app into `<work>/<app>`; returns the deployed directory. */
export async function deployApp(app: AppName, work: string): Promise<string> {
  const pruned = path.join(work, `prune-${app}`);
  const workspace = path.join(work, `workspace-${app}`);
  const out = path.join(work, app);
  await sh(
    path.join(repo, "node_modules/.bin/turbo"),
    ["prune", `@spatz/${app}`, "--docker", "--out-dir", pruned],
    repo,
  );
  // The image copies the package manifests first (a cached install layer), then the sources.
  cpSync(path.join(pruned, "json"), workspace, { recursive: true });
  await sh("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], workspace);
  cpSync(path.join(pruned, "full"), workspace, { recursive: true });
  await sh("pnpm", ["--filter", `@spatz/${app}`, "build"], workspace);
  await sh("pnpm", ["--filter", `@spatz/${app}`, "--prod", "deploy", "--prefer-offline", out], workspace);
  return out;
}

/** Bytes on disk of a directory tree, each hard-linked file once (pnpm links files from its store). */
export function diskBytes(dir: string, seen = new Set<number>()): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    const stat = lstatSync(file);
    if (stat.isSymbolicLink()) continue;
    if (stat.isDirectory()) total += diskBytes(file, seen);
    else if (!seen.has(stat.ino)) {
      seen.add(stat.ino);
      total += stat.size;
    }
  }
  return total;
}

/** Every package in a pnpm install's virtual store (`node_modules/.pnpm`), by name. */
export function installedPackages(dir: string): Set<string> {
  const store = path.join(dir, "node_modules/.pnpm");
  const names = new Set<string>();
  if (!existsSync(store)) return names;
  for (const entry of readdirSync(store)) {
    // e.g. @trpc+server@11.25.2_typescript@7.0.2 → @trpc/server
    const match = /^(@[^+]+\+[^@]+|[^@]+)@/.exec(entry);
    if (match) names.add(match[1]!.replace("+", "/"));
  }
  return names;
}

export type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Starts a deployed program with node alone (no tsx, no workspace around it). */
export function startNode(cwd: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--enable-source-maps", ...args], {
    cwd,
    // Only what a container gets: PATH and the program's own configuration, no NODE_OPTIONS or loaders.
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (d) => {
    text += d;
  });
  child.stderr!.on("data", (d) => {
    text += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

export function runNode(cwd: string, args: string[], env: Record<string, string>) {
  return sh(process.execPath, args, cwd, env);
}

/** Polls `check` until it returns a value, or fails after `ms` with what the program printed so far. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  ms: number,
  output?: () => string,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${output ? `; output:\n${output()}` : ""}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
