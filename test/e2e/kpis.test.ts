// Measurable goals in the browser (issue 17): the CDO gives a strategy goal a key figure (German numbers), records a
// measured value, sees the progress in words and the course as chart and table, and records a risk of the strategy;
// the maturity dashboard shows the figure's progress beside the Soll.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;
const year = new Date().getFullYear();

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "kennzahlen-browser");
  const cdo = new ApiSession(
    env.app,
    await sessionCookie(env.app.client.db, kommune.id, kommune.users.coordinator!.id),
    env.baseUrl,
  );
  await cdo.must("strategies.save", {
    orgUnitId: null,
    title: "Digitalstrategie 2030",
    goals: ["Papierarm arbeiten", "Onlinedienste ausbauen"],
  });
}, 60_000);
afterAll(() => env?.close());

describe("key figures of strategy goals", () => {
  it("the CDO defines a figure, records a value and sees its progress on the strategy and the dashboard", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page.goto("/strategie");
    const section = page.getByRole("region", { name: "Kennzahlen der Ziele" });
    await expect.poll(() => section.getByText("Noch keine Kennzahl festgelegt.").count()).toBe(1);
    const form = section.getByRole("form", { name: "Kennzahl festlegen" });
    await form.getByLabel("Ziel", { exact: true }).selectOption("Onlinedienste ausbauen");
    await form.getByLabel("Kennzahl", { exact: true }).fill("Online-Anträge je Monat");
    await form.getByLabel("Einheit").fill("Anträge");
    await form.getByLabel("Ausgangswert", { exact: true }).fill("1.200");
    await form.getByLabel("Stand des Ausgangswerts").fill(`${year}-01-01`);
    await form.getByLabel("Zielwert", { exact: true }).fill("2.400");
    await form.getByLabel("Zieltermin").fill(`${year + 2}-01-01`);
    await form.getByRole("button", { name: "Kennzahl festlegen" }).press("Enter");
    const kpi = section.getByRole("article", { name: "Online-Anträge je Monat" });
    await expect.poll(() => kpi.count()).toBe(1);
    expect(await kpi.innerText()).toContain("von 1.200 Anträge");
    expect(await kpi.innerText()).toContain("noch kein Wert erfasst");

    await kpi.getByRole("button", { name: "Wert erfassen" }).click();
    const value = kpi.getByRole("form", { name: "Wert für Online-Anträge je Monat erfassen" });
    await value.getByLabel("Wert (Anträge)").fill("2.100");
    await value.getByRole("button", { name: "Wert speichern" }).press("Enter");
    await expect.poll(() => kpi.innerText()).toContain("75 % des Wegs");
    expect(await kpi.innerText()).toContain("im Plan");
    await expect.poll(() => kpi.locator("[data-chart-ready='true']").count()).toBe(1);
    // The numbers behind the chart (a table in the figure's closed details).
    expect(await kpi.locator("table").textContent()).toContain("2.100 Anträge");
    await expectAccessible(page);

    // The strategy's own risk register: a critical risk, recorded by keyboard, in the matrix and the list.
    const risks = page.getByRole("region", { name: "Risiken" });
    const riskForm = risks.getByRole("form", { name: "Risiko erfassen" });
    await riskForm.getByLabel("Risiko", { exact: true }).fill("Zu wenig Personal für die Umsetzung");
    await riskForm.getByLabel("Eintrittswahrscheinlichkeit").selectOption("4");
    await riskForm.getByLabel("Auswirkung").selectOption("4");
    await riskForm.getByRole("button", { name: "Risiko erfassen" }).press("Enter");
    await expect
      .poll(() =>
        risks.getByRole("cell", { name: "Zu wenig Personal für die Umsetzung", exact: true }).count(),
      )
      .toBe(1);
    expect(await risks.innerText()).toContain("kritisch");

    await page.goto("/reifegrad");
    const figures = page.getByRole("region", { name: "Ziele und Kennzahlen" });
    await expect.poll(() => figures.innerText()).toContain("Online-Anträge je Monat");
    expect(await figures.innerText()).toContain("im Plan");
  });
});
