// The Land provisions a Kommune's first (or lost) administration, and nothing more: it cannot make itself admin of
// a Kommune that has one, never sees the invitation link, and both sides can see that it invited.

import { until } from "@spatz/local/test-helpers";
import type { WorkerRuntime } from "@spatz/worker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import {
  addUser,
  createTenant,
  createTenantWithoutAdmin,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
} from "../src/fixtures.ts";
import { startMailWorker } from "../src/mail-worker.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

const jobsRedisUrl = () => `${inject("redisUrl")}/15`;
let t: TestApp;
let worker: WorkerRuntime;
let state: FixtureTenant;
let stateAdmin: ApiSession;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), jobsRedisUrl: jobsRedisUrl() });
  await t.deps.jobs!.queue("mail").obliterate({ force: true });
  worker = await startMailWorker(t, jobsRedisUrl());
  state = await stateTenant(t.client.db);
  stateAdmin = new ApiSession(t, await sessionCookie(t.client.db, state.id, state.users.state_admin!.id));
});
afterAll(async () => {
  await worker?.shutdown(10_000);
  await t?.close();
});

describe("tenants.inviteAdmin", () => {
  it("is refused in German for a Kommune that has an active administration, and changes nothing there", async () => {
    const kommune = await createTenant(t.client.db, "hat-admin");
    const result = await stateAdmin.call("tenants.inviteAdmin", {
      tenantId: kommune.id,
      email: "uebernahme@land.test",
      displayName: "Land Übernahme",
    });
    expect(result).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(result.ok === false && result.message).toContain("bereits eine aktive Administration");
    const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
    expect(await admin.must("users.invitations")).toEqual([]);
    expect(t.mails().some((m) => m.to === "uebernahme@land.test")).toBe(false);
  });

  it("for a Kommune without one: the link goes only to the invitee, and both sides see the invitation", async () => {
    const kommune = await createTenantWithoutAdmin(t.client.db, "ohne-admin");
    const email = `neue-leitung-${kommune.slug}@kommune.test`;
    const result = await stateAdmin.must<Record<string, unknown>>("tenants.inviteAdmin", {
      tenantId: kommune.id,
      email,
      displayName: "Neue Administration",
    });
    expect(result).toMatchObject({ email, mailed: true });
    expect(JSON.stringify(result)).not.toMatch(/einladung#|token/i);

    const mail = await until("the invitation mail", async () => t.mails().find((m) => m.to === email));
    const token = /\/einladung#([\w.-]+)/.exec(mail?.raw ?? "")?.[1];
    expect(token).toBeTruthy();
    const info = await new ApiSession(t).must("auth.invitationInfo", { tenantSlug: kommune.slug, token });
    expect(info).toMatchObject({ email, role: "admin" });

    // The Kommune: its open invitations say the Land invited, and its audit log names it.
    const leadership = new ApiSession(
      t,
      await sessionCookie(t.client.db, kommune.id, kommune.users.leadership!.id),
    );
    const audit = await leadership.call("audit.list", { page: 1, pageSize: 20 });
    const kommuneAudit = JSON.stringify(audit);
    expect(kommuneAudit).toContain("invitation.create_by_state");
    // The state: its own audit log records the provisioning.
    const stateAudit = JSON.stringify(await stateAdmin.call("audit.list", { page: 1, pageSize: 20 }));
    expect(stateAudit).toContain("tenant.invite_admin");
  });

  it("lists the Land's invitation as such in the Kommune's user administration", async () => {
    const kommune = await createTenantWithoutAdmin(t.client.db, "liste");
    await stateAdmin.must("tenants.inviteAdmin", {
      tenantId: kommune.id,
      email: `erste-${kommune.slug}@kommune.test`,
      displayName: "Erste Administration",
    });
    // Whoever administers the Kommune next (here a new admin account) reads the list.
    const admin = await addUser(t.client.db, kommune, "admin");
    const session = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, admin.id));
    const invitations = await session.must<{ email: string; byState: boolean }[]>("users.invitations");
    expect(invitations).toEqual([
      expect.objectContaining({ email: `erste-${kommune.slug}@kommune.test`, byState: true }),
    ]);
  });
});
