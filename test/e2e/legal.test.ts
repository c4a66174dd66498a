// The legal pages a public body must link from every page: from the sign-in page (not signed in) and from a signed-in
// page, the footer leads to Impressum, Datenschutz and Erklärung zur Barrierefreiheit (with its feedback contact);
// keyboard-reachable and without axe findings.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "rechtliches");
}, 60_000);
afterAll(() => env?.close());

describe("legal pages", () => {
  it("are linked from every page's footer, signed in or not, and readable without an account", async () => {
    const { page } = await newPage(env);
    await page.goto(`/t/${kommune.slug}/anmelden`);
    const legal = page.getByRole("navigation", { name: "Rechtliches" });
    expect(await legal.getByRole("link").allTextContents()).toEqual([
      "Impressum",
      "Datenschutz",
      "Barrierefreiheit",
    ]);
    await legal.getByRole("link", { name: "Barrierefreiheit" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Erklärung zur Barrierefreiheit");
    expect(await page.getByRole("heading", { level: 2, name: "Feedback und Kontakt" }).count()).toBe(1);
    expect(await page.title()).toBe("Erklärung zur Barrierefreiheit – SPATZ");
    await expectAccessible(page);

    // By keyboard from a signed-in page.
    await signIn(page, kommune.slug, kommune.users.viewer!.email, TEST_PASSWORD);
    // The app moves focus to the new page's heading after sign-in; take it from there.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("page-title");
    await page
      .getByRole("navigation", { name: "Rechtliches" })
      .getByRole("link", { name: "Impressum" })
      .press("Enter");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Impressum");
    await page.goto("/datenschutz");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Datenschutzerklärung");
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);
});
