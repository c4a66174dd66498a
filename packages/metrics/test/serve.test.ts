import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createRegistry, registerPoolMetrics, serveMetrics } from "../src/index.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("metrics server", () => {
  it("serves the registry at GET /metrics on its own port, with the pool's figures read when scraped", async () => {
    const registry = createRegistry("api");
    const pool = { inUse: 2, waiting: 1, acquired: 40, waitSeconds: 0.5, busy: 0 };
    registerPoolMetrics(registry, () => pool);
    const port = await freePort();
    const server = await serveMetrics(registry, port, "127.0.0.1");
    try {
      pool.inUse = 3;
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toContain('spatz_db_pool_in_use{service="api"} 3');
      expect(text).toContain('spatz_db_pool_acquired{service="api"} 40');
      expect(text).toContain("process_cpu_user_seconds_total");
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`, { method: "POST" })).status).toBe(404);
    } finally {
      server.close();
    }
  });

  it("refuses a port that is taken, clearly", async () => {
    const port = await freePort();
    const first = await serveMetrics(createRegistry("worker"), port, "127.0.0.1");
    try {
      await expect(serveMetrics(createRegistry("worker"), port, "127.0.0.1")).rejects.toThrow(/EADDRINUSE/);
    } finally {
      first.close();
    }
  });
});
