// `pnpm test`: one throwaway PostgreSQL + Redis for the whole run, handed to every package's tests by environment.
import { spawn } from "node:child_process";
import { startThrowawayServices } from "./test-services.ts";

const separator = process.argv.indexOf("--");
const [cmd, ...args] = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
if (!cmd) {
  console.error("usage: with-services -- <command> [args…]");
  process.exit(2);
}

const services = await startThrowawayServices();
console.log(`test services: PostgreSQL ${services.postgresUrl}, Redis ${services.redisUrl}`);
const child = spawn(cmd, args, {
  stdio: "inherit",
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: { ...process.env, SPATZ_TEST_PG_URL: services.postgresUrl, SPATZ_TEST_REDIS_URL: services.redisUrl },
});
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGINT", forward);
process.on("SIGTERM", forward);
const code: number = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
await services.stop();
process.exit(code);
