// Debian's Chromium for browser tests (a test tool never downloads its own browser).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isRoot } from "./exec.ts";

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    Boolean,
  ) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Finds Chromium, installing Debian's package when we are root on Debian; null when it cannot be had. */
export function ensureChromium(): string | null {
  const found = chromiumPath();
  if (found || !isRoot || !existsSync("/etc/debian_version")) return found;
  console.log("chromium is missing: installing the Debian package chromium …");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env });
  return chromiumPath();
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
