// Small process helpers shared by the PostgreSQL and Redis launchers.
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a command, as `user` when we are root (PostgreSQL refuses to run as root). */
export async function run(cmd: string, args: string[], opts: { asUser?: string } = {}): Promise<string> {
  const [file, argv] =
    isRoot && opts.asUser ? ["runuser", ["-u", opts.asUser, "--", cmd, ...args]] : [cmd, args];
  try {
    const { stdout } = await execFileAsync(file, argv, { maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed: ${(e.stderr || e.stdout || e.message).trim()}`);
  }
}

export function commandExists(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}
