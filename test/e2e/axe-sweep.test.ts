// axe on every page of the app (issue 15: "axe stays at zero on every page"): each route as the role that uses it, with
// the demo data of Halle and the Land, pages with an id opened through the first link of their list. Every WCAG 2.1 A/AA
// violation counts here, whatever its impact; the flows' own tests check the serious ones where they act.
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD } from "@spatz/db/seed";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, newPage, signIn, startBrowserEnv } from "../src/browser.ts";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => env?.close());

/** A page, or a list page whose first link (matching `link`) leads to the page to check. */
type Visit = string | { list: string; link: string };

const SIGNED_OUT: Visit[] = [
  "/anmelden",
  "/t/halle-saale/anmelden",
  "/impressum",
  "/datenschutz",
  "/barrierefreiheit",
  "/hilfe",
];

const USERS: { slug: string; email: string; visits: Visit[] }[] = [
  {
    slug: "halle-saale",
    email: "cdo@halle-saale.example",
    visits: [
      "/start",
      "/reifegrad",
      "/strategie",
      "/massnahmen",
      "/massnahmen/board",
      "/massnahmen/neu",
      { list: "/massnahmen", link: "table a[href^='/massnahmen/']" },
      "/portfolio",
      "/portfolio/zeitplan",
      "/portfolio/uebersicht",
      "/portfolio/anmeldung",
      "/portfolio/kapazitaet",
      "/portfolio/pm-koffer",
      "/portfolio/import",
      "/portfolio/projekte/neu",
      { list: "/portfolio", link: "table a[href^='/portfolio/projekte/']" },
      "/rollout",
      { list: "/rollout", link: "table a[href^='/rollout/']" },
      "/vergleich",
      "/berichte",
      "/steuerung/gremien",
      "/steuerung/raci",
      "/steuerung/prozesse",
      "/hilfe/rollout",
      "/konto",
    ],
  },
  {
    slug: "halle-saale",
    email: "admin@halle-saale.example",
    visits: [
      "/verwaltung/benutzer",
      "/verwaltung/organisation",
      "/verwaltung/protokoll",
      "/verwaltung/vergleich",
      "/verwaltung/export",
    ],
  },
  {
    slug: "land-sachsen-anhalt",
    email: "pmo@land.example",
    visits: [
      "/start",
      "/land/kommunen",
      { list: "/land/kommunen", link: "table a[href^='/land/kommunen/']" },
      "/land/reifegrad",
      "/land/reifegradmodell",
      { list: "/land/reifegradmodell", link: "a[href^='/land/reifegradmodell/']" },
      "/land/rollout",
      "/land/rollout/leistungen",
      "/land/rollout/regionen",
      "/land/rollout/verlauf",
      "/land/rollout/eintraege",
      { list: "/land/rollout/eintraege", link: "table a[href^='/land/rollout/eintraege/']" },
      "/land/katalog",
      "/land/katalog/10000",
      "/land/kosten",
      "/land/pm-koffer",
      "/berichte",
    ],
  },
  {
    slug: "land-sachsen-anhalt",
    email: "admin@land.example",
    visits: ["/land/hintergrundaufgaben", "/land/katalog/import", "/verwaltung/benutzer"],
  },
];

/** Opens a page and waits until nothing is loading any more. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await page.locator("main h1").first().waitFor();
  await expect.poll(() => page.locator(".state-loading").count(), { timeout: 20_000 }).toBe(0);
}

async function violations(page: Page, visit: Visit): Promise<string[]> {
  if (typeof visit === "string") await open(page, visit);
  else {
    await open(page, visit.list);
    const link = page.locator(visit.link).first();
    await link.waitFor();
    await link.click();
    await page.waitForURL((u) => u.pathname !== visit.list);
    await page.locator("main h1").first().waitFor();
    await expect.poll(() => page.locator(".state-loading").count(), { timeout: 20_000 }).toBe(0);
  }
  const where = new URL(page.url()).pathname;
  // A page the role may not open would test the wrong thing.
  expect(await page.locator("main h1").first().textContent(), where).not.toBe("Kein Zugriff");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return results.violations.map(
    (v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

/** The demo Kommune of the test database has no measure and no project yet: one each, so their pages exist. */
async function ensureContent(slug: string, email: string) {
  const api = new ApiSession(env.app, null, env.baseUrl);
  await api.must("auth.login", { tenantSlug: slug, email, password: DEMO_PASSWORD });
  await api.must("measures.create", {
    title: "Barrierefreiheit prüfen",
    description: "Eine Maßnahme, damit ihre Seite geprüft werden kann.",
    criterionKeys: ["strategie.1.verantwortung"],
    plannedStart: "2027-01-01",
    plannedEnd: "2027-06-30",
  });
  const gb = await api.must<{ id: string }>("orgUnits.create", { kind: "gb", code: "AX", name: "Prüfung" });
  const r = await api.must<{ id: string }>("orgUnits.create", {
    kind: "r",
    code: "AX-1",
    name: "Prüfung 1",
    parentId: gb.id,
  });
  await api.must("portfolio.create", {
    gbId: gb.id,
    rId: r.id,
    name: "Barrierefreies Portal",
    start: "2027-01-01",
    end: "2027-12-31",
    status: "in_progress",
  });
}

describe("axe on every page", () => {
  it("finds no WCAG 2.1 A/AA violation on the pages of a visitor", async () => {
    const { context, page } = await newPage(env);
    const found: string[] = [];
    for (const visit of SIGNED_OUT) found.push(...(await violations(page, visit)));
    await context.close();
    expect(found).toEqual([]);
  });

  for (const user of USERS)
    it(`finds no WCAG 2.1 A/AA violation on the pages of ${user.email}`, async () => {
      const { context, page } = await newPage(env);
      await signIn(page, user.slug, user.email, DEMO_PASSWORD);
      if (user.email.startsWith("cdo@")) await ensureContent(user.slug, user.email);
      const found: string[] = [];
      for (const visit of user.visits) found.push(...(await violations(page, visit)));
      await context.close();
      expect(found).toEqual([]);
    }, 180_000);
});
