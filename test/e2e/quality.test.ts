// What a new user meets across the modules, found in a walk through every role's pages: pages fit a phone's width,
// a forbidden page and a wrong address get a page of their own in German, a session that ended elsewhere leads back
// to the sign-in, a page whose code is gone after an update says so, and nobody is offered what they may not do.
import { DEMO_PASSWORD } from "@spatz/db/seed";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let tenant: FixtureTenant;
let other: FixtureTenant;
let otherProjectId: string;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  [tenant, other] = await Promise.all([
    createTenant(env.app.client.db, "qualitaet", "verbandsgemeinde"),
    createTenant(env.app.client.db, "qualitaet-b"),
  ]);
  // A few rows with long German words, so that tables and forms have something wide to show.
  const api = await apiAs(tenant, "coordinator");
  const gb = await api.must<{ id: string }>("orgUnits.create", {
    kind: "gb",
    code: "GB-Zentral",
    name: "Geschäftsbereich Zentrale Dienste, Informationssicherheitsmanagement und Digitalisierungsangelegenheiten",
  });
  await api.must("orgUnits.create", {
    kind: "r",
    code: "Informationstechnik",
    name: "Informationssicherheitsbeauftragtenangelegenheiten",
    parentId: gb.id,
  });
  for (const title of [
    "Informationssicherheitsbeauftragte/r bestellt und Informationssicherheitsleitlinie beschlossen",
    "Dokumentenmanagementsystemeinführung im Bürgerservice <b>mit</b> Ümlauten 🚀",
  ])
    await api.must("measures.create", {
      title,
      description: "Verwaltungsdigitalisierungsbeschleunigungsmaßnahme",
      criterionKeys: ["strategie.1.verantwortung"],
      plannedStart: "2027-01-01",
      plannedEnd: "2027-06-30",
    });
  const otherApi = await apiAs(other, "coordinator");
  const otherGb = await otherApi.must<{ id: string }>("orgUnits.create", {
    kind: "gb",
    code: "B",
    name: "Bau",
  });
  const otherR = await otherApi.must<{ id: string }>("orgUnits.create", {
    kind: "r",
    code: "60",
    name: "Bauordnung",
    parentId: otherGb.id,
  });
  otherProjectId = (
    await otherApi.must<{ id: string }>("portfolio.create", {
      gbId: otherGb.id,
      rId: otherR.id,
      name: "Geheimes Bauvorhaben der Kommune B",
      start: "2027-01-01",
      end: "2027-12-31",
      status: "in_progress",
    })
  ).id;
});
afterAll(() => env?.close());

async function apiAs(t: FixtureTenant, role: string): Promise<ApiSession> {
  return new ApiSession(
    env.app,
    await sessionCookie(env.app.client.db, t.id, t.users[role]!.id),
    env.baseUrl,
  );
}

async function as(t: FixtureTenant, role: string) {
  const session = await newPage(env);
  await signIn(session.page, t.slug, t.users[role]!.email, TEST_PASSWORD);
  return session;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).allTextContents();

