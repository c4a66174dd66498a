// Runs the admin CLI (`pnpm spatz …`) from source as an operator would, against the test databases.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const main = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../apps/cli/src/main.ts");

export function spatz(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", main, ...args], {
    input: "",
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The server's superuser connected to `database`: the maintenance role of backups, restores and purges. */
export function superuserUrlFor(superuserUrl: string, database: string): string {
  const url = new URL(superuserUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function databaseOf(url: string): string {
  return new URL(url).pathname.slice(1);
}
