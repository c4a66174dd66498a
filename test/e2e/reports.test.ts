// Browser walk through a report: leadership asks for the Reifegradbericht, watches the progress bar, downloads the PDF
// from the result and finds it in the archive; the PDF's text (pdftotext) carries the index the dashboard shows; a
// viewer sees the archive but no form. The Land's PMO subscribes to the Lagebericht and, after the scheduled run,
// finds it in the archive and the notice in the local mail folder (and on its dev page).
// A Redis database of its own (/11): only this file's worker takes these jobs, so its mails land in its folder.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { berlinToday } from "@spatz/domain";
import { previousMonthEnd } from "@spatz/jobs";
import { readMailFolder } from "@spatz/mail";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import {
  createTenant,
  type FixtureTenant,
  sessionCookie,
  stateTenant,
  TEST_PASSWORD,
} from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({
    appUrl: inject("appUrl"),
    redisUrl: `${inject("redisUrl")}/11`,
    worker: true,
  });
  await env.worker!.queues.reports.obliterate({ force: true });
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
      page.getByRole("link", { name: "Den neuen Bericht als PDF herunterladen" }).click(),
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

describe("reports: Lagebericht for the Land", () => {
  it("the PMO subscribes, the scheduled run archives it, and the notice is in the local mail folder", async () => {
    const state = await stateTenant(env.app.client.db);
    const pmo = state.users.state_pmo!;
    const { page } = await newPage(env);
    await signIn(page, state.slug, pmo.email, TEST_PASSWORD);
    await page.getByRole("link", { name: "Berichte", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Berichte");
    await page.getByRole("button", { name: "Lagebericht Digitalisierung abonnieren" }).click();
    await expect.poll(() => page.getByText("Abonniert: Sie erhalten eine E-Mail").count()).toBe(1);
    await expect
      .poll(() => page.getByRole("button", { name: "Lagebericht Digitalisierung abbestellen" }).count())
      .toBe(1);
    await expectAccessible(page);

    // The scheduled run of the 1st of the month, triggered now: the month that has just ended.
    const stichtag = previousMonthEnd(berlinToday());
    const run = await env.worker!.queues.reports.add("report.schedule", { kind: "lagebericht" });
    await expect.poll(() => run.getState(), { timeout: 60_000 }).toBe("completed");
    const mail = await expect
      .poll(() => readMailFolder(env.app.mailDir).filter((m) => m.to === pmo.email).length, {
        timeout: 60_000,
      })
      .toBe(1)
      .then(() => readMailFolder(env.app.mailDir).find((m) => m.to === pmo.email)!);
    const german = stichtag.split("-").reverse().join(".");
    expect(mail.subject).toBe(`SPATZ: Lagebericht Digitalisierung zum ${german} liegt bereit`);
    expect(mail.text).toContain(`${env.baseUrl}/berichte`);

    // The link leads to the archive, where the report is.
    await page.goto("/berichte");
    const archive = page.getByRole("region", { name: "Archiv" });
    await expect.poll(() => archive.innerText()).toContain("Lagebericht Digitalisierung");
    expect(await archive.innerText()).toContain(german);
    expect(await archive.innerText()).toContain("Zeitplan");
    await expectAccessible(page);

    // The dev page lists the mail, as `pnpm start` shows it to a newcomer.
    await page.goto("/entwicklung/mails");
    await expect.poll(() => page.getByRole("heading", { name: mail.subject }).count()).toBeGreaterThan(0);
    await page.context().close();
  }, 120_000);
});