/** Opens a page and waits until nothing is loading any more. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.locator("main h1").first().waitFor();
  await expect.poll(() => page.locator(".state-loading").count()).toBe(0);
}

/** How far the page is wider than the window (0: no horizontal scrollbar on the page itself). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("pages fit the window (WCAG 1.4.10 Reflow)", () => {
  it("at 400 px no page scrolls sideways: wide tables scroll on their own, long words and selects wrap", async () => {
    const checks: [FixtureTenant | "halle" | "land", string, string[]][] = [
      [
        tenant,
        "coordinator",
        ["/massnahmen", "/massnahmen/neu", "/strategie", "/konto", "/verwaltung/organisation"],
      ],
      [tenant, "admin", ["/verwaltung/benutzer", "/verwaltung/protokoll"]],
      ["halle", "cdo", ["/rollout", "/rollout/10000"]],
      [
        "land",
        "pmo",
        ["/land/kommunen", "/land/katalog", "/land/katalog/10000", "/land/kosten", "/land/rollout/eintraege"],
      ],
    ];
    const wide: string[] = [];
    for (const [who, role, paths] of checks) {
      const { context, page } =
        who === "halle" || who === "land" ? await newPage(env) : await as(who as FixtureTenant, role);
      if (who === "halle") await signIn(page, "halle-saale", "cdo@halle-saale.example", DEMO_PASSWORD);
      if (who === "land") await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
      await page.setViewportSize({ width: 400, height: 800 });
      for (const path of paths) {
        await open(page, path);
        const px = await sideways(page);
        if (px > 0) wide.push(`${path}: ${px} px`);
        // A table that scrolls is a named region keyboard users can focus and scroll (axe: scrollable-region-focusable).
        await expectAccessible(page);
      }
      if (who === "land") {
        // The state's list of records is the widest table: at a desktop's 1280 px it scrolls inside, too.
        await page.setViewportSize({ width: 1280, height: 900 });
        await open(page, "/land/rollout/eintraege");
        if ((await sideways(page)) > 0) wide.push("/land/rollout/eintraege at 1280 px");
      }
      await context.close();
    }
    expect(wide).toEqual([]);
  });
});

describe("tables fit the screens they are read on", () => {
  /** How far the first table's own scroll box is wider than it shows (0: every column in view). */
  const tableOverflow = (page: Page) =>
    page
      .locator(".table-scroll")
      .first()
      .evaluate((box) => box.scrollWidth - box.clientWidth);
  /** The first row's visible cells with their widths, to say which column is too wide when one is. */
  const widths = (page: Page) =>
    page
      .locator(".table-scroll tbody tr")
      .first()
      .evaluate((tr) =>
        [...tr.querySelectorAll("td")]
          .filter((td) => td.getClientRects().length > 0)
          .map((td) => `${td.textContent?.slice(0, 40)}: ${Math.round(td.getBoundingClientRect().width)} px`)
          .join(", "),
      );

  it("the Land's entries show every column at 1366 px; the portfolio list is compact on a phone", async () => {
    const land = await newPage(env);
    await signIn(land.page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await land.page.setViewportSize({ width: 1366, height: 768 });
    await open(land.page, "/land/rollout/eintraege");
    await land.page.getByRole("table", { name: "Einträge der Kommunen" }).waitFor();
    expect(await tableOverflow(land.page)).toBeLessThanOrEqual(1);
    expect(await land.page.getByRole("columnheader", { name: "zuletzt geändert" }).isVisible()).toBe(true);
    // The status cell says since when ("in Umsetzung seit …"), instead of a column of its own.
    expect(
      await land.page
        .getByRole("cell")
        .filter({ hasText: /seit \d{2}\.\d{2}\.\d{4}/ })
        .count(),
    ).toBeGreaterThan(0);
    await land.context.close();

    // In the other Kommune: this one's portfolio stays empty for the test of its empty state.
    const api = await apiAs(other, "coordinator");
    const gb = await api.must<{ id: string }>("orgUnits.create", {
      kind: "gb",
      code: "GB-T",
      name: "Tabellen",
    });
    const r = await api.must<{ id: string }>("orgUnits.create", {
      kind: "r",
      code: "R-T",
      name: "Tabellen-Ressort",
      parentId: gb.id,
    });
    await api.must("portfolio.create", {
      gbId: gb.id,
      rId: r.id,
      name: "Bürgerportalmodernisierungsprojekt",
      start: "2027-01-01",
      end: "2028-06-30",
      status: "in_progress",
    });
    const { context, page } = await as(other, "coordinator");
    await page.setViewportSize({ width: 400, height: 800 });
    await open(page, "/portfolio");
    const table = page.getByRole("table", { name: "Projekte" });
    await table.waitFor();
    expect(await tableOverflow(page), await widths(page)).toBeLessThanOrEqual(1);
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "Projektname",
      "Status",
      "Budget",
    ]);
    // What the hidden columns held stands under each name: GB / R and the dates.
    const firstName = table.getByRole("row").nth(1).getByRole("cell").first();
    expect(await firstName.textContent()).toMatch(/ \/ .* · \d{2}\.\d{2}\.\d{4} – \d{2}\.\d{2}\.\d{4}/);
    await expectAccessible(page);
    // On a desktop every column is back and the extra line is gone.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await table.getByRole("columnheader").count()).toBe(10);
    expect(await page.locator(".phone-only").first().isVisible()).toBe(false);
    await context.close();
  });
});

describe("German order", () => {
  it("the Land's list of Kommunen sorts Möser before Muldestausee, as German readers expect", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await open(page, "/land/kommunen");
    await page.getByLabel("Suchen").fill("Gemeinde M");
    const names = () => page.locator("table tbody tr td:first-child").allTextContents();
    await expect.poll(async () => (await names()).some((n) => n.includes("Muldestausee"))).toBe(true);
    const list = await names();
    const moeser = list.findIndex((n) => n.includes("Gemeinde Möser"));
    expect(moeser, list.join(" | ")).toBeGreaterThanOrEqual(0);
    expect(moeser).toBeLessThan(list.findIndex((n) => n.includes("Gemeinde Muldestausee")));
    await context.close();
  });
});

