// The Land's profile of a Kommune: from the list of Kommunen by keyboard to its page with the registry entry, the
// rollout figures and the way into its entries; its Reifegrad only when it shares it with the Land by name.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import {
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;
let state: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "steckbrief");
  state = await stateTenant(env.app.client.db);
}, 60_000);
afterAll(() => env?.close());

describe("a Kommune's profile for the Land", () => {
  it("is reached from the list of Kommunen and says when the Reifegrad is not shared", async () => {
    const leadership = new ApiSession(
      env.app,
      await sessionCookie(env.app.client.db, kommune.id, kommune.users.leadership!.id),
      env.baseUrl,
    );
    await leadership.must("benchmark.setSharing", { withLand: false, withKommunen: false });

    const { page } = await newPage(env);
    await signIn(page, state.slug, state.users.state_pmo!.email, TEST_PASSWORD);
    await page.goto("/land/kommunen");
    await page.getByLabel("Suchen").fill(kommune.slug);
    const link = page.getByRole("link", { name: kommune.name });
    await expect.poll(() => link.count()).toBe(1);
    await link.press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(kommune.name);
    const registry = page.getByRole("region", { name: "Stammdaten" });
    expect(await registry.innerText()).toContain("Einheitsgemeinde");
    const rollout = page.getByRole("region", { name: "Onlinedienste (OZG/EfA)" });
    expect(await rollout.innerText()).toContain("online / zuständig");
    expect(
      await rollout.getByRole("link", { name: "Einträge dieser Kommune ansehen" }).getAttribute("href"),
    ).toContain(`kommuneId=${kommune.id}`);
    expect(await page.getByRole("region", { name: "Reifegrad" }).innerText()).toContain("Nicht geteilt");
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);
});
