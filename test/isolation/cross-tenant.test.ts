// Tenant isolation through the API: for every tRPC procedure, a user of Kommune A tries to read, change or learn the
// existence of Kommune B's rows using B's real ids. Every response is also scanned for B's private values ("canaries").
// A new procedure without a case here fails the completeness test.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession, type CallResult, procedurePaths } from "../src/api-client.ts";
import {
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";
import {
  type PortfolioSecrets,
  portfolioCanaries,
  portfolioCases,
  setUpPortfolioB,
} from "./portfolio-cases.ts";

let t: TestApp;
let a: FixtureTenant;
let b: FixtureTenant;
let state: FixtureTenant;
const bSecrets = { invitationId: "", invitationToken: "", sessionCookie: "", sessionId: "" };
let canaries: string[] = [];
let portfolioB: PortfolioSecrets;

const as = async (tenant: FixtureTenant, role: string) =>
  new ApiSession(t, await sessionCookie(t.client.db, tenant.id, tenant.users[role]!.id));

function expectNoLeak(...results: (CallResult | string)[]) {
  for (const r of results) {
    const raw = typeof r === "string" ? r : r.raw;
    for (const canary of canaries) expect(raw, `response leaks ${canary}`).not.toContain(canary);
  }
}

async function bStillIntact() {
  const bAdmin = new ApiSession(t, bSecrets.sessionCookie);
  const users = await bAdmin.must<{ items: { id: string; role: string; status: string }[] }>("users.list", {
    page: 1,
    pageSize: 50,
  });
  for (const [role, u] of Object.entries(b.users)) {
    expect(users.items.find((x) => x.id === u.id)).toMatchObject({ role, status: "active" });
  }
  const invitations = await bAdmin.must<{ id: string }[]>("users.invitations");
  expect(invitations.map((i) => i.id)).toContain(bSecrets.invitationId);
}

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  [a, b, state] = await Promise.all([
    createTenant(t.client.db, "a"),
    createTenant(t.client.db, "b"),
    stateTenant(t.client.db),
  ]);
  bSecrets.sessionCookie = await sessionCookie(t.client.db, b.id, b.users.admin!.id);
  const bAdmin = new ApiSession(t, bSecrets.sessionCookie);
  const invitation = await bAdmin.must<{ id: string; link: string }>("users.invite", {
    email: `geheim-${randomUUID().slice(0, 6)}@b.test`,
    displayName: "Geheime Person",
    role: "viewer",
  });
  bSecrets.invitationId = invitation.id;
  bSecrets.invitationToken = invitation.link.split("#")[1]!;
  const sessions = await bAdmin.must<{ id: string; current: boolean }[]>("account.sessions");
  bSecrets.sessionId = sessions.find((s) => s.current)!.id;
  canaries = [
    ...Object.values(b.users).flatMap((u) => [u.id, u.email]),
    bSecrets.invitationId,
    bSecrets.sessionId,
    "Geheime Person",
  ];
  portfolioB = await setUpPortfolioB(t, b);
  canaries.push(...portfolioCanaries(portfolioB));
});
afterAll(() => t.close());

type Case = () => Promise<void>;

