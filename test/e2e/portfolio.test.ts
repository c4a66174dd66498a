// The portfolio in Debian's Chromium: import with a column mapping, list filtering and saved filters, the timeline
// and the dashboard (charts really drawn under the strict CSP, tables behind them), and a registration round from a
// project lead's proposal to an approved project. Each step runs the axe check of the platform walk.
import { readFile } from "node:fs/promises";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";
import { halleAsWindows1252Csv } from "../src/portfolio.ts";

let env: BrowserEnv;
let tenant: FixtureTenant;
const cspViolations: string[] = [];

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  // An Einheitsgemeinde, not a kreisfreie Stadt: every new Kommune of a kind is one more responsible Kommune in the
  // state's rollout figures, and a kreisfreie Stadt with nothing online would take the "flächendeckend" services
  // that only kreisfreie Städte and Landkreise provide away from e2e/rollout.test.ts when this file runs first.
  tenant = await createTenant(env.app.client.db, "portfolio-e2e");
});
afterAll(() => env?.close());

async function as(role: string): Promise<{ context: BrowserContext; page: Page }> {
  const session = await newPage(env);
  session.page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text());
  });
  await signIn(session.page, tenant.slug, tenant.users[role]!.email, TEST_PASSWORD);
  return session;
}

/** Text with the non-breaking spaces of German number formatting as plain spaces. */
const text = (value: string | null) => (value ?? "").replace(/\u00a0/g, " ");
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const projectRows = (page: Page) => page.getByRole("table", { name: "Projekte" }).locator("tbody tr");

