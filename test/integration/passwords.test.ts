// New passwords are checked where they are set (invitation, password change): not guessable, not the person's own
// name or address; a German message at the field, and nothing changes.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";
import { createTestApp, type TestApp } from "../src/server.ts";

let t: TestApp;
let kommune: FixtureTenant;

beforeAll(async () => {
  t = createTestApp({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(t.client.db, "passwords");
});
afterAll(() => t.close());

function fieldMessage(result: Awaited<ReturnType<ApiSession["call"]>>, field: string): string | undefined {
  if (result.ok) return undefined;
  const parsed = JSON.parse(result.raw) as {
    error: { json: { data: { zodError?: { fieldErrors: Record<string, string[]> } } } };
  };
  return parsed.error.json.data.zodError?.fieldErrors[field]?.[0];
}

describe("new passwords", () => {
  it.each(["aaaaaaaaaaaa", "123456789012", "Passwort2026!"])(
    "an invitation cannot be accepted with %s, and stays open",
    async (password) => {
      const admin = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, kommune.users.admin!.id));
      const email = `pw-${Math.random().toString(36).slice(2, 8)}@passwords.test`;
      const invited = await admin.must<{ link: string }>("users.invite", {
        email,
        displayName: "Paula Krause",
        role: "viewer",
      });
      const token = invited.link.split("#")[1]!;
      const result = await new ApiSession(t).call("auth.acceptInvitation", {
        tenantSlug: kommune.slug,
        token,
        password,
        confirmPassword: password,
      });
      expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
      expect(fieldMessage(result, "password")).toMatch(/zu leicht zu erraten/);
      expect(
        await new ApiSession(t).must("auth.invitationInfo", { tenantSlug: kommune.slug, token }),
      ).toMatchObject({
        email,
      });
    },
  );

  it("a password change refuses the person's own e-mail address and keeps the old password", async () => {
    const user = kommune.users.coordinator!;
    const session = new ApiSession(t, await sessionCookie(t.client.db, kommune.id, user.id));
    const result = await session.call("account.changePassword", {
      currentPassword: TEST_PASSWORD,
      newPassword: `${user.email}-2027`,
      confirmPassword: `${user.email}-2027`,
    });
    expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST" });
    expect(fieldMessage(result, "newPassword")).toMatch(/Namen oder Ihre E-Mail-Adresse/);
    const login = await new ApiSession(t).call("auth.login", {
      tenantSlug: kommune.slug,
      email: user.email,
      password: TEST_PASSWORD,
    });
    expect(login.ok).toBe(true);
  });
});
