// Help per module: every page of a module links from its header to the module's help, which explains its German
// terms (Stufe vs Wert, Nachnutzungsweg, LeiKa-Typ, Paare Kommune × Leistung); readable without signing in.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "hilfe");
}, 60_000);
afterAll(() => env?.close());

describe("help", () => {
  it("is linked from a module's pages and explains its terms", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page.goto("/massnahmen");
    const link = page.getByRole("link", { name: "Hilfe: Reifegrad und Maßnahmen" });
    await expect.poll(() => link.count()).toBe(1);
    await link.press("Enter");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Hilfe: Reifegrad und Maßnahmen");
    const terms = await page.locator("dl.glossary dt").allTextContents();
    expect(terms).toEqual(expect.arrayContaining(["Stufe", "Wert", "Index"]));
    await expectAccessible(page);

    await page.goto("/rollout");
    await page.getByRole("link", { name: "Hilfe: Onlinedienste (OZG/EfA)" }).press("Enter");
    await expect
      .poll(() => page.locator("dl.glossary dt").allTextContents())
      .toEqual(expect.arrayContaining(["Nachnutzungsweg", "LeiKa-Typ", "Paare Kommune × Leistung"]));
    await page.context().close();
  }, 60_000);

  it("is readable without an account, and an unknown topic says so", async () => {
    const { page } = await newPage(env);
    await page.goto("/hilfe");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Hilfe");
    expect(await page.getByRole("link", { name: "Projektportfolio und Projektsteuerung" }).count()).toBe(1);
    await page.goto("/hilfe/unbekannt");
    await expect
      .poll(() => page.locator("main").innerText())
      .toContain("Zu diesem Thema gibt es keine Hilfeseite.");
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);
});