/** Pixels of a chart's canvas that are drawn at all, and those in SPATZ red (today line, overdue milestones). */
async function chartPixels(page: Page, title: string) {
  return page.evaluate((name) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-chart="${name}"] canvas`);
    if (!canvas) return { drawn: 0, red: 0 };
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! > 0) drawn++;
      if (data[i]! > 140 && data[i + 1]! < 70 && data[i + 2]! < 70 && data[i + 3]! > 200) red++;
    }
    return { drawn, red };
  }, title);
}

describe("portfolio in the browser", () => {
  it("imports the Projektliste as German Excel CSV after fixing the column mapping", async () => {
    const { context, page } = await as("coordinator");
    await page.getByRole("link", { name: "Portfolio", exact: true }).click();
    await expect.poll(() => page.getByText("Keine Projekte für diese Auswahl.").count()).toBe(1);
    await page.getByRole("navigation", { name: "Portfolio" }).getByRole("link", { name: "Import" }).click();
    await expect.poll(() => heading(page)).toBe("Projektliste importieren");

    // The list as German Excel saves it, with a header SPATZ does not know for the project name.
    const csv = Buffer.from(halleAsWindows1252Csv())
      .toString("latin1")
      .replace("Projektname", "Vorhabenstitel");
    await page.getByLabel("Projektliste").setInputFiles({
      name: "Projektliste 2023.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "latin1"),
    });
    const errors = page.getByRole("alert").filter({ hasText: "Es wird nichts importiert" });
    await expect.poll(() => errors.textContent()).toContain("Pflichtfeld „Projektname“");
    expect(await page.getByText(/Windows-1252/).count()).toBeGreaterThan(0);
    expect(await page.getByRole("button", { name: /Projekte importieren/ }).isDisabled()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Projektname (Pflicht)").selectOption({ label: "Vorhabenstitel" });
    await page.getByRole("button", { name: "Zuordnung prüfen" }).click();
    await expect
      .poll(() => page.locator(".import-summary").textContent())
      .toContain("15 neue Projekte, 0 Aktualisierungen bestehender Projekte, 12 Hinweise");
    const hints = await page.locator(".alert-info .issue-list").textContent();
    expect(hints).toContain("Zeile 2, Spalte „Dauer“");
    expect(await page.getByRole("cell", { name: "WLAN in städtischen Gebäuden" }).count()).toBe(1);
    await page.getByRole("button", { name: "15 Projekte importieren" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Import abgeschlossen" }).count())
      .toBe(1);

    await page.getByRole("link", { name: "Zur Projektliste" }).click();
    await expect.poll(() => projectRows(page).count()).toBe(15);
    expect(await page.getByText("15 Projekte").count()).toBe(1);
    await context.close();
  });

  it("filters, sorts and saves filters in the list; the export link carries the filter", async () => {
    const { context, page } = await as("viewer");
    await page.goto("/portfolio");
    await expect.poll(() => projectRows(page).count()).toBe(15);
    await expectAccessible(page);

    await page.getByRole("searchbox", { name: "Suchen" }).fill("OVVISIO");
    await expect.poll(() => projectRows(page).count()).toBe(2);
    await page.getByRole("searchbox", { name: "Suchen" }).fill("");
    await page.getByLabel("Geschäftsbereich", { exact: true }).selectOption({ label: "OB – OB" });
    await expect.poll(() => projectRows(page).count()).toBe(9);
    await page.getByLabel("Ressort/Fachbereich").selectOption({ label: "OB / 37 – 37" });
    await expect.poll(() => projectRows(page).count()).toBe(4);
    expect(page.url()).toContain("gb=");

    // Sorting by end date, descending: Ablösung OVVISIO (01.04.2024) first.
    await page.getByRole("button", { name: "Ende" }).click();
    await page.getByRole("button", { name: "Ende" }).click();
    await expect.poll(() => projectRows(page).first().textContent()).toContain("Ablösung OVVISIO");
    expect(await page.getByRole("columnheader", { name: /Ende/ }).getAttribute("aria-sort")).toBe(
      "descending",
    );
    // The export is a form POST (audited, so CSRF-checked); the file holds exactly the filtered projects.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export Excel" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^portfolio-.+\.xlsx$/);
    const workbook = await JSZip.loadAsync(await readFile((await download.path())!));
    const sheet = await workbook.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet.match(/<row /g)?.length).toBe(1 + 4);

    await page.getByLabel("Aktuellen Filter speichern als").fill("Feuerwehr");
    await page.getByRole("button", { name: "Filter speichern" }).click();
    const chip = page
      .getByRole("list", { name: "Gespeicherte Filter" })
      .getByRole("button", { name: "Feuerwehr", exact: true });
    await chip.waitFor();
    await page.goto("/portfolio");
    await expect.poll(() => projectRows(page).count()).toBe(15);
    await page
      .getByRole("list", { name: "Gespeicherte Filter" })
      .getByRole("button", { name: "Feuerwehr", exact: true })
      .click();
    await expect.poll(() => projectRows(page).count()).toBe(4);

    // The year filter: projects running in 2020 (only "Ablösung eldis" started that early).
    await page.goto("/portfolio?year=2020");
    await expect.poll(() => projectRows(page).count()).toBe(1);
    expect(await projectRows(page).first().textContent()).toContain("3 Jahre, 5 Monate, 1 Tag");
    await context.close();
  });

  it("shows the timeline with milestones, today line and a keyboard-usable table, and the dashboard charts", async () => {
    const { context, page } = await as("coordinator");
    const thisYear = new Date().getFullYear();
    // The PMO's start page shows the portfolio at a glance.
    await expect
      .poll(() => page.getByRole("region", { name: "Projektportfolio" }).textContent())
      .toContain("15 Projekte");
    await expectAccessible(page);
    // A running project with an overdue milestone, through the form.
    await page.goto("/portfolio/projekte/neu");
    await page.getByLabel("Geschäftsbereich (GB)").selectOption({ label: "OB – OB" });
    await page.getByLabel("Ressort/Fachbereich (R)").selectOption({ label: "37 – 37" });
    await page.getByLabel("Projektname").fill("Digitale Einsatzplanung");
    await page.getByLabel("Start").fill(`${thisYear}-01-01`);
    await page.getByLabel("Ende", { exact: true }).fill(`${thisYear}-12-31`);
    await page.getByLabel("Status").selectOption({ label: "in Umsetzung" });
    await page.getByLabel("Budget (€)").fill("ca. 5000");
    await page.getByRole("button", { name: "Projekt anlegen" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("ca. 5000");
    await page.getByLabel("Budget (€)").fill("125.000,50");
    await page.getByRole("button", { name: "Projekt anlegen" }).click();
    await expect.poll(() => heading(page)).toBe("Digitale Einsatzplanung");
    expect(text(await page.locator(".facts").textContent())).toContain("125.001 €");
    await page.getByLabel("Neuer Meilenstein").fill("Konzept abgenommen");
    await page.getByLabel("Termin", { exact: true }).fill(`${thisYear}-01-15`);
    await page.getByRole("button", { name: "Hinzufügen" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "überfällig" }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Portfolio" }).getByRole("link", { name: "Zeitplan" }).click();
    await expect.poll(() => heading(page)).toBe("Zeitplan");
    await page.getByLabel("Jahr").selectOption(String(thisYear));
    await expect.poll(async () => (await chartPixels(page, "Zeitplan der Projekte")).red).toBeGreaterThan(50);
    const table = page.locator(".timeline-table");
    expect(await table.textContent()).toContain("Konzept abgenommen");
    expect(await table.textContent()).toContain("(überfällig)");
    await expectAccessible(page);

    // 2023: Halle's projects, grouped by GB, nothing overdue and no today line → drawn, but no red.
    await page.getByLabel("Jahr").selectOption("2023");
    await expect.poll(() => table.locator("tbody tr:not(.group-row)").count()).toBe(15);
    expect(await table.getByRole("columnheader", { name: "ALL – ALL" }).count()).toBe(1);
    expect(await table.getByRole("columnheader", { name: "OB – OB" }).count()).toBe(1);
    await expect
      .poll(async () => (await chartPixels(page, "Zeitplan der Projekte")).drawn)
      .toBeGreaterThan(1000);
    expect((await chartPixels(page, "Zeitplan der Projekte")).red).toBe(0);
    await page.getByLabel("Darstellung").selectOption({ label: "Quartale (drei Jahre)" });
    await expect.poll(() => page.getByText(/von 01\.01\.2023 bis 31\.12\.2025/).count()).toBe(1);

    // Keyboard: the table's project links are reachable and open the project.
    const link = table.getByRole("link", { name: "Ablösung eldis" });
    await link.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => heading(page)).toBe("Ablösung eldis");

    await page.goto("/portfolio/uebersicht");
    await expect.poll(() => page.locator(".kpi").first().textContent()).toContain("16");
    for (const title of [
      "Projekte nach Status",
      "Projekte nach Geschäftsbereich",
      "Projektstarts und -enden je Quartal",
      "Anwendung der PM-Standards",
    ]) {
      // A chart draws once it comes near the window, as a reader scrolls to it.
      await page.locator(`[data-chart="${title}"]`).scrollIntoViewIfNeeded();
      await expect.poll(async () => (await chartPixels(page, title)).drawn).toBeGreaterThan(500);
    }
    await page.getByText("Daten als Tabelle: Projekte nach Geschäftsbereich").click();
    expect(await page.getByRole("rowheader", { name: "OB – OB" }).count()).toBe(1);
    expect(await page.locator(".kpi-alert").textContent()).toContain("1");
    await expectAccessible(page);
    expect(cspViolations).toEqual([]);
    // The detector itself works: an inline style attribute is refused by the CSP and reported.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", '<span style="color: red">x</span>'),
    );
    await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
    cspViolations.length = 0;
    await context.close();
  });

  it("runs a registration round from a project lead's proposal to an approved project", async () => {
    const pmo = await as("coordinator");
    await pmo.page.goto("/portfolio/anmeldung");
    await pmo.page.getByLabel("Jahr").fill("2031");
    await pmo.page.getByRole("button", { name: "Runde eröffnen" }).click();
    await expect.poll(() => heading(pmo.page)).toBe("Anmeldung für 2031");
    await expect.poll(() => pmo.page.getByText("Noch keine Anmeldungen.").count()).toBe(1);

    const lead = await as("project_lead");
    await expect
      .poll(() => lead.page.getByRole("link", { name: "Vorhaben für 2031 anmelden" }).count())
      .toBe(1);
    await lead.page.getByRole("link", { name: "Vorhaben für 2031 anmelden" }).click();
    await lead.page.getByLabel("Geschäftsbereich (GB)").selectOption({ label: "OB – OB" });
    await lead.page.getByLabel("Ressort/Fachbereich (R)").selectOption({ label: "37 – 37" });
    await lead.page.getByLabel("Name des Vorhabens").fill("Drohnen für die Lageerkundung");
    await lead.page.getByLabel("Begründung").fill("Schnellere Lagebilder bei Großschadenslagen");
    await lead.page.getByLabel("Budget (€)").fill("80.000");
    await lead.page.getByRole("button", { name: "Anmelden", exact: true }).click();
    await expect.poll(() => lead.page.getByText("Die Anmeldung ist eingegangen.").count()).toBe(1);
    await expect
      .poll(() => lead.page.getByRole("table", { name: "Anmeldungen nach Rang" }).textContent())
      .toContain("Drohnen für die Lageerkundung");
    // A project lead neither scores nor decides.
    expect(await lead.page.getByRole("button", { name: /bewerten$/ }).count()).toBe(0);
    await expectAccessible(lead.page);

    // Until the PMO scores it, the lead corrects the proposal in place: a bad amount is named at its field.
    await lead.page.getByRole("button", { name: "Anmeldung Drohnen für die Lageerkundung ändern" }).click();
    const edit = lead.page.getByRole("form", { name: "Anmeldung ändern: Drohnen für die Lageerkundung" });
    await expect.poll(() => edit.getByLabel("Budget (€)").inputValue()).toBe("80.000,00");
    await edit.getByLabel("Budget (€)").fill("etwa 90 T€");
    await edit.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect.poll(() => edit.getByText("Bitte prüfen Sie die markierten Felder.").count()).toBe(1);
    await expect.poll(() => edit.getByLabel("Budget (€)").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(lead.page);
    await edit.getByLabel("Budget (€)").fill("90.000");
    await edit.getByLabel("Geplantes Ende").fill("2031-11-30");
    await edit.getByRole("button", { name: "Änderungen speichern" }).click();
    await expect.poll(() => edit.count()).toBe(0);
    const proposalRow = lead.page.getByRole("row", { name: /Drohnen für die Lageerkundung/ });
    await expect.poll(() => proposalRow.textContent()).toContain("90.000");
    expect(await proposalRow.textContent()).toContain("30.11.2031");

    await pmo.page.reload();
    await pmo.page.getByRole("button", { name: "Drohnen für die Lageerkundung bewerten" }).click();
    const form = pmo.page.getByRole("form", { name: "Bewertung: Drohnen für die Lageerkundung" });
    await form.getByLabel("Strategische Bedeutung").selectOption("5");
    await form.getByLabel("Dringlichkeit").selectOption("4");
    await form.getByLabel("Abhängigkeiten").selectOption("2");
    await form.getByLabel("Kosten").selectOption("3");
    await form.getByRole("button", { name: "Bewertung speichern" }).click();
    // (5·40 + 4·30 + 2·15 + 3·15) / 100 = 3,95
    await expect
      .poll(() => pmo.page.getByRole("row", { name: /Drohnen für die Lageerkundung/ }).textContent())
      .toContain("3,95");
    await expectAccessible(pmo.page);
    await pmo.page.getByRole("button", { name: "Drohnen für die Lageerkundung genehmigen" }).click();
    const row = pmo.page.getByRole("row", { name: /Drohnen für die Lageerkundung/ });
    await expect.poll(() => row.textContent()).toContain("genehmigt");
    // Scored and decided: nothing left to correct or withdraw.
    await lead.page.reload();
    await expect
      .poll(() => lead.page.getByRole("row", { name: /Drohnen für die Lageerkundung/ }).textContent())
      .toContain("genehmigt");
    expect(await lead.page.getByRole("button", { name: /ändern$|zurückziehen$/ }).count()).toBe(0);
    await row.getByRole("link", { name: "zum Projekt" }).click();
    await expect.poll(() => heading(pmo.page)).toBe("Drohnen für die Lageerkundung");
    const facts = text(await pmo.page.locator(".facts").textContent());
    expect(facts).toContain("genehmigt");
    expect(facts).toContain("01.01.2031 bis 30.11.2031");
    expect(facts).toContain("90.000 €");
    // The project's history starts with its creation, fields in German.
    const projectHistory = pmo.page.getByRole("region", { name: "Verlauf" });
    await expect.poll(() => projectHistory.innerText()).toContain("Status: genehmigt");
    expect(await projectHistory.innerText()).toContain("Budget: 90.000");

    // The project lead who registered it now leads it: it is on their start page and they may edit it.
    await lead.page.goto("/start");
    const mine = lead.page.getByRole("region", { name: "Meine Projekte" });
    await expect.poll(() => mine.textContent()).toContain("Drohnen für die Lageerkundung");
    await expectAccessible(lead.page);
    await mine.getByRole("link", { name: "Drohnen für die Lageerkundung" }).click();
    await expect.poll(() => lead.page.getByRole("button", { name: "Bearbeiten" }).count()).toBe(1);
    await pmo.context.close();
    await lead.context.close();
  });

  it("pages a registration round with more proposals than fit on one page", async () => {
    const city = await createTenant(env.app.client.db, "anmeldung-e2e");
    const coordinator = city.users.coordinator!;
    const cookie = await sessionCookie(env.app.client.db, city.id, coordinator.id);
    const api = new ApiSession(env.app, cookie, env.baseUrl);
    const gb = await api.must<{ id: string }>("orgUnits.create", { kind: "gb", code: "II", name: "Bildung" });
    const r = await api.must<{ id: string }>("orgUnits.create", {
      kind: "r",
      code: "40",
      name: "Schulen",
      parentId: gb.id,
    });
    const round = await api.must<{ id: string }>("registration.openRound", {
      year: 2032,
      title: "Anmeldung 2032",
    });
    for (let i = 1; i <= 27; i++)
      await api.must("registration.submitProposal", {
        roundId: round.id,
        gbId: gb.id,
        rId: r.id,
        name: `Schul-WLAN Standort ${String(i).padStart(2, "0")}`,
        start: "2032-01-01",
        end: "2032-12-31",
      });

    const { context, page } = await newPage(env);
    await signIn(page, city.slug, coordinator.email, TEST_PASSWORD);
    await page.goto(`/portfolio/anmeldung/${round.id}`);
    const rows = page.getByRole("table", { name: "Anmeldungen nach Rang" }).locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(25);
    const pager = page.getByRole("navigation", { name: "Seiten der Anmeldungen" });
    expect(text(await pager.textContent())).toContain("Seite 1 von 2 (27 Einträge)");
    await pager.getByRole("button", { name: "Weiter" }).click();
    await expect.poll(() => rows.count()).toBe(2);
    await expectAccessible(page);
    await context.close();
  });
});