const CASES: Record<string, Case> = {
  "auth.login": async () => {
    const anon = new ApiSession(t);
    const bUser = b.users.viewer!;
    // B's real address with B's real password at A's login: refused exactly like an unknown address.
    const withBUser = await anon.call("auth.login", {
      tenantSlug: a.slug,
      email: bUser.email,
      password: TEST_PASSWORD,
    });
    const withUnknown = await anon.call("auth.login", {
      tenantSlug: a.slug,
      email: `niemand-${randomUUID().slice(0, 6)}@a.test`,
      password: TEST_PASSWORD,
    });
    expect(withBUser).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(withUnknown.ok ? "" : withUnknown.message).toBe(withBUser.ok ? "?" : withBUser.message);
    expectNoLeak(withBUser);
  },
  "auth.invitationInfo": async () => {
    const r = await new ApiSession(t).call("auth.invitationInfo", {
      tenantSlug: a.slug,
      token: bSecrets.invitationToken,
    });
    expect(r).toMatchObject({ ok: true, data: null });
    expectNoLeak(r);
  },
  "auth.acceptInvitation": async () => {
    const r = await new ApiSession(t).call("auth.acceptInvitation", {
      tenantSlug: a.slug,
      token: bSecrets.invitationToken,
      password: "ein-langes-passwort",
      confirmPassword: "ein-langes-passwort",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "auth.logout": async () => {
    const s = await as(a, "viewer");
    expectNoLeak(await s.call("auth.logout"));
    await bStillIntact();
  },
  "directory.tenants": async () => {
    const r = await new ApiSession(t).call("directory.tenants", { search: b.slug, page: 1, pageSize: 10 });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
  },
  "directory.tenantBySlug": async () => {
    const r = await new ApiSession(t).call("directory.tenantBySlug", { slug: b.slug });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
  },
  "account.me": async () => {
    expectNoLeak(await (await as(a, "admin")).call("account.me"));
  },
  "account.sessions": async () => {
    expectNoLeak(await (await as(a, "admin")).call("account.sessions"));
  },
  "account.revokeSession": async () => {
    const r = await (await as(a, "admin")).call("account.revokeSession", { sessionId: bSecrets.sessionId });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "account.logoutEverywhere": async () => {
    expectNoLeak(await (await as(a, "leadership")).call("account.logoutEverywhere"));
    await bStillIntact();
  },
  "account.changePassword": async () => {
    const r = await (await as(a, "project_lead")).call("account.changePassword", {
      currentPassword: TEST_PASSWORD,
      newPassword: "neues-passwort-123",
      confirmPassword: "neues-passwort-123",
    });
    expect(r.ok).toBe(true);
    const bLogin = await new ApiSession(t).call("auth.login", {
      tenantSlug: b.slug,
      email: b.users.project_lead!.email,
      password: TEST_PASSWORD,
    });
    expect(bLogin.ok).toBe(true);
  },
  "users.list": async () => {
    const s = await as(a, "admin");
    expectNoLeak(
      await s.call("users.list", { page: 1, pageSize: 200 }),
      await s.call("users.list", { search: b.users.admin!.email, page: 1, pageSize: 10 }),
    );
  },
  "users.invitations": async () => {
    expectNoLeak(await (await as(a, "admin")).call("users.invitations"));
  },
  "users.invite": async () => {
    // Inviting B's user's address into A must not reveal that the address has an account in B.
    const r = await (await as(a, "admin")).call("users.invite", {
      email: b.users.coordinator!.email,
      displayName: "Jemand",
      role: "viewer",
    });
    expect(r.ok).toBe(true);
    expectNoLeak(r);
    await bStillIntact();
    // A typed this address itself, so it now legitimately appears in A's own invitations and audit log.
    canaries = canaries.filter((c) => c !== b.users.coordinator!.email);
  },
  "users.revokeInvitation": async () => {
    const r = await (await as(a, "admin")).call("users.revokeInvitation", { id: bSecrets.invitationId });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await bStillIntact();
  },
  "users.changeRole": async () => {
    const r = await (await as(a, "admin")).call("users.changeRole", {
      userId: b.users.viewer!.id,
      role: "admin",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "users.setStatus": async () => {
    const r = await (await as(a, "admin")).call("users.setStatus", {
      userId: b.users.coordinator!.id,
      status: "disabled",
    });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoLeak(r);
    await bStillIntact();
  },
  "audit.list": async () => {
    const s = await as(a, "admin");
    const all = await s.call("audit.list", { page: 1, pageSize: 200 });
    const byEntity = await s.call("audit.list", { entityId: b.users.admin!.id, page: 1, pageSize: 10 });
    expect(byEntity).toMatchObject({ ok: true, data: { total: 0 } });
    expectNoLeak(all, byEntity);
  },
  "tenants.list": async () => {
    // The registry is the state's; a Kommune cannot list it, and the state's view holds no Kommune's private data.
    expect(await (await as(a, "admin")).call("tenants.list", { page: 1, pageSize: 10 })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expectNoLeak(
      await (await as(state, "state_admin")).call("tenants.list", { search: b.slug, page: 1, pageSize: 10 }),
    );
  },
  "tenants.create": async () => {
    const r = await (await as(a, "admin")).call("tenants.create", {
      name: "Übernahme",
      slug: `x-${randomUUID().slice(0, 6)}`,
      kind: "einheitsgemeinde",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  },
  "tenants.rename": async () => {
    const r = await (await as(a, "admin")).call("tenants.rename", { id: b.id, name: "Gekapert" });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
  },
  "tenants.setStatus": async () => {
    const r = await (await as(a, "admin")).call("tenants.setStatus", { id: b.id, status: "suspended" });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await bStillIntact();
  },
  "tenants.inviteAdmin": async () => {
    const r = await (await as(a, "admin")).call("tenants.inviteAdmin", {
      tenantId: b.id,
      email: "x@a.test",
      displayName: "X Y",
    });
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    await bStillIntact();
  },
  ...portfolioCases({
    t: () => t,
    a: () => a,
    b: () => b,
    secrets: () => portfolioB,
    as,
    expectNoLeak,
    dropCanary: (canary) => {
      canaries = canaries.filter((c) => c !== canary);
    },
  }),
};

describe("cross-tenant isolation through every procedure", () => {
  it("has a case for every procedure of the router", () => {
    expect(Object.keys(CASES).sort()).toEqual(procedurePaths());
  });
  for (const [path, run] of Object.entries(CASES)) {
    it(`${path}: Kommune A cannot reach Kommune B`, run);
  }
});