describe("printing", () => {
  it("the portfolio and the Land's rollout print without navigation, with their tables and the tenant on top", async () => {
    const checks: [Promise<{ context: BrowserContext; page: Page }>, string, string, string][] = [
      [as(other, "coordinator"), "/portfolio", other.name, "Projekte"],
      [
        (async () => {
          const session = await newPage(env);
          await signIn(session.page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
          return session;
        })(),
        "/land/rollout",
        "Land Sachsen-Anhalt",
        "Abdeckung je Themenfeld",
      ],
    ];
    for (const [session, path, tenantName, tableName] of checks) {
      const { context, page } = await session;
      await open(page, path);
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.emulateMedia({ media: "print" });
      expect(await page.getByRole("navigation", { name: "Hauptnavigation" }).isVisible(), path).toBe(false);
      expect(await page.locator(".sub-nav").first().isVisible(), path).toBe(false);
      expect(await page.locator(".print-header").textContent(), path).toContain(tenantName);
      expect(await page.getByRole("heading", { level: 1 }).isVisible(), path).toBe(true);
      expect(await page.getByRole("table", { name: tableName }).first().isVisible(), path).toBe(true);
      expect(await page.getByRole("button").first().isVisible(), path).toBe(false);
      await context.close();
    }
  });
});

describe("a phone's screen is for the page", () => {
  it("at 400 px brand and 'Menü' take one line; the menu opens by keyboard, leads on and closes again", async () => {
    const { context, page } = await as(tenant, "coordinator");
    await page.setViewportSize({ width: 400, height: 800 });
    await open(page, "/start");
    const header = await page.locator(".app-header").boundingBox();
    expect(header!.height).toBeLessThan(800 * 0.1);
    const nav = page.getByRole("navigation", { name: "Hauptnavigation" });
    expect(await nav.isVisible()).toBe(false);
    const toggle = page.getByRole("button", { name: "Menü" });
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await toggle.focus();
    await page.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await nav.isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Abmelden" }).isVisible()).toBe(true);
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Maßnahmen" }).click();
    await page.waitForURL("**/massnahmen");
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await nav.isVisible()).toBe(false);
    // On a desktop the menu is always there and the button is not.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await nav.isVisible()).toBe(true);
    expect(await toggle.isVisible()).toBe(false);
    await context.close();
  });
});

