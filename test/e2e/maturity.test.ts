// Browser walk through the maturity module (Chromium): a coordinator completes a measure and the dimension's level
// and the radar change at once, the history shows the step on the completion date, leadership sees the same, a
// viewer cannot edit; the board (drag and drop and keyboard), list with bulk change, detail, a project that delivers a
// measure and completes it, strategy, org units and the state's model editor, each with the axe check, and no
// Content-Security-Policy violation from the charts.
import { berlinToday, formatDate } from "@spatz/domain";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { pdfBytes } from "../src/evidence.ts";
import {
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";
import { projectFixture } from "../src/portfolio.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;
let state: FixtureTenant;
const ids = { done: "", open: "", collab: "", strategy: "", quality: "" };
const today = berlinToday();
const inMonths = (n: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

async function api(role: string, tenant = kommune) {
  // The browser environment's API accepts state-changing calls only from its own origin.
  return new ApiSession(
    env.app,
    await sessionCookie(env.app.client.db, tenant.id, tenant.users[role]!.id),
    env.baseUrl,
  );
}

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  [kommune, state] = await Promise.all([
    createTenant(env.app.client.db, "reife"),
    stateTenant(env.app.client.db),
  ]);
  const cdo = await api("coordinator");
  const done = await cdo.must<{ id: string }>("measures.create", {
    title: "Digitalisierungsbeauftragte benannt",
    criterionKeys: ["strategie.1.verantwortung"],
  });
  await cdo.must("measures.setStatus", {
    id: done.id,
    status: "completed",
    completedOn: "2025-03-10",
    evidenceText: "Verfügung des Bürgermeisters",
  });
  const open = await cdo.must<{ id: string }>("measures.create", {
    title: "Bestandsaufnahme Digitalisierung",
    criterionKeys: ["strategie.1.bestandsaufnahme"],
    plannedEnd: inMonths(2),
    responsibleUserId: kommune.users.project_lead!.id,
  });
  const collab = await cdo.must<{ id: string }>("measures.create", {
    title: "Kollaborationsplattform einführen",
    criterionKeys: ["zusammenarbeit.2.kollaborationsplattform"],
    plannedEnd: inMonths(5),
  });
  const strategy = await cdo.must<{ id: string }>("strategies.save", {
    orgUnitId: null,
    title: "Digitalstrategie Testkommune",
    vision: "Alles digital.",
    goals: ["Strategie beschließen"],
    targets: [{ dimensionKey: "strategie", level: 1, dueOn: inMonths(6) }],
  });
  await (await api("leadership")).must("strategies.approve", { id: strategy.id });
  const quality = await cdo.must<{ id: string }>("measures.create", {
    title: "Datenqualität prüfen",
    criterionKeys: ["daten.4.datenqualitaet"],
    plannedEnd: inMonths(12),
  });
  Object.assign(ids, {
    done: done.id,
    open: open.id,
    collab: collab.id,
    strategy: strategy.id,
    quality: quality.id,
  });
});
afterAll(() => env?.close());

