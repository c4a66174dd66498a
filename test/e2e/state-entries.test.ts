// The Landes-PMO asks "how far is service X in Kommune Y?" without editing the URL: Kreis, Kommune (type-ahead),
// service (type-ahead), Themenfeld, status, Nachnutzungsweg and overdue are controls, kept in the URL, and clear in
// one go. On the demo data of Sachsen-Anhalt.
import { queries, STATE_TENANT_ID, withTenant } from "@spatz/db";
import { DEMO_PASSWORD } from "@spatz/db/seed";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
}, 60_000);
afterAll(() => env?.close());

describe("the Land's entries", () => {
  it("are filtered by Kreis, Kommune and Nachnutzungsweg with real controls, kept in the URL", async () => {
    const { page } = await newPage(env);
    await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await page.goto("/land/rollout/eintraege");
    const filters = page.getByRole("form", { name: "Einträge filtern" });
    const kommune = filters.getByRole("combobox", { name: /Kommune/ });
    const list = page.locator(`datalist#${await kommune.getAttribute("list")} option`);
    await expect.poll(() => list.count()).toBeGreaterThan(100);
    const halle = await list.evaluateAll((os) =>
      os.map((o) => (o as HTMLOptionElement).value).find((v) => v.includes("Halle (Saale)")),
    );
    expect(halle).toBeTruthy();

    // A name that is not in the list is refused in words, and filters nothing.
    await kommune.fill("Nirgendwo an der Saale");
    await kommune.press("Tab");
    await expect
      .poll(() => filters.innerText())
      .toContain("Bitte einen Eintrag aus der Vorschlagsliste wählen.");
    expect(page.url()).not.toContain("kommuneId=");

    await kommune.fill(halle!);
    await page.waitForURL(/kommuneId=/);
    const rows = page.getByRole("table").last().getByRole("row");
    const kommunen = () => rows.evaluateAll((trs) => trs.slice(1).map((tr) => tr.textContent ?? ""));
    // Every entry shown is Halle's once the filtered page has arrived.
    await expect
      .poll(async () => {
        const texts = await kommunen();
        return texts.length > 0 && texts.every((text) => text.includes("Halle (Saale)"));
      })
      .toBe(true);

    await filters.getByLabel("Nachnutzungsweg").selectOption({ index: 1 });
    await page.waitForURL(/reuseRoute=/);
    expect(await page.getByRole("list", { name: "Aktive Filter" }).innerText()).toContain("Nachnutzungsweg:");
    await expectAccessible(page);

    // Opened from a link (a shared URL), the controls show the filter.
    await page.reload();
    await expect.poll(() => kommune.inputValue()).toBe(halle);

    await filters.getByRole("button", { name: "Alle Filter entfernen" }).press("Enter");
    await page.waitForURL((url) => !url.search.includes("kommuneId"));
    expect(await kommune.inputValue()).toBe("");

    const kreis = filters.getByRole("combobox", { name: "Kreis", exact: true });
    await kreis.selectOption({ index: 1 });
    await page.waitForURL(/kreisAgs=/);
    expect(await page.getByRole("list", { name: "Aktive Filter" }).innerText()).toContain("Kreis:");
    await page.context().close();
  }, 60_000);

  it("answer 'how far is service X in Kreis Y' from the matrix of a Themenfeld, each cell leading to its entries", async () => {
    const { page } = await newPage(env);
    await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await page.goto("/land/rollout/leistungen");
    const matrix = page.getByRole("region", { name: "Abdeckung je Kreis und Leistung" });
    const table = matrix.getByRole("table");
    await expect.poll(() => table.getByRole("row").count()).toBeGreaterThan(1);
    // One column per Kreis (in Sachsen-Anhalt 11 Landkreise and 3 kreisfreie Städte).
    const { kreise } = await withTenant(env.app.client.db, STATE_TENANT_ID, (tx) =>
      queries.drilldownOptions(tx),
    );
    expect(kreise.length).toBeGreaterThanOrEqual(14);
    expect(await table.getByRole("columnheader").count()).toBe(1 + kreise.length);
    const themenfelder = matrix.getByRole("combobox", { name: "Themenfeld", exact: true });
    await themenfelder.selectOption({ index: 2 });
    await expect.poll(() => table.getByRole("link").count()).toBeGreaterThan(0);
    const cell = table.getByRole("link").first();
    // The accessible name starts with the visible share and says what it counts.
    const label = ((await cell.textContent()) ?? "").replace(/\s+/g, " ").trim();
    expect(label).toMatch(/^\d+ % – .+ in .+: [\d.]+ von [\d.]+ online$/);
    await cell.press("Enter");
    await page.waitForURL(/eintraege\?serviceId=.+&kreisAgs=/);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Einträge der Kommunen");
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);
});
