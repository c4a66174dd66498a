// Prometheus metrics (ADR 0013): a registry per process with Node's default metrics, the database pool's figures, and
// a plain HTTP server that answers GET /metrics on a port of its own (METRICS_PORT, bound like the app to HOST), so
// the figures never reach the public port and need no session. API and worker add their own metrics to it.
import { createServer, type Server } from "node:http";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

export { Counter, Gauge, Histogram, Registry };

export type PoolFigures = {
  inUse: number;
  waiting: number;
  acquired: number;
  waitSeconds: number;
  busy: number;
};

/** A registry with Node's process metrics (CPU, memory, event loop lag, GC) labelled with the service. */
export function createRegistry(service: "api" | "worker"): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** The database pool of this process: connections in use, callers waiting, waits and refusals so far. */
export function registerPoolMetrics(registry: Registry, stats: () => PoolFigures): void {
  const gauge = (name: string, help: string, value: (s: PoolFigures) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value(stats()));
      },
    });
  gauge("spatz_db_pool_in_use", "Database connections held by a transaction", (s) => s.inUse);
  gauge("spatz_db_pool_waiting", "Callers waiting for a database connection", (s) => s.waiting);
  gauge("spatz_db_pool_acquired", "Database connections handed out since start", (s) => s.acquired);
  gauge(
    "spatz_db_pool_wait_seconds",
    "Seconds callers waited for a connection since start",
    (s) => s.waitSeconds,
  );
  gauge(
    "spatz_db_pool_busy",
    "Callers refused after the acquire timeout (German 503) since start",
    (s) => s.busy,
  );
}

/** Serves the registry at GET /metrics on its own port; anything else is 404. */
export async function serveMetrics(registry: Registry, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { "Content-Type": registry.contentType }).end(text),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
