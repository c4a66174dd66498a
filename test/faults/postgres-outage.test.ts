// PostgreSQL goes away under load and comes back: the API must answer errors (German, no stack trace) for the
// duration, never die, never hang a request past its timeout, recover without a restart, and lose no acknowledged
// write. The API runs in this process, so an uncaught exception (the postgres.js nextWrite crash) fails the run.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runMigrations } from "@spatz/db";
import { ensureDatabase, freePort, type PostgresServer, startPostgres } from "@spatz/local";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, type CallResult } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const OUTAGE_MS = 15_000;
const USERS = 20;

let dir: string;
let port: number;
let pg: PostgresServer;
let t: TestApp;
let kommune: FixtureTenant;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "spatz-pg-fault-"));
  port = await freePort();
  pg = await startPostgres({ dataDir: dir, port, durable: false });
  const urls = await ensureDatabase(pg.url, "spatz_fault");
  await runMigrations(urls.ownerUrl);
  t = createTestApp({ appUrl: urls.appUrl, redisUrl: inject("redisUrl"), poolSize: 10 });
  kommune = await createTenant(t.client.db, "ausfall");
  process.on("uncaughtException", onUncaught);
}, 120_000);

afterAll(async () => {
  process.off("uncaughtException", onUncaught);
  await t?.close();
  await pg?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Outcome = { at: number; ms: number; result: CallResult };

describe("PostgreSQL stops for 15 s while 20 users work", () => {
  it("costs errors for its duration, never the process, and every acknowledged write survives", async () => {
    const cookies = await Promise.all(
      Array.from({ length: USERS }, () =>
        sessionCookie(t.client.db, kommune.id, kommune.users.coordinator!.id),
      ),
    );
    const acknowledged: string[] = [];
    const outcomes: Outcome[] = [];
    let running = true;
    const started = Date.now();
    const user = async (i: number) => {
      const session = new ApiSession(t, cookies[i]!);
      let n = 0;
      while (running) {
        const begin = Date.now();
        const title = `Ausfall ${i}-${n++}`;
        const result =
          n % 3 === 0
            ? await session.call("measures.create", {
                title,
                criterionKeys: ["strategie.1.bestandsaufnahme"],
              })
            : await session.call("account.me");
        outcomes.push({ at: begin - started, ms: Date.now() - begin, result });
        if (result.ok && n % 3 === 0) acknowledged.push(title);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const load = Promise.all(Array.from({ length: USERS }, (_, i) => user(i)));

    await new Promise((r) => setTimeout(r, 2_000));
    const stoppedAt = Date.now() - started;
    await pg.stop();
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    pg = await startPostgres({ dataDir: dir, port, durable: false });
    const restartedAt = Date.now() - started;
    // Recovery: the first successful answer after the restart.
    const deadline = Date.now() + 60_000;
    let recoveredAt = -1;
    while (Date.now() < deadline && recoveredAt < 0) {
      const ok = outcomes.find((o) => o.at >= restartedAt && o.result.ok);
      if (ok) recoveredAt = ok.at + ok.ms;
      else await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2_000));
    running = false;
    await load;

    // Every refused request (they fall into the outage, or wait in it for a connection) answered like a product.
    const failures = outcomes.filter((o) => !o.result.ok);
    const finishedDuring = outcomes.filter((o) => o.at + o.ms > stoppedAt && o.at < restartedAt);
    console.log(
      `postgres outage: ${outcomes.length} requests, ${finishedDuring.length} in the outage, ${failures.length} refused, ` +
        `recovered ${((recoveredAt - restartedAt) / 1000).toFixed(1)} s after the restart, ` +
        `slowest answer ${(Math.max(...outcomes.map((o) => o.ms)) / 1000).toFixed(1)} s`,
    );
    expect(uncaught).toEqual([]);
    expect(recoveredAt).toBeGreaterThan(0);
    expect(failures.length).toBeGreaterThan(0);
    for (const { result } of failures) {
      if (result.ok) continue;
      expect(result.message).not.toMatch(/at .*\.(ts|js):\d+|Error:|ECONNREFUSED|postgres/i);
      expect(result.message).toMatch(/Bitte versuchen Sie es/);
      expect(result.status).toBe(503);
    }
    // No request waited forever: all of them came back (Promise.all above), none slower than the acquire timeout
    // plus the outage's connect timeouts.
    expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(60_000);

    const lead = new ApiSession(t, cookies[0]!);
    const titles = new Set<string>();
    for (let page = 1; ; page++) {
      const list = await lead.must<{ items: { title: string }[]; total: number }>("measures.list", {
        page,
        pageSize: 100,
        search: "Ausfall",
      });
      for (const m of list.items) titles.add(m.title);
      if (list.items.length < 100) break;
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((title) => !titles.has(title))).toEqual([]);
  }, 180_000);
});