describe("a first load that does not jump (layout shift)", () => {
  /** Sums the layout shifts of the page from its first paint, as Lighthouse's CLS does. */
  const observeShifts = (page: Page) =>
    page.addInitScript(() => {
      const w = window as unknown as { __shift: number };
      w.__shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!entry.hadRecentInput) w.__shift += entry.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
  const shift = (page: Page) => page.evaluate(() => (window as unknown as { __shift: number }).__shift);

  it("the menu is in the first paint of a signed-in page, and the start page's tiles appear together", async () => {
    const { context, page } = await as(tenant, "coordinator");
    await observeShifts(page);
    // Asking for the session fails from now on: the menu can only come from the page itself.
    await page.route(/\/trpc\/[^?]*auth\.session/, (route) => route.abort());
    for (const path of ["/start", "/massnahmen", "/portfolio", "/reifegrad"]) {
      await page.goto(path, { waitUntil: "commit" });
      // The server put the session into the page: the menu does not wait for a request.
      await page.getByRole("navigation", { name: "Hauptnavigation" }).waitFor({ timeout: 5000 });
      await open(page, path);
      await page.waitForTimeout(300);
      expect(await shift(page), path).toBeLessThan(0.1);
    }
    await context.close();
  });

  it("the sign-in page of a visitor does not wait for the session either", async () => {
    const { context, page } = await newPage(env);
    await observeShifts(page);
    await page.goto("/anmelden");
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForTimeout(500);
    expect(await shift(page)).toBeLessThan(0.1);
    await context.close();
  });
});

describe("a page of its own for every dead end", () => {
  it("a Kommune user on a state page and a viewer on an edit page read 'Kein Zugriff' as the heading", async () => {
    const { context, page } = await as(tenant, "viewer");
    for (const path of ["/land/kommunen", "/land/rollout", "/massnahmen/neu", "/portfolio/import"]) {
      await page.goto(path);
      await expect.poll(() => heading(page)).toEqual(["Kein Zugriff"]);
      await expect.poll(() => page.title()).toBe("Kein Zugriff – SPATZ");
      expect(await page.getByRole("alert").textContent()).toContain("Berechtigung");
    }
    expect(await page.getByRole("link", { name: "Zur Startseite" }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  });

  it("another Kommune's project and a malformed address both read 'gibt es nicht', leak nothing, offer no retry", async () => {
    const { context, page } = await as(tenant, "coordinator");
    await page.goto(`/portfolio/projekte/${otherProjectId}`);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Dieses Projekt gibt es nicht.");
    expect(await page.locator("main").innerText()).not.toContain("Geheimes Bauvorhaben");
    expect(await page.getByRole("button", { name: "Erneut versuchen" }).count()).toBe(0);

    await page.goto("/portfolio/projekte/123");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Diesen Eintrag gibt es nicht. Bitte prüfen Sie die Adresse.");
    expect(await page.getByRole("button", { name: "Erneut versuchen" }).count()).toBe(0);
    await context.close();
  });

  it("a session that ended elsewhere leads to the sign-in of the same administration, with a notice", async () => {
    const { context, page } = await as(tenant, "viewer");
    await open(page, "/massnahmen");
    // "Überall abmelden" on another device ends this browser's session, too.
    await (await apiAs(tenant, "viewer")).must("account.logoutEverywhere");
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Strategie" })
      .click();
    await page.waitForURL(`**/t/${tenant.slug}/anmelden?sitzung=beendet`);
    await expect
      .poll(() => page.getByRole("status").first().textContent())
      .toContain("Ihre Sitzung ist abgelaufen oder wurde beendet.");
    // A wrong password on that page is an error of the form, not another redirect.
    await page.getByLabel("E-Mail-Adresse").fill(tenant.users.viewer!.email);
    await page.getByLabel("Passwort").fill("falsches-passwort");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("E-Mail-Adresse oder Passwort");
    await context.close();
  });

  it("a page whose code is gone after an update asks to reload instead of staying blank", async () => {
    const { context, page } = await as(tenant, "coordinator");
    await page.route(/\/assets\/TimelinePage-[^/]+\.js$/, (route) =>
      route.fulfill({ status: 404, body: "" }),
    );
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Portfolio" })
      .click();
    await page.getByRole("link", { name: "Zeitplan" }).first().click();
    await expect.poll(() => heading(page)).toEqual(["Neue Version verfügbar"]);
    expect(await page.getByRole("button", { name: "Seite neu laden" }).count()).toBe(1);
    // Another page works again without a reload.
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Maßnahmen" })
      .click();
    await expect.poll(() => heading(page)).toEqual(["Maßnahmen"]);
    await context.close();
  });
});

describe("input at the limits", () => {
  it("a search field takes no more than the server accepts, so a long paste filters instead of failing", async () => {
    const { context, page } = await as(tenant, "coordinator");
    for (const [path, label] of [
      ["/massnahmen", "Suchen"],
      ["/portfolio", "Suchen"],
      ["/rollout", "Suchen (Name oder OZG-ID)"],
    ] as const) {
      await open(page, path);
      await page.getByLabel(label, { exact: true }).fill("Ä".repeat(150));
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toHaveLength(100);
      await expect.poll(() => page.locator(".state-loading").count()).toBe(0);
      expect(await page.getByRole("alert").count()).toBe(0);
    }
    await context.close();
  });

  it("a measure titled with markup, umlauts and emoji is stored and shown as typed, never as HTML", async () => {
    const { context, page } = await as(tenant, "coordinator");
    await open(page, "/massnahmen");
    await page.getByLabel("Suchen", { exact: true }).fill("Ümlauten");
    const link = page.getByRole("link", {
      name: "Dokumentenmanagementsystemeinführung im Bürgerservice <b>mit</b> Ümlauten 🚀",
    });
    await expect.poll(() => link.count()).toBe(1);
    expect(await page.locator("main b").count()).toBe(0);
    await context.close();
  });
});

describe("nobody is offered what they may not do", () => {
  it("the Verwaltungsführung's empty portfolio tile offers no import; the PMO's does", async () => {
    const leadership = await as(tenant, "leadership");
    const tile = leadership.page.getByRole("region", { name: "Projektportfolio" });
    await expect.poll(() => tile.textContent()).toContain("Noch keine Projekte.");
    expect(await tile.getByRole("link", { name: "Projektliste importieren" }).count()).toBe(0);
    await leadership.context.close();

    const pmo = await as(tenant, "coordinator");
    const pmoTile = pmo.page.getByRole("region", { name: "Projektportfolio" });
    await expect.poll(() => pmoTile.getByRole("link", { name: "Projektliste importieren" }).count()).toBe(1);
    await pmo.context.close();
  });

  it("a Kommune reading the OZG catalogue gets no link to the state's records of every Kommune", async () => {
    const { context, page } = await as(tenant, "coordinator");
    await open(page, "/land/katalog/10000");
    expect(await page.getByRole("link", { name: "Zurück zum Katalog" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Stand in den Kommunen" }).count()).toBe(0);
    await context.close();

    const state = await newPage(env);
    await signIn(state.page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await open(state.page, "/land/katalog/10000");
    expect(await state.page.getByRole("link", { name: "Stand in den Kommunen" }).count()).toBe(1);
    await state.context.close();
  });
});
