// Project steering in the browser (issue 17): a project lead files a status report with a red Ampel and a critical
// risk on the project they lead, keyboard only; the report's lights and the risk's place in the matrix show on the
// project's page, and the risk appears on the leadership's start page — of this Kommune only.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, TEST_PASSWORD } from "../src/fixtures.ts";
import { projectFixture } from "../src/portfolio.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;
let other: FixtureTenant;
let projectId: string;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "steuerung");
  other = await createTenant(env.app.client.db, "steuerung-fremd");
  ({ projectId } = await projectFixture(env.app.client.db, kommune.id, {
    leadUserId: kommune.users.project_lead!.id,
    name: "Digitale Akte Gesundheitsamt",
  }));
}, 60_000);
afterAll(() => env?.close());

describe("project steering", () => {
  it("a lead's red status report and critical risk reach the project page and the leadership's start page", async () => {
    const lead = await newPage(env);
    await signIn(lead.page, kommune.slug, kommune.users.project_lead!.email, TEST_PASSWORD);
    await lead.page.goto(`/portfolio/projekte/${projectId}`);
    const reports = lead.page.getByRole("region", { name: "Statusberichte" });
    await expect.poll(() => reports.innerText()).toContain("Noch kein Statusbericht");
    // The project started on 1 January 2024 and never reported: its report is missing.
    expect(await reports.innerText()).toContain("Statusbericht fehlt");

    // A summary too short is refused with focus on it.
    const form = lead.page.getByRole("form", { name: "Statusbericht abgeben" });
    await form.getByLabel("Termine").selectOption("red");
    await form.getByLabel("Stand in Kürze").fill("x");
    await form.getByRole("button", { name: "Statusbericht abgeben" }).press("Enter");
    await expect
      .poll(() => lead.page.evaluate(() => document.activeElement?.getAttribute("aria-invalid")))
      .toBe("true");
    await form
      .getByLabel("Stand in Kürze")
      .fill("Schnittstelle zum Fachverfahren verzögert sich um sechs Wochen.");
    await form.getByLabel("Entscheidungsbedarf").fill("Zusätzliche Mittel für den Dienstleister freigeben");
    await form.getByRole("button", { name: "Statusbericht abgeben" }).press("Enter");
    await expect.poll(() => reports.getByRole("row").count()).toBe(2);
    const latest = await reports.getByRole("row").nth(1).innerText();
    expect(latest).toContain("rot");
    expect(latest).toContain("Zusätzliche Mittel");
    expect(await reports.innerText()).toContain("Nächster Statusbericht fällig am");

    const risks = lead.page.getByRole("region", { name: "Risiken" });
    const riskForm = lead.page.getByRole("form", { name: "Risiko erfassen" });
    await riskForm.getByLabel("Risiko", { exact: true }).fill("Datenschutzfreigabe fehlt");
    await riskForm.getByLabel("Eintrittswahrscheinlichkeit").selectOption("4");
    await riskForm.getByLabel("Auswirkung").selectOption("5");
    await riskForm.getByRole("button", { name: "Risiko erfassen" }).press("Enter");
    await expect
      .poll(() => risks.getByRole("cell", { name: "Datenschutzfreigabe fehlt", exact: true }).count())
      .toBe(1);
    expect(await risks.innerText()).toContain("kritisch");
    // The matrix counts it at probability "hoch" × impact "sehr hoch".
    const matrixRow = risks
      .getByRole("table", { name: /Offene Risiken/ })
      .getByRole("row", { name: /^hoch/ });
    expect(await matrixRow.getByRole("cell").nth(4).innerText()).toBe("1");
    await expectAccessible(lead.page);

    // The portfolio list shows the latest report's overall light beside the project.
    await lead.page.goto("/portfolio");
    const row = lead.page.getByRole("row", { name: /Digitale Akte Gesundheitsamt/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.innerText()).toContain("rot");
    await lead.context.close();

    const leadership = await newPage(env);
    await signIn(leadership.page, kommune.slug, kommune.users.leadership!.email, TEST_PASSWORD);
    const tile = leadership.page.getByRole("region", { name: "Kritische Risiken" });
    await expect.poll(() => tile.innerText()).toContain("Datenschutzfreigabe fehlt");
    expect(await tile.innerText()).toContain("Digitale Akte Gesundheitsamt");
    await expectAccessible(leadership.page);
    await leadership.context.close();

    const elsewhere = await newPage(env);
    await signIn(elsewhere.page, other.slug, other.users.leadership!.email, TEST_PASSWORD);
    const otherTile = elsewhere.page.getByRole("region", { name: "Kritische Risiken" });
    await expect.poll(() => otherTile.innerText()).toContain("Keine kritischen offenen Risiken");
    await elsewhere.context.close();
  }, 90_000);

  it("the PMO sets a project's rhythm; the list flags a project whose report is missing", async () => {
    const silent = await projectFixture(env.app.client.db, kommune.id, { name: "Schweigendes Projekt" });
    const pmo = await newPage(env);
    await signIn(pmo.page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await pmo.page.goto("/portfolio");
    const row = pmo.page.getByRole("row", { name: /Schweigendes Projekt/ });
    await expect.poll(() => row.count()).toBe(1);
    // In Umsetzung since 1 January 2024 and never reported.
    expect(await row.innerText()).toContain("Statusbericht fehlt");

    await pmo.page.goto(`/portfolio/projekte/${silent.projectId}`);
    const reports = pmo.page.getByRole("region", { name: "Statusberichte" });
    await expect.poll(() => reports.innerText()).toContain("(alle 4 Wochen)");
    await reports.getByRole("combobox", { name: "Rhythmus" }).selectOption({ label: "jede Woche" });
    await expect.poll(() => reports.innerText()).toContain("(jede Woche)");
    const history = pmo.page.getByRole("region", { name: "Verlauf" });
    await expect.poll(() => history.innerText()).toContain("Rhythmus der Statusberichte geändert");
    await expectAccessible(pmo.page);
    await pmo.context.close();

    // A project lead may report, but not set the rhythm.
    const lead = await newPage(env);
    await signIn(lead.page, kommune.slug, kommune.users.project_lead!.email, TEST_PASSWORD);
    await lead.page.goto(`/portfolio/projekte/${projectId}`);
    await expect
      .poll(() => lead.page.getByRole("region", { name: "Statusberichte" }).innerText())
      .toContain("fällig");
    expect(await lead.page.getByRole("combobox", { name: "Rhythmus" }).count()).toBe(0);
    await lead.context.close();
  }, 90_000);
});
