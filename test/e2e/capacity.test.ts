// Capacity in the browser (issue 17): the PMO opens Portfolio → Kapazität, records the PT a GB has in a year (a German
// number with a thousands dot) and sees the GB over-committed by the projects planned for that year – in words, in
// the table and in the registration round of that year. Keyboard and axe as everywhere.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";
import { orgUnitsFixture } from "../src/portfolio.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;
const YEAR = new Date().getFullYear() + 1;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "kapazitaet");
  const { gbId, rId } = await orgUnitsFixture(env.app.client.db, kommune.id);
  const pmo = new ApiSession(
    env.app,
    await sessionCookie(env.app.client.db, kommune.id, kommune.users.coordinator!.id),
    env.baseUrl,
  );
  await pmo.must("portfolio.create", {
    gbId,
    rId,
    name: "E-Akte",
    start: `${YEAR}-01-01`,
    end: `${YEAR}-12-31`,
    status: "approved",
    effortDays: "1.500",
  });
  const round = await pmo.must<{ id: string }>("registration.openRound", {
    year: YEAR,
    title: `Anmeldung ${YEAR}`,
  });
  await pmo.must("registration.submitProposal", {
    roundId: round.id,
    gbId,
    rId,
    name: "Online-Terminvergabe",
    start: `${YEAR}-01-01`,
    end: `${YEAR}-12-31`,
    effortDays: "200",
  });
}, 60_000);
afterAll(() => env?.close());

describe("capacity", () => {
  it("the PMO records a GB's PT and sees it over-committed, also in the round", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page.goto("/portfolio");
    await page
      .getByRole("navigation", { name: "Portfolio" })
      .getByRole("link", { name: "Kapazität" })
      .click();
    await page.getByRole("form", { name: "Jahr wählen" }).getByLabel("Jahr").selectOption(String(YEAR));
    await page.waitForURL(`**/portfolio/kapazitaet?jahr=${YEAR}`);
    const table = page.getByRole("table", { name: `Kapazität je Geschäftsbereich ${YEAR} in Personentagen` });
    await expect.poll(() => table.count()).toBe(1);
    // Nothing recorded yet: the planned PT alone over-commit the GB.
    expect(await table.getByRole("row").nth(1).innerText()).toContain("überplant um 1.700 PT");
    await expectAccessible(page);

    const form = page.getByRole("form", { name: `Kapazität für ${YEAR} erfassen` });
    await form.getByLabel("Quelle").fill("Team Digitalisierung");
    await form.getByLabel("Geschäftsbereich").selectOption({ index: 1 });
    await form.getByLabel("Personentage im Jahr").fill("1.200");
    await form.getByRole("button", { name: "Kapazität erfassen" }).press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Die Kapazität ist erfasst.");
    await expect.poll(() => table.getByRole("row").nth(1).innerText()).toContain("überplant um 500 PT");
    const row = await table.getByRole("row").nth(1).innerText();
    expect(row).toContain("1.200 PT");
    expect(row).toContain("1.500 PT");
    expect(await page.getByRole("status").filter({ hasText: "Überplant" }).innerText()).toContain(
      `Überplant ${YEAR}: TEST (überplant um 500 PT)`,
    );
    const sources = page.getByRole("region", { name: `Erfasste Kapazität ${YEAR}` });
    expect(await sources.innerText()).toContain("Team Digitalisierung");

    // The round of that year shows what its proposals would take.
    await page.goto("/portfolio/anmeldung");
    await page.getByRole("link", { name: `Anmeldung ${YEAR}` }).click();
    const roundCapacity = page.getByRole("region", { name: `Kapazität ${YEAR}` });
    await expect.poll(() => roundCapacity.getByRole("row").count()).toBeGreaterThan(2);
    const roundRow = await roundCapacity.getByRole("row").nth(1).innerText();
    expect(roundRow).toContain("200 PT");
    expect(roundRow).toContain("überplant um 500 PT");
    await expectAccessible(page);
  });
});
