// The worker's liveness probe (Kubernetes: `node dist/liveness.js`): exits 0 while the heartbeat file (heartbeat.ts)
// is fresh, 1 with the reason otherwise.
import { statSync } from "node:fs";

const file = process.env.WORKER_HEARTBEAT_FILE;
const maxAgeSeconds = Number(process.env.WORKER_HEARTBEAT_MAX_AGE_SECONDS ?? 60);

if (!file) {
  console.error("WORKER_HEARTBEAT_FILE is not set: the worker writes no heartbeat to check");
  process.exit(1);
}
try {
  const ageSeconds = (Date.now() - statSync(file).mtimeMs) / 1000;
  if (ageSeconds > maxAgeSeconds) {
    console.error(`no heartbeat for ${Math.round(ageSeconds)} s (allowed: ${maxAgeSeconds} s)`);
    process.exit(1);
  }
} catch {
  console.error(`no heartbeat file at ${file} yet`);
  process.exit(1);
}
