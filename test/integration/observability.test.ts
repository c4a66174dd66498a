// What an operator sees of the API: Prometheus metrics on a port of their own (not the app's) with the request latency
// per tRPC procedure and status, the database pool and the job counts per queue and state; and log lines that carry
// the request's id and tenant.
import { Writable } from "node:stream";

import { type ApiMetrics, createApiMetrics } from "@spatz/api";
import { freePort } from "@spatz/local";
import { createLogger } from "@spatz/logging";
import { serveMetrics } from "@spatz/metrics";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant } from "../src/fixtures.ts";
import { sessionAs } from "../src/maturity-fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let metrics: ApiMetrics;
let kommune: FixtureTenant;
let port = 0;
let server: Awaited<ReturnType<typeof serveMetrics>>;
const lines: Record<string, unknown>[] = [];
const logStream = new Writable({
  write(chunk, _enc, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

/** The value of one sample line, e.g. `name{a="b"} 3`. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.split(" ").at(-1)) : null;
}

beforeAll(async () => {
  t = createTestApp({
    appUrl: inject("appUrl"),
    redisUrl: inject("redisUrl"),
    jobsRedisUrl: `${inject("redisUrl")}/12`,
    logger: createLogger("spatz-api", "info", logStream),
    metrics: (deps, client) => {
      metrics = createApiMetrics({ pool: client.sql, jobs: deps.jobs });
      return metrics;
    },
  });
  kommune = await createTenant(t.client.db, "metriken");
  port = await freePort();
  server = await serveMetrics(metrics.registry, port, "127.0.0.1");
});
afterAll(async () => {
  server?.close();
  await t?.close();
});

describe("metrics", () => {
  it("count requests per procedure and status, the pool and the queues, on their own port only", async () => {
    const viewer = await sessionAs(t, kommune, "viewer");
    await viewer.must("maturity.dashboard", { orgUnitId: null });
    await viewer.must("maturity.dashboard", { orgUnitId: null });
    await viewer.call("users.list", { page: 1, pageSize: 10 }); // a viewer may not: 403
    await t.app.request("/dateien/berichte/00000000-0000-4000-8000-000000000000/pdf"); // no session: 401

    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const count = (labels: Record<string, string>) =>
      sample(text, "spatz_http_request_duration_seconds_count", labels);
    expect(count({ route: "maturity.dashboard", method: "GET", status: "200" })).toBe(2);
    expect(count({ route: "users.list", status: "403" })).toBe(1);
    expect(count({ route: "/dateien/berichte/:id/:format", status: "401" })).toBe(1);
    expect(sample(text, "spatz_db_pool_acquired", { service: "api" })).toBeGreaterThan(0);
    expect(sample(text, "spatz_db_pool_in_use", { service: "api" })).toBe(0);
    expect(sample(text, "spatz_jobs", { queue: "reports", state: "failed" })).not.toBeNull();
    expect(text).toContain("process_resident_memory_bytes");

    // Not on the app's port, and nothing else on the metrics port.
    expect((await t.app.request("/metrics")).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
  });

  it("log every request's line with its request id and, once signed in, its tenant", async () => {
    const viewer = await sessionAs(t, kommune, "viewer");
    await viewer.must("maturity.dashboard", { orgUnitId: null });
    const signedIn = lines.filter(
      (l) => l.msg === "request" && String(l.path).includes("maturity.dashboard"),
    );
    expect(signedIn.length).toBeGreaterThan(0);
    for (const l of signedIn) {
      expect(l.requestId).toEqual(expect.any(String));
      expect(l.tenantId).toBe(kommune.id);
    }
    const anonymous = await t.app.request("/trpc/auth.session", {
      headers: { "X-Request-Id": "probe-1" },
    });
    expect(anonymous.status, await anonymous.clone().text()).toBe(200);
    expect(lines.find((l) => l.requestId === "probe-1")).toMatchObject({
      msg: "request",
      service: "spatz-api",
    });
    expect(lines.find((l) => l.requestId === "probe-1")?.tenantId).toBeUndefined();
  });
});
