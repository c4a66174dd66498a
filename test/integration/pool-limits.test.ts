// One request, or a burst of sign-ins, must not take the platform down: no procedure holds a connection while it waits
// for another, batches are capped, and database limits answer with a German message instead of hanging.
import { Writable } from "node:stream";
import pino from "pino";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, type CallResult } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const POOL = 3;
let t: TestApp;
let kommune: FixtureTenant;
let token: string;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), poolSize: POOL });
  kommune = await createTenant(t.client.db, "pool");
  const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
  const invited = await admin.must<{ link: string }>("users.invite", {
    email: "neu@pool.test",
    displayName: "Nora Neu",
    role: "viewer",
  });
  token = invited.link.split("#")[1]!;
});
afterAll(() => t.close());

function expectAllOk(results: CallResult[]) {
  const failed = results.filter((r) => !r.ok);
  expect(failed).toEqual([]);
}

describe(`a pool of ${POOL} connections under a burst`, () => {
  it("answers 4× the pool size of concurrent sign-ins, invitation look-ups and signed-in requests", async () => {
    const n = 4 * POOL;
    const viewer = kommune.users.viewer!;
    const cookie = await sessionCookie(t.client.db, kommune.id, viewer.id);
    const [signIns, lookups, reads] = await Promise.all([
      Promise.all(
        Array.from({ length: n }, () =>
          new ApiSession(t).call("auth.login", {
            tenantSlug: kommune.slug,
            email: viewer.email,
            password: TEST_PASSWORD,
          }),
        ),
      ),
      Promise.all(
        Array.from({ length: n }, () =>
          new ApiSession(t).call("auth.invitationInfo", { tenantSlug: kommune.slug, token }),
        ),
      ),
      Promise.all(Array.from({ length: n }, () => new ApiSession(t, cookie).call("account.me"))),
    ]);
    expectAllOk([...signIns, ...lookups, ...reads]);
    expect(lookups.every((r) => r.ok && (r.data as { email: string }).email === "neu@pool.test")).toBe(true);
    expect(lookups).toHaveLength(n);
  }, 60_000);

  it("refuses batched password or token checks and oversized batches in German, and keeps serving", async () => {
    const input = JSON.stringify(
      Object.fromEntries(
        Array.from({ length: 10 }, (_, i) => [i, { json: { tenantSlug: kommune.slug, token } }]),
      ),
    );
    const paths = Array.from({ length: 10 }, () => "auth.invitationInfo").join(",");
    const res = await t.app.request(`/trpc/${paths}?batch=1&input=${encodeURIComponent(input)}`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("nicht in Sammelanfragen");

    const tooMany = Array.from({ length: 11 }, () => "account.me").join(",");
    const big = await t.app.request(`/trpc/${tooMany}?batch=1`);
    expect(big.status).toBe(400);
    expect(JSON.stringify(await big.json())).toContain("höchstens 10 Aufrufe");

    const health = await t.app.request("/health");
    expect(health.status).toBe(200);
  });

  it("still batches the session probe with the directory, as the sign-in page does", async () => {
    const input = JSON.stringify({ 1: { json: { slug: kommune.slug } } });
    const res = await t.app.request(
      `/trpc/auth.session,directory.tenantBySlug?batch=1&input=${encodeURIComponent(input)}`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result?: { data: { json: { slug?: string } | null } } }[];
    expect(body[0]?.result?.data.json).toBeNull();
    expect(body[1]?.result?.data.json?.slug).toBe(kommune.slug);
  });
});

describe("database limits reach the user as a German message", () => {
  it("a lock held too long ends the request with 503 and a log line naming the procedure", async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: "warn" },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const strict = createTestApp({
      appUrl: inject("appUrl"),
      redisUrl: inject("redisUrl"),
      poolSize: 2,
      db: { lockTimeoutMs: 300 },
      logger,
    });
    // A superuser connection to the same database (row-level security does not apply to it).
    const url = new URL(inject("superuserUrl"));
    url.pathname = new URL(inject("appUrl")).pathname;
    const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const user = kommune.users.coordinator!;
      const session = new ApiSession(strict, await sessionCookie(strict.client.db, kommune.id, user.id));
      const reserved = await owner.reserve();
      try {
        await reserved`begin`;
        await reserved`select 1 from sessions where user_id = ${user.id} for update`;
        const result = await session.call("account.logoutEverywhere");
        expect(result).toMatchObject({ ok: false, code: "SERVICE_UNAVAILABLE" });
        expect(result.ok === false && result.message).toMatch(/zu lange gedauert.*nichts gespeichert/);
        expect(result.ok === false && result.status).toBe(503);
      } finally {
        await reserved`rollback`;
        reserved.release();
      }
      expect(lines.join("")).toContain("account.logoutEverywhere");
      // Nothing was changed: the session still works.
      expect((await session.call("account.me")).ok).toBe(true);
    } finally {
      await owner.end();
      await strict.close();
    }
  });
});
