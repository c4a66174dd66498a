// The PM-Koffer in the browser (issue 17): the Landes-PMO edits and publishes a version; a Kommune's CDO sees it with
// the notice of a new version, adds a chapter of its own (Markdown shown formatted, HTML shown as text), takes note;
// the project's checklist links the chapter of a standard; a project lead chooses the method with the decision aid.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, stateTenant, TEST_PASSWORD } from "../src/fixtures.ts";
import { projectFixture } from "../src/portfolio.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;
let state: FixtureTenant;
let projectId: string;
const TITLE = `PM-Koffer Sachsen-Anhalt ${Date.now()}`;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "pm-koffer-browser");
  state = await stateTenant(env.app.client.db);
  ({ projectId } = await projectFixture(env.app.client.db, kommune.id, {
    leadUserId: kommune.users.project_lead!.id,
    name: "Digitale Bauakte",
  }));
}, 60_000);
afterAll(() => env?.close());

describe("PM-Koffer", () => {
  it("the Land publishes a version; a Kommune reads it with its own chapter", async () => {
    const land = await newPage(env);
    await signIn(land.page, state.slug, state.users.state_pmo!.email, TEST_PASSWORD);
    await land.page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "PM-Koffer" })
      .click();
    await land.page.waitForURL("**/land/pm-koffer");
    const draft = land.page.getByRole("form", { name: "Entwurf des PM-Koffers" });
    await expect.poll(() => draft.count()).toBe(1);
    await draft.getByLabel("Titel", { exact: true }).fill(TITLE);
    await draft.getByLabel("Was ist neu?").fill("Risikomanagement überarbeitet");
    // Start from what is there and add the risk chapter, explaining the risk list.
    await draft.getByRole("button", { name: "Kapitel hinzufügen" }).click();
    const n = await draft.locator("fieldset.handbook-edit").count();
    await draft.getByLabel(`Titel von Kapitel ${n}`).fill("Risikomanagement in der Verwaltung");
    await draft.getByLabel(`PM-Standard von Kapitel ${n}`).selectOption("risk_register");
    await draft
      .getByLabel(`Text von Kapitel ${n}`)
      .fill("Jedes Risiko hat **Eintritt × Auswirkung**.\n\n- kritisch ab 15");
    await draft.getByRole("button", { name: "Entwurf speichern" }).click();
    await expect.poll(() => land.page.getByText("Der Entwurf ist gespeichert.").count()).toBe(1);
    await expectAccessible(land.page);
    await draft.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect.poll(() => land.page.getByText("für alle Kommunen veröffentlicht").count()).toBe(1);
    const published = await land.page.getByText("für alle Kommunen veröffentlicht").innerText();
    const version = Number(/Fassung (\d+)/.exec(published)![1]);
    expect(await land.page.getByRole("region", { name: "Veröffentlichte Fassungen" }).innerText()).toContain(
      `Fassung ${version} „${TITLE}“`,
    );

    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page.goto("/portfolio");
    await page
      .getByRole("navigation", { name: "Portfolio" })
      .getByRole("link", { name: "PM-Koffer" })
      .click();
    const notice = page.getByRole("region", { name: `Neue Fassung ${version} des PM-Koffers` });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.innerText()).toContain("Risikomanagement überarbeitet");
    const chapter = page.getByRole("article", { name: "Risikomanagement in der Verwaltung" });
    expect(await chapter.locator("strong").innerText()).toBe("Eintritt × Auswirkung");
    expect(await chapter.innerText()).toContain("PM-Standard „Risikoliste“");

    // The Kommune's own chapter: Markdown formatted, HTML as text.
    const own = page.getByRole("form", { name: "Eigenes Kapitel ergänzen" });
    await own.getByLabel("Titel").fill("Projektanmeldung bei uns");
    await own.getByLabel("Text").fill('Bis **30.09.** anmelden. <img src=x onerror="window.pwned=1">');
    await own.getByRole("button", { name: "Kapitel ergänzen" }).press("Enter");
    const mine = page.getByRole("article", { name: "Projektanmeldung bei uns" });
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator("strong").innerText()).toBe("30.09.");
    expect(await mine.locator("img").count()).toBe(0);
    expect(await mine.innerText()).toContain("<img src=x");
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.getByRole("navigation", { name: "Inhalt des PM-Koffers" }).innerText()).toContain(
      "Projektanmeldung bei uns (eigenes)",
    );
    await expectAccessible(page);
    await notice.getByRole("button", { name: "Zur Kenntnis genommen" }).click();
    await expect.poll(() => notice.count()).toBe(0);

    // The project's checklist links the chapter that explains the risk list.
    await page.goto(`/portfolio/projekte/${projectId}`);
    const standards = page.getByRole("region", { name: "PM-Standards" });
    await expect
      .poll(() => standards.getByRole("link", { name: "Risikomanagement in der Verwaltung" }).count())
      .toBe(1);
  });

  it("a project lead chooses the method with the decision aid", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.project_lead!.email, TEST_PASSWORD);
    await page.goto(`/portfolio/projekte/${projectId}`);
    const method = page.getByRole("region", { name: "Methode" });
    // The fixture's project works agile; the answers below point to classic.
    await expect.poll(() => method.innerText()).toContain("Dieses Projekt arbeitet agil.");
    await method.getByText("Entscheidungshilfe: klassisch, agil oder hybrid?").click();
    const aid = method.getByRole("form", { name: "Entscheidungshilfe zur Methode" });
    for (const [question, answer] of [
      ["Stehen die Anforderungen", "ja"],
      ["Können Fachbereich", "nein"],
      ["Sind Leistungsumfang", "ja"],
      ["Lässt sich das Ergebnis", "nein"],
      ["Betritt das Projekt Neuland", "nein"],
    ] as const)
      await aid
        .getByRole("group", { name: new RegExp(question) })
        .getByLabel(answer)
        .check();
    expect(await aid.getByRole("status").innerText()).toContain("Vorschlag: klassisch (5 Antworten");
    await aid.getByRole("button", { name: "Methode übernehmen" }).click();
    await expect.poll(() => method.innerText()).toContain("Dieses Projekt arbeitet klassisch.");
    await expect.poll(() => method.getByText("„klassisch“ ist gespeichert").count()).toBe(1);
    await expectAccessible(page);
  });
});