/** Records CSP violations (ECharts must render under script-src/style-src 'self'). */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`,
      ),
    );
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function as(role: string, tenant = kommune) {
  const { context, page } = await newPage(env);
  await watchCsp(context);
  await signIn(page, tenant.slug, tenant.users[role]!.email, TEST_PASSWORD);
  return { context, page };
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const radarRow = (page: Page, name: string) =>
  page
    .getByTestId("radar-table")
    .getByRole("row", { name: new RegExp(name) })
    .first();
/** The radar as drawn (the canvas's pixels as a data URL): changes when the figures change. */
const radarImage = (page: Page) =>
  page
    .locator('#radar-chart[data-chart-ready="true"] canvas')
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());

describe("the maturity follows the measures", () => {
  it("a coordinator completes a measure: level and radar change at once, the history shows the step on its date", async () => {
    const { context, page } = await as("coordinator");
    await page.getByRole("link", { name: "Reifegrad", exact: true }).click();
    await expect.poll(() => heading(page)).toBe("Reifegrad");
    await page.locator('#radar-chart[data-chart-ready="true"] canvas').waitFor();
    await page.getByText("Daten als Tabelle: Reifegrad je Dimension").click();
    expect(await radarRow(page, "Strategie & Steuerung").innerText()).toMatch(/Stufe 0\s+0,50/);
    const before = await radarImage(page);
    await expectAccessible(page);

    // "Nächste Schritte" lists the open measure of the missing criterion; completing it asks for date and evidence.
    await page.getByRole("button", { name: "Bestandsaufnahme Digitalisierung abschließen" }).click();
    const dialog = page.getByRole("dialog", { name: "Maßnahme abschließen" });
    expect(await dialog.getByLabel("Abschlussdatum").inputValue()).toBe(today);
    await dialog.getByRole("button", { name: "Abschließen" }).click();
    await expect.poll(() => dialog.locator(".field-error").first().textContent()).toContain("Nachweis");
    await dialog.getByLabel("Nachweis", { exact: true }).fill("Bestandsbericht an die Verwaltungsführung");
    await dialog.getByRole("button", { name: "Abschließen" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);

    await expect.poll(() => radarRow(page, "Strategie & Steuerung").innerText()).toMatch(/Stufe 1\s+1,00/);
    await expect.poll(() => radarImage(page)).not.toBe(before);
    expect(await radarRow(page, "Strategie & Steuerung").innerText()).toContain("erreicht");

    await page.getByLabel("Anzeigen für").selectOption({ label: "Strategie & Steuerung" });
    await page.getByText("Daten als Tabelle: Reifegradentwicklung").click();
    const history = page.getByTestId("history-table");
    await expect
      .poll(() =>
        history
          .getByRole("row", { name: new RegExp(formatDate(today)) })
          .first()
          .innerText(),
      )
      .toContain("1,00");
    expect(await history.getByRole("row", { name: /10\.03\.2025/ }).innerText()).toContain("0,50");
    await page.locator('details[data-dimension="strategie"] summary').click();
    expect(await page.locator('details[data-dimension="strategie"]').innerText()).toContain(
      "✓ erfüllt Bestandsaufnahme Digitalisierung erstellt – durch Bestandsaufnahme Digitalisierung",
    );
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it("leadership sees the same level, radar and index on its start page", async () => {
    const coordinator = await as("coordinator");
    await coordinator.page.goto("/reifegrad");
    const index = await coordinator.page.getByTestId("index-current").textContent();
    const { context, page } = await as("leadership");
    await expect.poll(() => heading(page)).toBe("Start – Verwaltungsführung");
    await page.locator('#radar-chart[data-chart-ready="true"] canvas').waitFor();
    await page.getByText("Daten als Tabelle: Reifegrad je Dimension").click();
    expect(await radarRow(page, "Strategie & Steuerung").innerText()).toMatch(/Stufe 1\s+1,00/);
    expect(await page.getByTestId("index-current").textContent()).toBe(index);
    expect(await page.getByRole("region", { name: "Soll in Gefahr" }).innerText()).toContain(
      "Alle Soll-Ziele sind erreicht oder im Plan",
    );
    await expectAccessible(page);
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
    await coordinator.context.close();
  });

  it("opened with ?bereich=… the Bereich select names that unit, not the whole administration", async () => {
    const unit = await (await api("coordinator")).must<{ id: string }>("orgUnits.create", {
      name: "Sozialamt Bereichstest",
      code: "GA-T",
      kind: "other",
      parentId: null,
    });
    const { context, page } = await as("viewer");
    await page.goto(`/reifegrad?bereich=${unit.id}`);
    await page.getByRole("heading", { name: "Nächste Schritte" }).waitFor();
    const select = page.getByLabel("Bereich");
    await expect
      .poll(() => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent))
      .toContain("Sozialamt Bereichstest");
    expect(await select.inputValue()).toBe(unit.id);
    await context.close();
  });

  it("says in words where the plan line falls because yearly evidence runs out without a planned renewal", async () => {
    // A Kommune of its own: Strategie levels 1 and 2 complete, the yearly portfolio prioritisation done three months
    // ago. A year after that, the plan loses that evidence (no renewal is planned) and the line falls.
    const planned = await createTenant(env.app.client.db, "planlinie");
    const cdo = await api("coordinator", planned);
    const completed = async (criterionKey: string, completedOn: string) => {
      const m = await cdo.must<{ id: string }>("measures.create", {
        title: `Erledigt: ${criterionKey}`,
        criterionKeys: [criterionKey],
      });
      await cdo.must("measures.setStatus", {
        id: m.id,
        status: "completed",
        completedOn,
        evidenceText: "Beschluss",
      });
    };
    for (const key of [
      "strategie.1.verantwortung",
      "strategie.1.bestandsaufnahme",
      "strategie.2.strategie-beschlossen",
      "strategie.2.it-governance",
      "strategie.2.pm-standards",
    ])
      await completed(key, inMonths(-6));
    await completed("strategie.3.portfolio-priorisiert", inMonths(-3));
    const { context, page } = await newPage(env);
    await signIn(page, planned.slug, planned.users.viewer!.email, TEST_PASSWORD);
    await page.goto("/reifegrad");
    const note = page.getByTestId("plan-falls");
    await note.waitFor();
    const text = (await note.textContent())!;
    const m = /Der Plan sinkt am (\d{2}\.\d{2}\.\d{4}) von (\d,\d{2}) auf (\d,\d{2})/.exec(text);
    expect(m, text).not.toBeNull();
    // Valid for twelve months: through the day before the anniversary of its completion ("gültig bis"), so the plan
    // loses it on the anniversary itself.
    expect(m![1]).toBe(formatDate(inMonths(9)));
    const lastValid = new Date(`${inMonths(9)}T00:00:00Z`);
    lastValid.setUTCDate(lastValid.getUTCDate() - 1);
    expect(
      await page.getByText(`gültig bis ${formatDate(lastValid.toISOString().slice(0, 10))}`).count(),
    ).toBeGreaterThan(0);
    expect(Number(m![2]!.replace(",", "."))).toBeGreaterThan(Number(m![3]!.replace(",", ".")));
    expect(text).toContain("keine Erneuerung geplant");
    await context.close();
  });

  it("prints the Reifegrad page without navigation, with its charts and tables and the tenant on top", async () => {
    const { context, page } = await as("viewer");
    // On a phone the charts are below the first screen: the chart code is not loaded until one comes near (or the
    // page is printed), so the first screen shows sooner.
    await page.setViewportSize({ width: 412, height: 823 });
    const chartCode: string[] = [];
    page.on("request", (r) => /\/assets\/echarts-[^/]+\.js$/.test(r.url()) && chartCode.push(r.url()));
    await page.goto("/reifegrad");
    await page.getByRole("heading", { name: "Nächste Schritte" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(chartCode).toEqual([]);
    expect(await page.locator(".chart canvas").count()).toBe(0);
    // Printing draws every chart, those never scrolled to included.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    const charts = await page.locator(".chart").count();
    expect(charts).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('.chart[data-chart-ready="true"] canvas').count()).toBe(charts);
    expect(chartCode.length).toBe(1);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("navigation", { name: "Hauptnavigation" }).isVisible()).toBe(false);
    expect(await page.getByRole("navigation", { name: "Rechtliches" }).isVisible()).toBe(false);
    const header = page.locator(".print-header");
    expect(await header.isVisible()).toBe(true);
    expect(await header.textContent()).toContain(kommune.name);
    expect(await page.getByRole("heading", { level: 1, name: "Reifegrad" }).isVisible()).toBe(true);
    expect(await page.locator("table").first().isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
    expect(await header.isVisible()).toBe(false);
    await context.close();
  });

  it("the audit log names the measure (as it was then, else as it is now) and links to it", async () => {
    const cdo = await api("coordinator");
    const m = await cdo.must<{ id: string }>("measures.create", {
      title: "Auditprobe Telefonanlage",
      criterionKeys: ["daten.1.fachverfahrenskataster"],
    });
    await cdo.must("measures.setStatus", { id: m.id, status: "in_progress" });
    const entries = await (await api("admin")).must<{
      items: { entityId: string | null; subjectName: string | null }[];
    }>("audit.list", { page: 1, pageSize: 50, entityId: m.id });
    expect(entries.items.length).toBeGreaterThanOrEqual(2);
    for (const e of entries.items) expect(e.subjectName).toBe("Auditprobe Telefonanlage");
    const { context, page } = await as("admin");
    await page.goto("/verwaltung/protokoll");
    const link = page.getByRole("link", { name: /Auditprobe Telefonanlage/ }).first();
    await link.waitFor();
    // The object column names the measure instead of its id (the id stays in the details).
    expect(await page.locator("td", { has: link }).first().innerText()).not.toContain(m.id);
    const href = await link.getAttribute("href");
    expect(href).toBe(`/massnahmen/${m.id}`);
    await link.press("Enter");
    await page.waitForURL(`**/massnahmen/${m.id}`);
    await expect.poll(() => heading(page)).toBe("Auditprobe Telefonanlage");
    await context.close();
  });

  it("a viewer reads everything and can change nothing", async () => {
    const { context, page } = await as("viewer");
    await expect.poll(() => heading(page)).toBe("Start – Überblick");
    await page.locator('#radar-chart[data-chart-ready="true"] canvas').waitFor();
    await page.goto("/reifegrad");
    await page.getByRole("heading", { name: "Nächste Schritte" }).waitFor();
    expect(await page.getByRole("button", { name: /abschließen/ }).count()).toBe(0);
    await page.goto(`/massnahmen/${ids.collab}`);
    await expect.poll(() => heading(page)).toBe("Kollaborationsplattform einführen");
    expect(await page.getByRole("heading", { name: "Status ändern" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Bearbeiten" }).count()).toBe(0);
    await page.goto("/massnahmen/board");
    await page.locator(".board-card").first().waitFor();
    expect(await page.locator('.board-card[draggable="true"]').count()).toBe(0);
    expect(await page.getByRole("combobox", { name: /Status von/ }).count()).toBe(0);
    await page.goto("/massnahmen");
    await page.getByRole("table", { name: "Maßnahmen" }).waitFor();
    expect(await page.getByRole("checkbox", { name: /auswählen/ }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Neue Maßnahme" }).count()).toBe(0);
    await page.goto("/massnahmen/neu");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Berechtigung");
    await expectAccessible(page);
    await context.close();
  });
});

describe("chart code", () => {
  const chartScripts = (scripts: string[]) => scripts.filter((s) => /\/assets\/(echarts|zrender)-/.test(s));

  it("loads only with the first chart: not on the sign-in page or a start page without charts", async () => {
    const { context, page } = await newPage(env);
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page.getByRole("region", { name: "Maßnahmen", exact: true }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(scripts.length).toBeGreaterThan(0);
    expect(chartScripts(scripts)).toEqual([]);
    // The first chart brings it: the maturity dashboard draws the radar.
    await page.getByRole("link", { name: "Reifegrad", exact: true }).click();
    await page.locator('#radar-chart[data-chart-ready="true"] canvas').waitFor();
    expect(chartScripts(scripts).length).toBeGreaterThan(0);
    await context.close();
  });
});

describe("measures", () => {
  it("the board moves a card by drag and drop and by the keyboard alternative", async () => {
    const { context, page } = await as("coordinator");
    await page.goto("/massnahmen/board");
    const card = page.locator(`[data-measure="${ids.collab}"]`);
    const column = (status: string) => page.locator(`section[data-status="${status}"]`);
    await column("planned").locator(`[data-measure="${ids.collab}"]`).waitFor();
    await expectAccessible(page);
    await card.dragTo(column("in_progress"));
    await column("in_progress").locator(`[data-measure="${ids.collab}"]`).waitFor();
    await expect.poll(() => page.getByTestId("board-announcement").textContent()).toContain("in Umsetzung");

    // Keyboard: focus the card's status selector and choose with the arrow keys.
    const select = page.getByRole("combobox", { name: "Status von „Kollaborationsplattform einführen“" });
    await select.focus();
    await page.keyboard.press("ArrowUp");
    await column("planned").locator(`[data-measure="${ids.collab}"]`).waitFor();
    await expect.poll(() => page.getByTestId("board-announcement").textContent()).toContain("geplant");
    await context.close();
  });

  it("the list opens on what needs attention (open, due soonest), with the sort visible and changeable", async () => {
    const cdo = await api("coordinator");
    const make = async (title: string, plannedEnd: string | null) =>
      cdo.must<{ id: string }>("measures.create", {
        title,
        criterionKeys: ["daten.1.fachverfahrenskataster"],
        ...(plannedEnd && { plannedEnd }),
      });
    const old = await make("Reihenfolge A abgeschlossen 2022", "2022-03-31");
    await cdo.must("measures.setStatus", {
      id: old.id,
      status: "completed",
      completedOn: "2022-03-15",
      evidenceText: "Bericht",
    });
    await make("Reihenfolge B bald fällig", inMonths(2));
    await make("Reihenfolge C überfällig", "2025-01-31");
    await make("Reihenfolge D ohne Termin", null);
    const { context, page } = await as("coordinator");
    await page.goto("/massnahmen");
    expect(await page.getByLabel("Sortierung").inputValue()).toBe("attention");
    await page.getByRole("searchbox", { name: "Suchen" }).fill("Reihenfolge");
    const titles = () =>
      page
        .getByRole("table", { name: "Maßnahmen" })
        .getByRole("row")
        .evaluateAll((rows) => rows.slice(1).map((r) => /Reihenfolge \w/.exec(r.textContent ?? "")?.[0]));
    await expect.poll(titles).toEqual(["Reihenfolge C", "Reihenfolge B", "Reihenfolge D", "Reihenfolge A"]);
    await page.getByLabel("Sortierung").selectOption({ label: "Titel" });
    await expect.poll(titles).toEqual(["Reihenfolge A", "Reihenfolge B", "Reihenfolge C", "Reihenfolge D"]);
    await context.close();
  });

  it("the list filters, pages and changes the status of several measures at once (all or nothing)", async () => {
    const cdo = await api("coordinator");
    for (const n of [1, 2, 3]) {
      await cdo.must("measures.create", {
        title: `Sammelmaßnahme ${n}`,
        criterionKeys: ["daten.1.fachverfahrenskataster"],
      });
    }
    const { context, page } = await as("coordinator");
    await page.getByRole("link", { name: "Maßnahmen", exact: true }).click();
    await page.getByRole("searchbox", { name: "Suchen" }).fill("Sammelmaßnahme");
    await expect.poll(() => page.getByRole("table", { name: "Maßnahmen" }).getByRole("row").count()).toBe(4);
    await page.getByRole("checkbox", { name: "Sammelmaßnahme 1 auswählen" }).check();
    await page.getByRole("checkbox", { name: "Sammelmaßnahme 2 auswählen" }).check();
    const bulk = page.getByRole("region", { name: "Status mehrerer Maßnahmen ändern" });
    await bulk.getByLabel("Neuer Status").selectOption({ label: "abgeschlossen" });
    await bulk.getByRole("button", { name: "Status ändern" }).click();
    // Neither has evidence: nothing changes, and the field says why.
    await expect.poll(() => bulk.locator(".field-error").textContent()).toContain("Ohne Nachweis");
    expect(await page.getByRole("table", { name: "Maßnahmen" }).innerText()).not.toContain("abgeschlossen");
    await bulk.getByLabel("Nachweis (für Maßnahmen ohne eigenen)").fill("Sammelbericht");
    await bulk.getByRole("button", { name: "Status ändern" }).click();
    await expect.poll(() => bulk.getByRole("status").textContent()).toContain("2 Maßnahmen geändert");
    await expect
      .poll(() => page.getByRole("row", { name: /Sammelmaßnahme 1/ }).innerText())
      .toContain("abgeschlossen");
    expect(await page.getByRole("row", { name: /Sammelmaßnahme 3/ }).innerText()).toContain("geplant");
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "abgeschlossen" });
    await expect.poll(() => page.getByRole("table", { name: "Maßnahmen" }).getByRole("row").count()).toBe(3);
    await expectAccessible(page);
    await context.close();
  });

  it("a measure is created with field errors first, completed, reopened, and its history tells the story", async () => {
    const { context, page } = await as("coordinator");
    await page.goto("/massnahmen/neu");
    await page.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await expect
      .poll(() => page.locator(".field-error").allTextContents())
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining("mindestens 3 Zeichen"),
          expect.stringContaining("mindestens ein Kriterium"),
        ]),
      );
    await expectAccessible(page);
    await page.getByLabel("Titel").fill("Leitlinie Informationssicherheit beschließen");
    await page.getByText("IT-Sicherheit & Notfallmanagement", { exact: true }).click();
    await page.getByRole("checkbox", { name: "Leitlinie zur Informationssicherheit beschlossen" }).check();
    await page.getByLabel("Geplantes Ende").fill(inMonths(3));
    await page.getByRole("button", { name: "Maßnahme anlegen" }).click();
    await page.waitForURL(/\/massnahmen\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page)).toBe("Leitlinie Informationssicherheit beschließen");

    await page.getByRole("button", { name: "Abschließen …" }).click();
    const dialog = page.getByRole("dialog", { name: "Maßnahme abschließen" });
    await dialog.getByLabel("Nachweis", { exact: true }).fill("Beschluss der Verwaltungsführung");
    await dialog.getByRole("button", { name: "Abschließen" }).click();
    await expect
      .poll(() => page.getByRole("region", { name: "Angaben" }).innerText())
      .toContain(formatDate(today));
    await page.getByRole("button", { name: "Wieder öffnen" }).click();
    const history = page.getByRole("region", { name: "Verlauf" });
    await expect.poll(() => history.innerText()).toContain("wieder geöffnet");
    expect(await history.innerText()).toContain("abgeschlossen");
    expect(await history.innerText()).toContain("angelegt");
    await expectAccessible(page);
    await context.close();
  });

  it("evidence files: completed with a file as the only evidence, another uploaded on the detail page, listed and downloaded", async () => {
    const measure = await (await api("coordinator")).must<{ id: string }>("measures.create", {
      title: "IT-Notfallkonzept in Kraft setzen",
      criterionKeys: ["sicherheit.1.isb"],
      plannedEnd: inMonths(2),
    });
    const { context, page } = await as("coordinator");
    await page.goto(`/massnahmen/${measure.id}`);
    const files = page.getByRole("region", { name: "Nachweisdateien" });
    await expect.poll(() => files.innerText()).toContain("Noch keine Dateien hinterlegt.");

    // Completing with nothing but a file: the dialog checks the file at once and sends it with the completion.
    await page.getByRole("button", { name: "Abschließen …" }).click();
    const dialog = page.getByRole("dialog", { name: "Maßnahme abschließen" });
    const dialogFile = dialog.getByLabel("Datei als Nachweis (optional)");
    await dialogFile.setInputFiles({
      name: "Notfallkonzept.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await expect
      .poll(() => dialog.locator(".field-error").first().textContent())
      .toContain("kein PDF-Dokument");
    const concept = pdfBytes("IT-Notfallkonzept, in Kraft gesetzt");
    await dialogFile.setInputFiles({
      name: "Notfallkonzept.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(concept),
    });
    await expect.poll(() => dialog.locator(".field-error").count()).toBe(0);
    await dialog.getByRole("button", { name: "Abschließen" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.locator(".badge").first().textContent()).toBe("abgeschlossen");
    await expect.poll(() => files.getByRole("rowheader").allInnerTexts()).toEqual(["Notfallkonzept.pdf"]);
    expect(await page.getByRole("region", { name: "Angaben" }).innerText()).toContain("1 Datei");

    // The only evidence of a completed measure stays; the server says why.
    page.once("dialog", (d) => void d.accept());
    await files.getByRole("button", { name: "Notfallkonzept.pdf entfernen" }).click();
    await expect.poll(() => files.getByRole("alert").innerText()).toContain("einziger Nachweis");

    // Upload on the detail page: a wrong type is answered at the field, a PDF is listed and downloads unchanged.
    const upload = files.getByLabel("Datei hinzufügen");
    const storage = () => files.locator(".field-hint").textContent();
    expect(await storage()).toMatch(/Speicher Ihrer Verwaltung: .+ von 2,0 GB belegt\./);
    const storageBefore = await storage();
    await upload.setInputFiles({
      name: "setup.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("MZ"),
    });
    await expect.poll(() => files.locator(".field-error").textContent()).toContain("Dateien vom Typ .exe");
    const protocol = pdfBytes("Protokoll der Übung am 15.05.");
    await upload.setInputFiles({
      name: "Übungsprotokoll.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(protocol),
    });
    await files.getByRole("button", { name: "Hochladen" }).click();
    await expect
      .poll(() => files.getByRole("rowheader").allInnerTexts())
      .toEqual(["Notfallkonzept.pdf", "Übungsprotokoll.pdf"]);
    expect(await files.getByRole("row", { name: /Übungsprotokoll\.pdf/ }).innerText()).toContain("PDF");
    expect(await storage()).not.toBe(storageBefore);
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      files.getByRole("link", { name: "Übungsprotokoll.pdf" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Übungsprotokoll.pdf");
    const saved = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of saved) chunks.push(chunk as Buffer);
    expect(new Uint8Array(Buffer.concat(chunks))).toEqual(protocol);

    // With a second file, the first may go; the history tells both.
    page.once("dialog", (d) => void d.accept());
    await files.getByRole("button", { name: "Notfallkonzept.pdf entfernen" }).click();
    await expect.poll(() => files.getByRole("rowheader").allInnerTexts()).toEqual(["Übungsprotokoll.pdf"]);
    const history = page.getByRole("region", { name: "Verlauf" });
    await expect.poll(() => history.innerText()).toContain("Nachweisdatei entfernt");
    expect(await history.innerText()).toContain("Nachweisdatei hinzugefügt");
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it("a project delivers a measure: linked in the form, listed on the project, completed with it after asking", async () => {
    // The fixture project ran through 2024: completing it now dates the measure on its end.
    await projectFixture(env.app.client.db, kommune.id, { name: "Kollaborationsregeln Rollout" });
    const measure = await (await api("coordinator")).must<{ id: string }>("measures.create", {
      title: "Regeln für die Zusammenarbeit festlegen",
      criterionKeys: ["zusammenarbeit.2.kollaborationsregeln"],
      plannedEnd: inMonths(3),
    });
    const { context, page } = await as("coordinator");
    await page.goto(`/massnahmen/${measure.id}`);
    await page.getByRole("button", { name: "Bearbeiten" }).click();
    await page
      .getByLabel("Projekt", { exact: true })
      .selectOption({ label: "TEST / 10: Kollaborationsregeln Rollout" });
    await page.getByRole("button", { name: "Änderungen speichern" }).click();
    const facts = page.getByRole("region", { name: "Angaben" });
    await facts.getByRole("link", { name: "Kollaborationsregeln Rollout" }).click();
    await page.waitForURL(/\/portfolio\/projekte\/[0-9a-f-]{36}$/);
    const linked = page.getByRole("region", { name: "Verknüpfte Maßnahmen" });
    await expect.poll(() => linked.innerText()).toContain("Regeln für die Zusammenarbeit festlegen");
    expect(await linked.innerText()).toContain("geplant");

    await page.getByRole("button", { name: "Projekt abschließen" }).click();
    const ask = page.getByRole("form", { name: "Projekt „Kollaborationsregeln Rollout“ abschließen?" });
    expect(await ask.getByLabel("Die verknüpfte offene Maßnahme ebenfalls abschließen").isChecked()).toBe(
      true,
    );
    await expectAccessible(page);
    await ask.getByRole("button", { name: "Abschluss bestätigen" }).click();
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Projekt ist abgeschlossen" }).innerText())
      .toContain("1 verknüpfte Maßnahme wurde abgeschlossen.");
    await expect.poll(() => linked.innerText()).toContain("abgeschlossen");
    expect(await linked.innerText()).toContain("31.12.2024");
    await linked.getByRole("link", { name: "Regeln für die Zusammenarbeit festlegen" }).click();
    await expect
      .poll(() => facts.innerText())
      .toContain("Abschluss des Projekts „Kollaborationsregeln Rollout“");
    expect(await cspViolations(page)).toEqual([]);
    await context.close();
  });

  it("a project lead edits only the measures it is responsible for", async () => {
    const { context, page } = await as("project_lead");
    await expect
      .poll(() => page.getByRole("region", { name: "Meine Maßnahmen" }).innerText())
      .toContain("keine offenen");
    await page.goto(`/massnahmen/${ids.collab}`);
    await expect.poll(() => heading(page)).toBe("Kollaborationsplattform einführen");
    expect(await page.getByRole("heading", { name: "Status ändern" }).count()).toBe(0);
    await page.goto(`/massnahmen/${ids.open}`);
    await page.getByRole("heading", { name: "Status ändern" }).waitFor();
    await context.close();
  });
});

describe("strategy and organisation", () => {
  it("a coordinator adds an org unit and changes targets; leadership approves them as a new version", async () => {
    const cdo = await as("coordinator");
    await cdo.page.getByRole("link", { name: "Organisation" }).click();
    await cdo.page.getByLabel("Kürzel").fill("FB 53");
    await cdo.page.getByLabel("Name").fill("Gesundheitsamt");
    await cdo.page.getByRole("button", { name: "Anlegen" }).click();
    await expect.poll(() => cdo.page.getByRole("table").innerText()).toContain("Gesundheitsamt");
    await cdo.page.getByLabel("Kürzel").fill("FB 53");
    await cdo.page.getByLabel("Name").fill("Doppelt");
    await cdo.page.getByRole("button", { name: "Anlegen" }).click();
    // Codes are unique among siblings (the tree shared with the portfolio may repeat "Quer" below other units).
    await expect
      .poll(() => cdo.page.locator(".field-error").textContent())
      .toContain("gibt es auf dieser Ebene bereits");
    await expectAccessible(cdo.page);

    await cdo.page.getByRole("link", { name: "Strategie" }).click();
    await cdo.page.getByRole("heading", { name: "Digitalstrategie Testkommune" }).waitFor();
    await cdo.page.getByRole("button", { name: "Bearbeiten" }).click();
    await cdo.page.getByLabel("Soll-Stufe Daten & Interoperabilität").selectOption({ label: "Stufe 1" });
    await cdo.page.getByLabel("Termin Daten & Interoperabilität").fill(inMonths(9));
    await cdo.page.getByRole("button", { name: "Arbeitsstand speichern" }).click();
    await expect
      .poll(() => cdo.page.getByText("Der Arbeitsstand weicht von der freigegebenen Version ab").count())
      .toBe(1);
    await expectAccessible(cdo.page);
    await cdo.context.close();

    const lead = await as("leadership");
    await lead.page
      .getByRole("region", { name: "Freigaben" })
      .getByRole("link", { name: /Digitalstrategie Testkommune/ })
      .click();
    await lead.page.getByRole("button", { name: "Arbeitsstand freigeben" }).click();
    await expect
      .poll(() => lead.page.getByRole("region", { name: "Freigegebene Versionen" }).innerText())
      .toContain("Version 2");
    await lead.page.goto("/reifegrad");
    await lead.page.getByText("Daten als Tabelle: Reifegrad je Dimension").click();
    expect(await radarRow(lead.page, "Daten & Interoperabilität").innerText()).toContain(
      `Stufe 1 bis ${formatDate(inMonths(9))}`,
    );
    await lead.context.close();
  });
});

describe("the state's maturity model", () => {
  it("a state admin edits a draft, sees German validation, and publishes it with a mapping", async () => {
    const stateAdmin = await api("state_admin", state);
    const draft = (await stateAdmin.must<{ id: string; status: string }[]>("maturityModels.list")).find(
      (m) => m.status === "draft",
    );
    if (draft) await stateAdmin.must("maturityModels.discardDraft", { id: draft.id });
    const { context, page } = await as("state_admin", state);
    await page.getByRole("link", { name: "Reifegradmodell", exact: true }).click();
    await page.getByRole("button", { name: "Neuen Entwurf anlegen" }).click();
    await page.waitForURL(/\/land\/reifegradmodell\/[0-9a-f-]{36}$/);
    await expect.poll(() => heading(page)).toMatch(/^Entwurf: Version \d+$/);

    await page.getByRole("button", { name: "Dimension hinzufügen" }).click();
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toContain("mindestens 2 Zeichen");
    const added = page.locator("fieldset.model-dimension").last();
    await added.getByLabel("Name der Dimension").fill("Nachhaltigkeit");
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect
      .poll(() => page.getByTestId("model-problems").innerText())
      .toContain("Stufe 1 hat keine Kriterien");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Dimension „Nachhaltigkeit“ entfernen" }).click();
    // Existing dimensions are collapsed; open "Daten & Interoperabilität" to edit its criteria.
    await page.locator("summary", { hasText: "Daten & Interoperabilität" }).click();
    await page.getByRole("button", { name: "Kriterium entfernen: Datenqualität jährlich geprüft" }).click();
    await page.getByRole("button", { name: "Entwurf speichern" }).click();
    await page.getByTestId("model-valid").waitFor();

    const mapping = page.getByLabel("Daten & Interoperabilität, Stufe 4: Datenqualität jährlich geprüft");
    await mapping.selectOption({
      label: "Daten & Interoperabilität, Stufe 4: Steuerung mit aktuellen Verfahrensdaten",
    });
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: /^Version \d+ veröffentlichen$/ }).click();
    await page.waitForURL("**/land/reifegradmodell");
    await expect.poll(() => page.getByRole("table").innerText()).toContain("abgelöst");
    expect(await page.getByRole("table").innerText()).toContain("veröffentlicht");
    expect(await page.getByRole("table").innerText()).not.toContain("Entwurf");
    expect(await page.getByRole("button", { name: "Neuen Entwurf anlegen" }).count()).toBe(1);

    // The new version maps the retired criterion; a Kommune pinned to the old version is offered the new one.
    const { context: kc, page: kp } = await as("coordinator");
    await kp.goto("/reifegrad");
    await kp.getByRole("button", { name: /^Version \d+ übernehmen$/ }).click();
    await expect
      .poll(() => kp.getByRole("status").first().textContent())
      .toContain("1 Maßnahme neu verknüpft");
    await kp.goto(`/massnahmen/${ids.quality}`);
    await expect
      .poll(() => kp.getByRole("region", { name: "Angaben" }).innerText())
      .toContain("Daten & Interoperabilität · Stufe 4: Steuerung mit aktuellen Verfahrensdaten");
    await kc.close();
    await context.close();
  });
});
