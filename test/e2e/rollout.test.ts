// Browser walk through the OZG/EfA rollout: a Kommune coordinator brings a service online and the state PMO sees the
// coverage of that service and of the Kreis change; the cost model reproduces the seed's figures; charts render
// under the strict CSP; exports download; every screen passes the axe check.
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "@spatz/db/seed";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), worker: true });
});
afterAll(() => env?.close());

/**
 * Collects what the browser reports as CSP violations or script errors. A rejected form (400/409) is logged by
 * Chromium as a failed resource; that is expected and shown to the user, so it is not counted.
 */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    const text = m.text();
    if (/Failed to load resource: the server responded with a status of 4(00|09)/.test(text)) return;
    if (m.type() === "error" || /Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return problems;
}

async function chartsRendered(page: Page, count = 1) {
  await page
    .locator('.chart[data-chart-ready="true"] canvas')
    .nth(count - 1)
    .waitFor();
  const sizes = await page
    .locator(".chart canvas")
    .evaluateAll((els) => els.map((c) => (c as HTMLCanvasElement).width * (c as HTMLCanvasElement).height));
  expect(sizes.length).toBeGreaterThanOrEqual(count);
  for (const s of sizes) expect(s).toBeGreaterThan(0);
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

function fraction(text: string): [number, number] {
  const m = /([\d.]+)\s*\/\s*([\d.]+)/.exec(text);
  if (!m) throw new Error(`no "x / y" in ${text}`);
  return [Number(m[1]!.replace(/\./g, "")), Number(m[2]!.replace(/\./g, ""))];
}

async function serviceCoverage(page: Page, serviceId: string, name: string): Promise<[number, number]> {
  await page.goto("/land/rollout/leistungen");
  await page.getByRole("searchbox", { name: /Suchen/ }).fill(serviceId);
  const label = (await onlineLink(page, name).getAttribute("aria-label")) ?? "";
  return fraction(label);
}

/** The "online / zuständig" link of a service row (its name: "3 / 14 online: <service>"). */
function onlineLink(page: Page, name: string) {
  return page.getByRole("link", { name: new RegExp(`^[\\d.]+ / [\\d.]+ online: ${escapeRegExp(name)}$`) });
}

async function kreisCoverage(page: Page, kreis: string): Promise<[number, number]> {
  await page.goto("/land/rollout/regionen");
  const row = page.getByRole("row", { name: new RegExp(`^${escapeRegExp(kreis)}\\b`) }).first();
  return fraction(await row.innerText());
}

/** The forecast's first line on the state's page of a service: "Heute 3 von 14 online (…). Tempo: …". */
async function forecastNow(page: Page, serviceId: string): Promise<string> {
  await page.goto(`/land/katalog/${serviceId}`);
  const text = (await page.locator(".forecast-now").textContent()) ?? "";
  return text.replace(/\s+/g, " ").replace(/^Heute ([\d.]+) von ([\d.]+)/, "$1 / $2");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("rollout: Kommune and state PMO", () => {
  it("a coordinator brings a service online and the PMO's coverage of that service and Kreis changes", async () => {
    const cdo = await newPage(env);
    const cdoProblems = watchProblems(cdo.page);
    await signIn(cdo.page, "landkreis-wittenberg", "cdo@landkreis-wittenberg.example", DEMO_PASSWORD);
    await expect
      .poll(() => cdo.page.getByRole("region", { name: "Onlinedienste (OZG/EfA)" }).innerText())
      .toContain("online");
    await cdo.page.getByRole("link", { name: "Onlinedienste", exact: true }).click();
    await expect.poll(() => heading(cdo.page)).toBe("Rollout der Onlinedienste");
    await chartsRendered(cdo.page);
    // Its own forecast: when its open services are online at its own pace.
    expect(await cdo.page.locator(".forecast-facts").innerText()).toMatch(
      /alle\s+(\d{2}\/\d{4}|.*nicht vor 2031|erreicht)/,
    );
    await cdo.page.getByLabel("Status", { exact: true }).selectOption({ label: "nicht begonnen" });
    const boardTable = cdo.page.getByRole("table", { name: "Zuständige Leistungen" });
    await expect.poll(() => boardTable.locator("tbody tr").first().innerText()).toContain("nicht begonnen");
    await expectAccessible(cdo.page);
    const first = boardTable.locator("tbody tr").first().getByRole("link");
    const name = (await first.textContent())!.trim();
    await first.click();
    await cdo.page.waitForURL(/\/rollout\/\d+$/);
    const serviceId = cdo.page.url().split("/").at(-1)!;

    const pmo = await newPage(env);
    const pmoProblems = watchProblems(pmo.page);
    await signIn(pmo.page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    const [serviceBefore, relevant] = await serviceCoverage(pmo.page, serviceId, name);
    const forecastBefore = await forecastNow(pmo.page, serviceId);
    const [kreisBefore, kreisRelevant] = await kreisCoverage(pmo.page, "Landkreis Wittenberg");

    // The coordinator: "online verfügbar" needs the reuse route; without it the form names the field.
    await expect.poll(() => heading(cdo.page)).toBe(name);
    await cdo.page.getByLabel("Status").selectOption({ label: "online verfügbar" });
    await cdo.page.getByRole("button", { name: "Speichern", exact: true }).click();
    await expect
      .poll(() => cdo.page.locator(".field-error").first().textContent())
      .toContain("auf welchem Weg der Dienst online gegangen ist");
    await cdo.page.getByLabel("Nachnutzungsweg").selectOption({ label: "EfA-Marktplatz/govdigital" });
    await cdo.page.getByRole("button", { name: "Speichern", exact: true }).click();
    await expect
      .poll(() => cdo.page.getByRole("status").allTextContents())
      .toContain("Der Eintrag wurde gespeichert.");
    await expect.poll(() => cdo.page.locator(".facts .status").textContent()).toBe("online verfügbar");
    // The rebuilt form shows the saved values (selects keep their initial value).
    expect(await cdo.page.getByLabel("Nachnutzungsweg").inputValue()).toBe("efa_marketplace");
    // The history names the change in German, newest first.
    const history = cdo.page.getByRole("region", { name: "Verlauf" });
    await expect.poll(() => history.innerText()).toMatch(/Status: (nicht begonnen → )?online verfügbar/);
    expect(await history.innerText()).toContain("Nachnutzungsweg: EfA-Marktplatz/govdigital");
    expect(await history.innerText()).not.toContain("rollout.record");
    await expectAccessible(cdo.page);

    // The PMO sees the change for the service and for the Kreis once the debounced aggregate job has run (the
    // dashboards read the aggregates, never the records): within half a minute.
    await expect
      .poll(() => serviceCoverage(pmo.page, serviceId, name), { timeout: 30_000, interval: 1_000 })
      .toEqual([serviceBefore + 1, relevant]);
    // The forecast for the service moves with it: one more online, and a pace that counts this month's go-live.
    const forecastAfter = await forecastNow(pmo.page, serviceId);
    expect(forecastAfter).not.toBe(forecastBefore);
    expect(fraction(forecastAfter)).toEqual([fraction(forecastBefore)[0] + 1, fraction(forecastBefore)[1]]);
    expect(await kreisCoverage(pmo.page, "Landkreis Wittenberg")).toEqual([kreisBefore + 1, kreisRelevant]);
    await pmo.page.locator(".region-map > svg").waitFor();
    await expectAccessible(pmo.page);

    // … drills down from the Kreis figure to its records …
    await pmo.page
      .getByRole("row", { name: /^Landkreis Wittenberg\b/ })
      .first()
      .getByRole("link")
      .first()
      .click();
    await pmo.page.waitForURL(/eintraege\?kreisAgs=15091/);
    await expect
      .poll(() => pmo.page.getByRole("list", { name: "Aktive Filter" }).innerText())
      .toContain("Kreis: Wittenberg");
    await expectAccessible(pmo.page);
    // … and from the service's count to the record, by the Kommune's name, read only, and comments on it.
    await serviceCoverage(pmo.page, serviceId, name);
    await onlineLink(pmo.page, name).click();
    await pmo.page.waitForURL(/eintraege\?serviceId=/);
    await pmo.page.getByRole("link", { name: "Landkreis Wittenberg", exact: true }).click();
    await expect.poll(() => heading(pmo.page)).toBe(`${name} – Landkreis Wittenberg`);
    expect(await pmo.page.getByRole("button", { name: "Speichern", exact: true }).count()).toBe(0);
    await pmo.page
      .getByLabel("Neuer Kommentar")
      .fill("Danke – bitte im nächsten Bericht die Nutzerzahlen nennen.");
    await pmo.page.getByRole("button", { name: "Kommentar speichern" }).click();
    await expect.poll(() => pmo.page.locator(".comments").innerText()).toContain("Nutzerzahlen");
    await expectAccessible(pmo.page);

    // The Kommune sees the PMO's comment on its record.
    await cdo.page.reload();
    await expect.poll(() => cdo.page.locator(".comments").innerText()).toContain("Nutzerzahlen");

    expect(cdoProblems).toEqual([]);
    expect(pmoProblems).toEqual([]);
    await cdo.context.close();
    await pmo.context.close();
  });

  it("the state dashboards draw their charts and the map under the CSP, with data tables and exports", async () => {
    const { context, page } = await newPage(env);
    const problems = watchProblems(page);
    await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await expect
      .poll(() => page.getByRole("region", { name: "Rollout der Onlinedienste" }).innerText())
      .toMatch(/\d+,\d %/);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Zum Landesüberblick" }).click();
    await expect.poll(() => heading(page)).toBe("Rollout der Onlinedienste – Landesüberblick");
    // Figures from the job-maintained aggregates say as of when they are; the Land's forecast names its dates.
    await expect
      .poll(() => page.locator(".aggregate-stand").innerText())
      .toMatch(/^Stand der Kennzahlen: \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
    await expect
      .poll(() => page.locator(".forecast-facts").innerText())
      .toMatch(/flächendeckend \(100 %\)\s+(\d{2}\/\d{4}|.*nicht vor 2031|erreicht)/);
    await chartsRendered(page);
    await page.getByText("Daten als Tabelle: Stand je Themenfeld").click();
    await expect
      .poll(() => page.locator(".chart-data table").first().innerText())
      .toContain("Bauen & Wohnen");
    await expectAccessible(page);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "CSV: Abdeckung je Themenfeld" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("Abdeckung-Themenfelder.csv");
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFFThemenfeld;Leistungen;")).toBe(true);
    expect(csv).toContain("Bauen & Wohnen;");

    await page.getByRole("link", { name: "Kreise und Kommunen" }).click();
    // The map: the 14 Kreise from the BKG outlines, named, each a link to its entries; the attribution under it.
    await page.locator(".region-map > svg").waitFor();
    expect(await page.locator(".region-map path").count()).toBe(14);
    expect(await page.locator(".region-label").allTextContents()).toContain("Harz");
    await expect
      .poll(() => page.locator(".region-map > svg a").first().getAttribute("aria-label"))
      .toMatch(/^.+: [\d,]+ % online$/);
    expect(await page.locator(".map-attribution").innerText()).toContain("© GeoBasis-DE / BKG 2021");
    // A Kreis's forecast: pick one, its dates follow.
    await page.getByLabel("Prognose für den Kreis").selectOption({ label: "Landkreis Harz" });
    await expect.poll(() => page.getByRole("heading", { name: "Prognose: Landkreis Harz" }).count()).toBe(1);
    await expect
      .poll(() => page.locator(".forecast-facts").innerText())
      .toMatch(/flächendeckend \(100 %\)\s+(\d{2}\/\d{4}|.*nicht vor 2031|erreicht)/);
    await expectAccessible(page);
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Excel: Abdeckung je Kreis" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("Abdeckung-Kreise.xlsx");
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");

    // Sorting by a column header, then the Kommune table is in that order.
    await page.getByRole("button", { name: /^Einwohner/ }).click();
    await expect
      .poll(() => page.getByRole("columnheader", { name: /Einwohner/ }).getAttribute("aria-sort"))
      .toBe("descending");
    // The server sorts and pages: the largest city first, 50 rows a page.
    const kommunen = page.getByRole("table", { name: "Abdeckung je Kommune" });
    await expect.poll(() => kommunen.locator("tbody tr").first().innerText()).toContain("Halle (Saale)");
    expect(await kommunen.locator("tbody tr").count()).toBe(50);
    await page.getByLabel("Kommune suchen").fill("Magdeburg");
    await expect.poll(() => kommunen.locator("tbody tr").count()).toBe(1);
    expect(await kommunen.locator("tbody tr").first().innerText()).toContain("Landeshauptstadt Magdeburg");
    // The Gemeinden: 218 outlines in the colour of the Kommune that administers them; a region is a link that the
    // keyboard reaches and opens like a click.
    await page.getByLabel(/^Gemeinden/).check();
    await expect.poll(() => page.locator(".region-map path").count()).toBe(218);
    expect(await page.locator(".region-label").count()).toBe(0);
    const gemeinde = page.locator(".region-map a", {
      has: page.locator("title", { hasText: /^Wernigerode/ }),
    });
    expect(await gemeinde.getAttribute("aria-label")).toMatch(/^Wernigerode, Stadt \(.+\): .+ online$/);
    await gemeinde.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/land\/rollout\/eintraege\?kommuneId=/);
    await page.goBack();
    await page.locator(".region-map > svg").waitFor();
    await expectAccessible(page);
    // One service by Gemeinde: each in the status colour of its Kommune's entry, leading to that entry.
    const figure = page.getByRole("form", { name: "Kennzahl der Karte" });
    await figure.getByLabel("Themenfeld").selectOption({ index: 1 });
    const serviceSelect = figure.getByLabel("Leistung");
    await expect.poll(() => serviceSelect.locator("option").count()).toBeGreaterThan(1);
    await serviceSelect.selectOption({ index: 1 });
    const serviceName = (await serviceSelect.locator("option:checked").textContent())!;
    await page.getByLabel(/^Gemeinden/).check();
    // Every Gemeinde whose Kommune is responsible links to that Kommune's entry; the others are hatched, no link.
    const linked = page.locator('.region-map a[href^="/land/rollout/eintraege/"]');
    await expect.poll(() => linked.count()).toBeGreaterThan(0);
    const escaped = serviceName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(await linked.first().getAttribute("aria-label")).toMatch(
      new RegExp(`^.+ \\(.+\\): ${escaped} – .+$`),
    );
    expect(await page.locator(".map-legend li").allTextContents()).toContain("online verfügbar");
    expect(await page.getByText(`Daten als Tabelle: ${serviceName} je Gemeinde`).count()).toBe(1);
    // The same service per Kreis: its share online there, each Kreis leading to its entries.
    await page.getByLabel(/^Kreise/).check();
    await expect.poll(() => page.locator(".region-map path").count()).toBe(14);
    const labels = await page
      .locator(".region-map > svg a")
      .evaluateAll((els) => els.map((a) => a.getAttribute("aria-label")));
    expect(labels.length).toBe(14);
    for (const label of labels) expect(label).toContain(serviceName);
    await expectAccessible(page);
    // Back to the Gemeinden; a Gemeinde opens its Kommune's entry by keyboard.
    await page.getByLabel(/^Gemeinden/).check();
    await expect.poll(() => linked.count()).toBeGreaterThan(0);
    await linked.first().focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/land\/rollout\/eintraege\/[0-9a-f-]{36}\/\d+$/);
    await page.goBack();

    await page.getByRole("link", { name: "Verlauf und Engpässe" }).click();
    await chartsRendered(page);
    await page.getByLabel("In Umsetzung seit mehr als (Monate)").fill("0");
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toContain("ganze Zahl von 1 bis 120");
    await page.getByLabel("In Umsetzung seit mehr als (Monate)").fill("12");
    await expect.poll(() => page.getByRole("columnheader", { name: /> 12 Monate/ }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Leistungen", exact: true }).click();
    await expect.poll(() => heading(page)).toBe("Abdeckung je Leistung");
    await page.getByLabel("Abdeckung", { exact: true }).selectOption({ label: "flächendeckend" });
    await expect.poll(() => page.locator("tbody").first().innerText()).toContain("flächendeckend");
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("the cost model reproduces the seed's figures, shows its assumptions and compares scenarios", async () => {
    const { context, page } = await newPage(env);
    const problems = watchProblems(page);
    await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Kosten", exact: true }).click();
    await expect.poll(() => heading(page)).toBe("Kosten- und Finanzierungsmodell");
    const figure = (key: string) => page.locator(`[data-figure="${key}"]`).textContent();
    await expect.poll(() => figure("totalPersonDays")).toBe("20.125 PT");
    expect(await figure("oneOff")).toBe("22.137.500\u00a0€");
    expect(await figure("perYear")).toBe("4.427.500\u00a0€");
    const results = await page.getByRole("region", { name: "Ergebnis", exact: true }).innerText();
    expect(results).toContain("~22.137.000 €");
    expect(results).toContain("4.000.000 € p. a.");
    expect(results).toContain("Die Vorlage rundet");
    expect(await page.getByRole("region", { name: "Annahmen" }).innerText()).toContain("35 Personentage");
    await expectAccessible(page);

    // Another daily rate: the figures follow; an impossible share names its field.
    await page.getByLabel("Tagessatz (€ je PT)").fill("1200");
    await expect.poll(() => figure("oneOff")).toBe("24.150.000\u00a0€");
    // Typed as the hint writes it, with a thousands point: 1.100 is eleven hundred, not 1,10.
    await page.getByLabel("Tagessatz (€ je PT)").fill("1.100");
    await expect.poll(() => figure("oneOff")).toBe("22.137.500\u00a0€");
    await page.getByLabel("Tagessatz (€ je PT)").fill("1.10.0");
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("Tausenderpunkt");
    await page.getByLabel("Tagessatz (€ je PT)").fill("1200");
    await expect.poll(() => figure("oneOff")).toBe("24.150.000\u00a0€");
    await page.getByLabel(/Wartung\/Nutzungspauschale pro Jahr/).fill("150");
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("Wartungsanteil");
    await page.getByRole("button", { name: "Werte der Vorlage" }).click();
    await expect.poll(() => figure("oneOff")).toBe("22.137.500\u00a0€");

    // A named scenario with the catalogue's number of services, compared with the seed's.
    await page.getByRole("button", { name: /\(Katalog\)/ }).click();
    await page.getByLabel("Name des Szenarios").fill("E2E Katalog");
    await page.getByRole("button", { name: "Aktuelle Parameter speichern" }).click();
    await page.getByLabel("Vorlage (Berechnungsbeispiel) vergleichen").check();
    const comparison = page.getByRole("table", { name: "Szenarien nebeneinander" });
    await expect.poll(() => comparison.innerText()).toContain("E2E Katalog");
    await expect.poll(() => comparison.innerText()).toContain("22.137.500");
    await page.getByLabel("Name des Szenarios").fill("E2E Katalog");
    await page.getByRole("button", { name: "Aktuelle Parameter speichern" }).click();
    await expect.poll(() => page.locator(".field-error").first().textContent()).toContain("gibt es schon");

    // Operating models: the PMO's scores rank them.
    const models = page.getByRole("region", { name: "Betriebsmodelle" });
    expect(await models.innerText()).toContain("Errichtung Landes-AöR");
    await page.getByLabel("KITU-Beitritt Land: Umsetzungsdauer").fill("9");
    await expect.poll(() => models.innerText()).toContain("zwischen 0 und 5");
    await page.getByLabel("KITU-Beitritt Land: Umsetzungsdauer").fill("5");
    await expect.poll(() => models.innerText()).toContain("Rang 1");
    await expectAccessible(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("a Kommune sees its late go-lives flagged and filters them", async () => {
    const api = new ApiSession(env.app, null, env.baseUrl);
    await api.must("auth.login", {
      tenantSlug: "landkreis-harz",
      email: "cdo@landkreis-harz.example",
      password: DEMO_PASSWORD,
    });
    const open = await api.must<{ items: { serviceId: string; name: string; version: number }[] }>(
      "rollout.board",
      { page: 1, pageSize: 5, status: "not_started" },
    );
    const late = open.items[0]!;
    await api.must("rollout.updateRecord", {
      serviceId: late.serviceId,
      expectedVersion: late.version,
      status: "implementing",
      plannedOnline: "2026-01-31",
    });
    const { page } = await newPage(env);
    await signIn(page, "landkreis-harz", "cdo@landkreis-harz.example", DEMO_PASSWORD);
    await page.goto("/rollout");
    await page.getByRole("checkbox", { name: "nur überfällige Go-lives" }).check();
    const rows = page.getByRole("table", { name: "Zuständige Leistungen" }).locator("tbody tr");
    // Once the filtered page is there (the unfiltered one may show the same service while it loads): the late service
    // is among the rows, and every row is flagged.
    await expect
      .poll(() =>
        rows
          .allInnerTexts()
          .then((t) => t.some((r) => r.includes(late.name)) && t.every((r) => r.includes("überfällig"))),
      )
      .toBe(true);
    await expectAccessible(page);
    await page.context().close();

    // The Landes-PMO finds the same late go-live among the Kommunen's entries.
    const pmo = await newPage(env);
    await signIn(pmo.page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await pmo.page.goto(`/land/rollout/eintraege?serviceId=${late.serviceId}`);
    await pmo.page.getByRole("checkbox", { name: "nur überfällige Go-lives" }).check();
    const entries = pmo.page.getByRole("table", { name: "Einträge der Kommunen" }).locator("tbody tr");
    await expect
      .poll(() => entries.allInnerTexts().then((t) => t.find((r) => r.includes("Harz")) ?? ""))
      .toContain("überfällig");
    for (const text of await entries.allInnerTexts()) expect(text).toContain("überfällig");
    expect(pmo.page.url()).toContain("overdue=ja");
    await expectAccessible(pmo.page);
    await pmo.page.context().close();
  });

  it("a coordinator changes a whole Themenfeld in one go, after a preview", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, "magdeburg", "cdo@magdeburg.example", DEMO_PASSWORD);
    await page.goto("/rollout");
    const bulk = page.getByRole("region", { name: "Sammeländerung" });
    await bulk.getByRole("button", { name: "Vorschau" }).click();
    await expect.poll(() => bulk.locator(".field-error").first().textContent()).toContain("Themenfeld");
    await bulk.getByLabel("Themenfeld").selectOption({ label: "Bildung" });
    await bulk.getByLabel("Nachnutzungsweg").selectOption({ label: "EfA-Marktplatz/govdigital" });
    await bulk.getByRole("button", { name: "Vorschau" }).click();
    const apply = bulk.getByRole("button", { name: /Leistungen ändern$/ });
    await apply.waitFor();
    const n = Number((await apply.textContent())!.match(/\d+/)![0]);
    await apply.click();
    await expect.poll(() => bulk.getByRole("status").textContent()).toBe(`${n} Leistungen wurden geändert.`);
    await expectAccessible(page);
    await context.close();
  });

  it("the state PMO maintains a service of the catalogue and checks a catalogue file", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await page.goto("/land/katalog");
    await page.getByRole("searchbox", { name: /Suchen/ }).fill("10001");
    await page.getByRole("link", { name: /Vaterschafts/ }).click();
    await expect.poll(() => heading(page)).toContain("(10001)");
    await page.getByLabel("Als EfA-Dienst angeboten (EfA-Marktplatz)").check();
    await page.getByRole("button", { name: "Angaben speichern" }).click();
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toBe("Bitte das bereitstellende Land angeben.");
    await page.getByLabel("Bereitstellendes Land").selectOption("Hamburg");
    await page.getByLabel("Priorität").selectOption({ label: "OZG-Booster" });
    await page.getByRole("button", { name: "Angaben speichern" }).click();
    await expect
      .poll(() => page.getByRole("status").allTextContents())
      .toContain("Die Angaben wurden gespeichert.");
    await expectAccessible(page);
    await page.reload();
    await expect.poll(() => page.getByLabel("Bereitstellendes Land").inputValue()).toBe("Hamburg");
    expect(await page.getByLabel("Priorität").inputValue()).toBe("ozg_booster");

    await page.goto("/land/katalog/import");
    await page.getByRole("button", { name: "Prüfen" }).click();
    await expect
      .poll(() => page.getByRole("region", { name: "Ergebnis der Prüfung" }).innerText())
      .toContain("Keine Zeile abgelehnt");
    await expectAccessible(page);
    await context.close();
  });
});
