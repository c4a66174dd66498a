// The worker's liveness signal: a file whose modification time is renewed every few seconds while every BullMQ worker
// runs. Kubernetes runs `node dist/liveness.js` (liveness.ts) as the probe; a blocked event loop or a stopped worker
// stops the beat and the pod is restarted. A Redis outage does not: BullMQ keeps reconnecting and the beat goes on,
// because restarting would not bring Redis back.
import { writeFileSync } from "node:fs";

export const HEARTBEAT_INTERVAL_MS = 10_000;

export function startHeartbeat(file: string, alive: () => boolean, intervalMs = HEARTBEAT_INTERVAL_MS) {
  const beat = () => {
    if (alive()) writeFileSync(file, `${new Date().toISOString()}\n`);
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
