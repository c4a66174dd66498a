// Starts one of the slow worker scripts of this folder as its own process, for the "killed mid-job" tests: waits until
// it says "slow worker ready", collects what it prints, and kills it without a shutdown (SIGKILL) when asked.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { until } from "@spatz/local/test-helpers";

const here = path.dirname(fileURLToPath(import.meta.url));

export type SlowWorker = {
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  /** SIGKILL, then waits for the exit; does nothing if the process has already exited. */
  kill: () => Promise<void>;
};

export async function startSlowWorker(
  script: "slow-benchmark-worker.ts" | "slow-report-worker.ts" | "slow-rollout-worker.ts",
  env: Record<string, string>,
): Promise<SlowWorker> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, script)], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const worker: SlowWorker = {
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
  try {
    await until("the slow worker", async () => output.includes("slow worker ready"), {
      ms: 60_000,
      stepMs: 50,
    });
  } catch (error) {
    await worker.kill();
    throw new Error(`${(error as Error).message}; it printed:\n${output}`);
  }
  return worker;
}
