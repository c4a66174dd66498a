// The HTTP surface: health, security headers, CSRF, cookies, login abuse resistance, session lifecycle.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, startRedis } from "@spatz/local";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import {
  addUser,
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;
let state: FixtureTenant;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  [kommune, state] = await Promise.all([createTenant(t.client.db, "api"), stateTenant(t.client.db)]);
});
afterAll(() => t.close());

const login = (s: ApiSession, tenant: FixtureTenant, email: string, password = TEST_PASSWORD) =>
  s.call("auth.login", { tenantSlug: tenant.slug, email, password });

describe("health", () => {
  it("answers ok for db and redis", async () => {
    const res = await t.app.request("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", db: "ok", redis: "ok" });
  });

  it("names redis when it is down, keeps serving, and recovers without a restart", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "spatz-redis-"));
    const port = await freePort();
    let redis = await startRedis({ dir, port, persistent: false });
    const own = createTestApp({ appUrl: inject("appUrl"), redisUrl: redis.url });
    try {
      expect((await own.app.request("/health")).status).toBe(200);
      await redis.stop();
      const down = await own.app.request("/health");
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "degraded", db: "ok", redis: "error" });
      // Still ready to serve (only sign-in limits and jobs need Redis), and alive.
      const ready = await own.app.request("/health/ready");
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: "degraded", db: "ok", redis: "error" });
      expect((await own.app.request("/health/live")).status).toBe(200);
      // Everything that needs only PostgreSQL keeps working.
      const directory = await new ApiSession(own).call("directory.tenants", { page: 1, pageSize: 5 });
      expect(directory.ok).toBe(true);
      redis = await startRedis({ dir, port, persistent: false });
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        const res = await own.app.request("/health");
        status = res.status;
        if (process.env.DEBUG_HEALTH) console.log(i, status, await res.text());
      }
      expect(status).toBe(200);
    } finally {
      await own.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("security headers and CSRF", () => {
  it("sends a strict Content-Security-Policy and related headers", async () => {
    const res = await t.app.request("/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("refuses state-changing requests from another origin or without any origin proof", async () => {
    const body = JSON.stringify({
      json: { tenantSlug: kommune.slug, email: kommune.users.admin!.email, password: TEST_PASSWORD },
    });
    const headers = { "content-type": "application/json" };
    const foreign = await t.app.request("/trpc/auth.login", {
      method: "POST",
      body,
      headers: { ...headers, origin: "https://evil.example" },
    });
    const none = await t.app.request("/trpc/auth.login", { method: "POST", body, headers });
    const crossSite = await t.app.request("/trpc/auth.login", {
      method: "POST",
      body,
      headers: { ...headers, "sec-fetch-site": "cross-site" },
    });
    for (const res of [foreign, none, crossSite]) {
      expect(res.status).toBe(403);
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const sameOrigin = await t.app.request("/trpc/auth.login", {
      method: "POST",
      body,
      headers: { ...headers, "sec-fetch-site": "same-origin" },
    });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("login", () => {
  it("sets an HttpOnly, Secure, SameSite=Lax session cookie", async () => {
    const s = new ApiSession(t);
    const r = await login(s, kommune, kommune.users.viewer!.email);
    expect(r.ok).toBe(true);
    const cookie = s.lastHeaders.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^spatz_session=[0-9a-f-]{36}\.[a-z2-9]{24}\.[a-z2-9]{32};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("Secure");
    expect(cookie).toContain("SameSite=Lax");
    expect(await s.must("account.me")).toMatchObject({
      user: { email: kommune.users.viewer!.email },
      tenant: { id: kommune.id },
    });
  });

  it("gives the same answer for an unknown address and a wrong password", async () => {
    // Both paths run one argon2 check (burnPasswordCheck), so their time does not tell them apart either; timings
    // belong in benchmarks, not in tests.
    const messages = new Set<string>();
    for (let i = 0; i < 2; i++) {
      for (const kind of ["unknown", "wrong"] as const) {
        const email =
          kind === "unknown" ? `nobody-${randomUUID().slice(0, 6)}@x.test` : kommune.users.coordinator!.email;
        const r = await login(new ApiSession(t), kommune, email, `falsch-${i}-${randomUUID()}`);
        expect(r).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
        if (!r.ok) messages.add(r.message);
      }
    }
    expect(messages.size).toBe(1);
  });

  it("limits failed attempts per IP address across accounts", async () => {
    const s = new ApiSession(t);
    for (let i = 0; i < 50; i++) await login(s, kommune, `spray-${i}@x.test`, "falsch");
    const blocked = await login(s, kommune, kommune.users.admin!.email);
    expect(blocked).toMatchObject({ ok: false, code: "TOO_MANY_REQUESTS" });
  });

  it("refuses a suspended Kommune and ends its sessions", async () => {
    const victim = await createTenant(t.client.db, "gesperrt");
    const user = new ApiSession(t, await sessionCookie(t.client.db, victim.id, victim.users.coordinator!.id));
    expect((await user.call("account.me")).ok).toBe(true);
    const stateAdmin = new ApiSession(
      t,
      await sessionCookie(t.client.db, state.id, state.users.state_admin!.id),
    );
    await stateAdmin.must("tenants.setStatus", { id: victim.id, status: "suspended" });
    expect(await user.call("account.me")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await login(new ApiSession(t), victim, victim.users.admin!.email)).toMatchObject({
      ok: false,
      code: "UNAUTHORIZED",
    });
    await stateAdmin.must("tenants.setStatus", { id: victim.id, status: "active" });
    expect((await login(new ApiSession(t), victim, victim.users.admin!.email)).ok).toBe(true);
  });
});

describe("sessions", () => {
  it("a password change ends every other session and keeps this browser signed in", async () => {
    const user = await addUser(t.client.db, kommune, "coordinator");
    const first = new ApiSession(t);
    const second = new ApiSession(t);
    await login(first, kommune, user.email);
    await login(second, kommune, user.email);
    await first.must("account.changePassword", {
      currentPassword: TEST_PASSWORD,
      newPassword: "ganz-neues-passwort",
      confirmPassword: "ganz-neues-passwort",
    });
    expect((await first.call("account.me")).ok).toBe(true);
    expect(await second.call("account.me")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect((await login(new ApiSession(t), kommune, user.email, "ganz-neues-passwort")).ok).toBe(true);
  });

  it("a role change ends the user's sessions", async () => {
    const user = await addUser(t.client.db, kommune, "viewer");
    const session = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, user.id));
    const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
    await admin.must("users.changeRole", { userId: user.id, role: "coordinator" });
    expect(await session.call("account.me")).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
  });

  it("logout everywhere ends all of a user's sessions; logout ends one", async () => {
    const user = await addUser(t.client.db, kommune, "viewer");
    const [x, y] = [new ApiSession(t), new ApiSession(t)];
    await login(x, kommune, user.email);
    await login(y, kommune, user.email);
    await x.must("auth.logout");
    expect((await x.call("account.me")).ok).toBe(false);
    expect((await y.call("account.me")).ok).toBe(true);
    await y.must("account.logoutEverywhere");
    expect((await y.call("account.me")).ok).toBe(false);
  });

  it("refuses a forged or tampered token", async () => {
    const s = new ApiSession(t);
    await login(s, kommune, kommune.users.viewer!.email);
    const tampered = s.cookie!.replace(/.$/, (c) => (c === "a" ? "b" : "a"));
    expect(await new ApiSession(t, tampered).call("account.me")).toMatchObject({
      ok: false,
      code: "UNAUTHORIZED",
    });
    // The same session id presented for another tenant finds nothing there.
    const otherTenant = s.cookie!.replace(kommune.id, state.id);
    expect(await new ApiSession(t, otherTenant).call("account.me")).toMatchObject({
      ok: false,
      code: "UNAUTHORIZED",
    });
  });
});

describe("invitations", () => {
  it("are single-use and lead to a signed-in account with the invited role", async () => {
    const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
    const email = `eingeladen-${randomUUID().slice(0, 6)}@x.test`;
    const inv = await admin.must<{ link: string }>("users.invite", {
      email,
      displayName: "Ines Eingeladen",
      role: "project_lead",
    });
    expect(inv.link).toMatch(new RegExp(`^http://spatz.test/t/${kommune.slug}/einladung#`));
    const token = inv.link.split("#")[1]!;
    const invitee = new ApiSession(t);
    expect(await invitee.must("auth.invitationInfo", { tenantSlug: kommune.slug, token })).toMatchObject({
      email,
      role: "project_lead",
    });
    await invitee.must("auth.acceptInvitation", {
      tenantSlug: kommune.slug,
      token,
      password: "mein-passwort-123",
      confirmPassword: "mein-passwort-123",
    });
    expect(await invitee.must("account.me")).toMatchObject({ user: { email, role: "project_lead" } });
    const again = await new ApiSession(t).call("auth.acceptInvitation", {
      tenantSlug: kommune.slug,
      token,
      password: "mein-passwort-123",
      confirmPassword: "mein-passwort-123",
    });
    expect(again).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const audit = await admin.must<{ items: { action: string }[] }>("audit.list", {
      action: "invitation",
      page: 1,
      pageSize: 50,
    });
    expect(audit.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(["invitation.create", "invitation.accept"]),
    );
  });

  it("reports invalid input field by field in German and changes nothing", async () => {
    const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
    const before = await admin.must<unknown[]>("users.invitations");
    const r = await admin.call("users.invite", { email: "kein-mail", displayName: "X", role: "viewer" });
    expect(r).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(r.raw).toContain("Bitte eine gültige E-Mail-Adresse eingeben.");
    expect(r.raw).toContain("Bitte einen Namen mit mindestens 2 Zeichen eingeben.");
    expect(await admin.must<unknown[]>("users.invitations")).toEqual(before);
  });
});

describe("serving the web app", () => {
  it("answers client routes with the app, build files as cacheable scripts, and a missing build file with 404", async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), "spatz-web-"));
    mkdirSync(path.join(dist, "assets"));
    writeFileSync(
      path.join(dist, "index.html"),
      '<!doctype html><html lang="de"><script src="/assets/app-1.js">',
    );
    writeFileSync(path.join(dist, "assets", "app-1.js"), "export {};");
    const web = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), webDist: dist });
    try {
      const page = await web.app.request("/massnahmen/neu");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('lang="de"');

      const script = await web.app.request("/assets/app-1.js");
      expect(script.status).toBe(200);
      expect(script.headers.get("content-type")).toContain("javascript");
      expect(script.headers.get("cache-control")).toContain("immutable");

      // A chunk of an earlier build: not the HTML page (which the browser would refuse as a script).
      const gone = await web.app.request("/assets/app-0.js");
      expect(gone.status).toBe(404);
      expect(gone.headers.get("content-type")).not.toContain("html");
      expect(gone.headers.get("cache-control") ?? "").not.toContain("immutable");
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
