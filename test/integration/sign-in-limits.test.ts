// Sign-in throttling: brute force is slowed down per address and per account, but a stranger cannot lock the real
// user out, parallel guesses cannot slip past the count, and sign-in keeps working while Redis is down.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startRedis } from "@spatz/local";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { addUser, createTenant, type FixtureTenant, TEST_PASSWORD } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "limits");
});
afterAll(() => t.close());

const login = (s: ApiSession, email: string, password = TEST_PASSWORD) =>
  s.call("auth.login", { tenantSlug: kommune.slug, email, password });
const from = (ip: string, app: TestApp = t) => new ApiSession(app, null, "http://spatz.test", ip);

describe("sign-in limits", () => {
  it("throttle the attacker's address, while the real user signs in from another", async () => {
    const user = await addUser(t.client.db, kommune, "viewer");
    const attacker = "203.0.113.10";
    for (let i = 0; i < 5; i++) {
      expect(await login(from(attacker), user.email, `falsch-${i}`)).toMatchObject({ code: "UNAUTHORIZED" });
    }
    const s = from(attacker);
    const blocked = await login(s, user.email);
    expect(blocked).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
    expect(blocked.ok === false && blocked.message).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche/);
    expect(Number(s.lastHeaders.get("retry-after"))).toBeGreaterThan(0);
    expect((await login(from("192.0.2.44"), user.email)).ok).toBe(true);
  });

  it("count parallel attempts before any password is checked: 20 at once get at most 5 checks", async () => {
    const user = await addUser(t.client.db, kommune, "viewer");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => login(from("203.0.113.20"), user.email, `parallel-${i}`)),
    );
    const checked = results.filter((r) => !r.ok && r.code === "UNAUTHORIZED").length;
    const throttled = results.filter((r) => !r.ok && r.code === "TOO_MANY_REQUESTS").length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(checked + throttled).toBe(20);
  });

  it("slow down guesses at one account from many addresses progressively, and a sign-in resets it", async () => {
    const user = await addUser(t.client.db, kommune, "viewer");
    for (let i = 0; i < 10; i++) {
      expect(await login(from(`203.0.113.${100 + i}`), user.email, "falsch")).toMatchObject({
        code: "UNAUTHORIZED",
      });
    }
    const s = from("203.0.113.150");
    const waiting = await login(s, user.email);
    expect(waiting).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
    const retryAfter = Number(s.lastHeaders.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
    expect((await login(from("192.0.2.45"), user.email)).ok).toBe(true);
    expect((await login(from("192.0.2.46"), user.email, "nochmal-falsch")).ok).toBe(false);
    expect((await login(from("192.0.2.47"), user.email)).ok).toBe(true);
  });

  it("store one key per Redis operation, each with a hash tag (Redis Cluster accepts them)", async () => {
    const user = await addUser(t.client.db, kommune, "viewer");
    await login(from("203.0.113.30"), user.email, "falsch");
    const keys = await t.redis.keys(`spatz:rl:*${user.email}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^spatz:rl:\{[^{}]+\}$/);
  });
});

describe("sign-in while Redis is down", () => {
  it("keeps working with the limits held in the API process, and Redis takes over again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-redis-"));
    const port = await freePort();
    let redis = await startRedis({ dir, port, persistent: false });
    const own = createTestApp({ appUrl: inject("appUrl"), redisUrl: redis.url });
    try {
      const user = await addUser(own.client.db, kommune, "viewer");
      await redis.stop();
      expect((await login(from("192.0.2.60", own), user.email)).ok).toBe(true);
      for (let i = 0; i < 5; i++) await login(from("203.0.113.61", own), user.email, "falsch");
      const blocked = await login(from("203.0.113.61", own), user.email);
      expect(blocked).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
      redis = await startRedis({ dir, port, persistent: false });
      let ok = false;
      for (let i = 0; i < 50 && !ok; i++) {
        await new Promise((r) => setTimeout(r, 100));
        ok = (await own.app.request("/health")).status === 200;
      }
      expect(ok).toBe(true);
      expect((await login(from("192.0.2.62", own), user.email)).ok).toBe(true);
      expect((await own.redis.keys("spatz:rl:*")).length).toBeGreaterThan(0);
    } finally {
      await own.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
