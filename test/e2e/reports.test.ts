// Browser walk through a report: leadership asks for the Reifegradbericht, watches the progress bar, downloads the PDF
// from the result and finds it in the archive; the PDF's text (pdftotext) carries the index the dashboard shows; a
// viewer sees the archive but no form.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { berlinToday } from "@spatz/domain";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), worker: true });
  kommune = await createTenant(env.app.client.db, "berichte");
  const cdo = new ApiSession(
    env.app,
    await sessionCookie(env.app.client.db, kommune.id, kommune.users.coordinator!.id),
    env.baseUrl,
  );
  const m = await cdo.must<{ id: string }>("measures.create", {
    title: "Digitalisierungsbeauftragte benannt",
    criterionKeys: ["strategie.1.verantwortung"],
  });
  await cdo.must("measures.setStatus", {
    id: m.id,
    status: "completed",
    completedOn: berlinToday(),
    evidenceText: "Verfügung",
  });
}, 60_000);
afterAll(() => env?.close());

async function as(role: string): Promise<Page> {
  const { page } = await newPage(env);
  await signIn(page, kommune.slug, kommune.users[role]!.email, TEST_PASSWORD);
  return page;
}

describe("reports: Reifegradbericht", () => {
  it("leadership generates it with a progress bar, downloads the PDF, and finds it in the archive", async () => {
    const page = await as("leadership");
    await page.goto("/reifegrad");
    const dashboardIndex = await page.evaluate(async () => {
      const r = await fetch("/trpc/maturity.dashboard?input=%7B%22json%22%3A%7B%22orgUnitId%22%3Anull%7D%7D");
      const body = (await r.json()) as {
        result: { data: { json: { dashboard: { current: { index: number } } } } };
      };
      return body.result.data.json.dashboard.current.index;
    });
    await page.getByRole("link", { name: "Berichte", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Berichte");
    await expect.poll(() => page.getByText("Noch kein Bericht im Archiv.").count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Bericht erstellen" }).click();
    await expect.poll(() => page.locator("#report-progress-bar").count()).toBe(1);
    await expect
      .poll(() => page.getByText("Fertig: der Bericht ist im Archiv.").count(), { timeout: 60_000 })
      .toBe(1);
    expect(await page.locator("#report-progress-bar").getAttribute("value")).toBe("100");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "PDF herunterladen" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Reifegradbericht-${kommune.slug}-${berlinToday()}.pdf`);
    const pdf = readFileSync((await download.path())!);
    const text = execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" });
    expect(text).toContain(`Reifegradindex ${dashboardIndex.toFixed(2).replace(".", ",")} von 4`);
    expect(text).toContain("Digitalisierungsbeauftragte benannt");
    // The archive lists it; a viewer downloads from there but cannot ask for a report.
    await expect
      .poll(() => page.getByRole("region", { name: "Archiv" }).innerText())
      .toContain("Reifegradbericht");
    await expectAccessible(page);
    const viewer = await as("viewer");
    await viewer.goto("/berichte");
    await expect
      .poll(() => viewer.getByRole("region", { name: "Archiv" }).innerText())
      .toContain("gesamte Verwaltung");
    expect(await viewer.getByRole("button", { name: "Bericht erstellen" }).count()).toBe(0);
    await page.context().close();
    await viewer.context().close();
  }, 120_000);
});
