// The API gets SIGTERM (a rolling update) while 20 users work: the requests it is answering finish with their answer,
// new connections are refused (the load balancer sends them to another replica), no request gets a 5xx, and the
// process exits 0 once the running requests are done. The API runs as its own process, as in production.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { startSpatzProcess } from "../src/processes.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const USERS = 20;

let t: TestApp;
let kommune: FixtureTenant;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "sigterm");
});
afterAll(() => t?.close());

type Outcome = { start: number; end: number; status: number | null; error?: string };

describe("SIGTERM under load", () => {
  it("lets running requests answer, refuses new connections, answers no 5xx and exits 0", async () => {
    // As its own process, as in production (test/src/processes.ts); LOG_LEVEL warn keeps the output to problems.
    const proc = await startSpatzProcess("api", {
      databaseUrl: inject("appUrl"),
      redisUrl: inject("redisUrl"),
      LOG_LEVEL: "warn",
    });
    const api = proc.child;
    const exited = proc.exited;
    try {
      const base = proc.url;
      const cookie = await sessionCookie(t.client.db, kommune.id, kommune.users.viewer!.id);
      const url = `${base}/trpc/maturity.dashboard?input=${encodeURIComponent(JSON.stringify({ json: { orgUnitId: null } }))}`;
      const outcomes: Outcome[] = [];
      let running = true;
      const user = async () => {
        while (running) {
          const start = performance.now();
          try {
            const res = await fetch(url, { headers: { cookie } });
            await res.arrayBuffer();
            outcomes.push({ start, end: performance.now(), status: res.status });
          } catch (error) {
            outcomes.push({
              start,
              end: performance.now(),
              status: null,
              error: String((error as Error).cause ?? error),
            });
            await new Promise((r) => setTimeout(r, 50));
          }
        }
      };
      const load = Promise.all(Array.from({ length: USERS }, user));
      await new Promise((r) => setTimeout(r, 2_000));
      const signalled = performance.now();
      api.kill("SIGTERM");
      const code = await exited;
      const stoppedAt = performance.now();
      await new Promise((r) => setTimeout(r, 300));
      running = false;
      await load;

      const inFlight = outcomes.filter((o) => o.start < signalled && o.end > signalled);
      const after = outcomes.filter((o) => o.start > stoppedAt);
      console.log(
        `sigterm: ${outcomes.length} requests, ${inFlight.length} running at the signal, exit after ${((stoppedAt - signalled) / 1000).toFixed(2)} s, ` +
          `${outcomes.filter((o) => o.status === null).length} refused`,
      );
      expect(code).toBe(0);
      expect(outcomes.filter((o) => o.status !== null && o.status >= 500)).toEqual([]);
      expect(outcomes.filter((o) => o.status !== null && o.status !== 200)).toEqual([]);
      // The requests running when the signal came got their answer.
      expect(inFlight.length).toBeGreaterThan(0);
      expect(inFlight.filter((o) => o.status !== 200)).toEqual([]);
      // Once it is gone, new connections are refused, not left hanging.
      expect(after.length).toBeGreaterThan(0);
      for (const o of after) expect(o.error).toMatch(/ECONNREFUSED/);
      expect(proc.output()).not.toMatch(/Error:|at .*\.ts:\d+/);
    } finally {
      if (api.exitCode === null) api.kill("SIGKILL");
    }
  }, 60_000);
});
