// IT-Governance in the browser (issue 17): the CDO creates the Digitalisierungsrat with its chair, records a meeting
// with a Beschluss that adopts the strategy and evidences "IT-Governance definiert", publishes the RACI matrix and
// describes a process with its review; the maturity criterion shows as fulfilled by those artefacts, the strategy names
// its Beschluss, and a viewer reads everything without the forms. Axe finds nothing on each page.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "governance");
  // An approved strategy for the whole administration: the Beschluss will name its version.
  const session = async (role: string) =>
    new ApiSession(
      env.app,
      await sessionCookie(env.app.client.db, kommune.id, kommune.users[role]!.id),
      env.baseUrl,
    );
  const strategy = await (await session("coordinator")).must<{ id: string }>("strategies.save", {
    orgUnitId: null,
    title: "Digitalstrategie 2030",
    targets: [{ dimensionKey: "strategie", level: 2, dueOn: "2027-12-31" }],
  });
  await (await session("leadership")).must("strategies.approve", { id: strategy.id });
}, 60_000);
afterAll(() => env?.close());

describe("IT-Governance", () => {
  it("a CDO's Gremium, Beschluss, RACI and process fulfil the IT-Governance criterion", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page
      .getByRole("navigation", { name: "Hauptnavigation" })
      .getByRole("link", { name: "Governance" })
      .click();
    await page.waitForURL("**/steuerung/gremien");
    await expect.poll(() => page.getByText("Noch kein Gremium angelegt.").count()).toBe(1);
    await expectAccessible(page);

    // A name too short is refused at the field, with focus on it.
    const create = page.getByRole("form", { name: "Gremium anlegen" });
    await create.getByLabel("Name").fill("D");
    await create.getByRole("button", { name: "Gremium anlegen" }).press("Enter");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-invalid")))
      .toBe("true");
    await create.getByLabel("Name").fill("Digitalisierungsrat");
    await create.getByLabel("Sitzungsrhythmus").selectOption("quarterly");
    await create
      .getByLabel("Zweck und Aufgaben")
      .fill("Steuert die Digitalstrategie und priorisiert Projekte.");
    await create.getByRole("button", { name: "Gremium anlegen" }).press("Enter");
    await page.waitForURL(/\/steuerung\/gremien\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe("Digitalisierungsrat");

    // The chair: a user of the Kommune.
    await page.getByRole("button", { name: "Gremium bearbeiten" }).click();
    const edit = page.getByRole("form", { name: "Gremium bearbeiten" });
    await edit.getByRole("button", { name: "Person hinzufügen" }).click();
    await edit
      .getByLabel("Person 1", { exact: true })
      .selectOption({ label: kommune.users.leadership!.displayName });
    await edit.getByLabel("Funktion der Person 1").selectOption("chair");
    await edit.getByRole("button", { name: "Speichern" }).click();
    const members = page.getByRole("region", { name: "Zweck und Mitglieder" });
    await expect.poll(() => members.getByRole("row").nth(1).innerText()).toContain("Vorsitz");
    expect(await members.innerText()).toContain(kommune.users.leadership!.displayName);

    // A meeting, and in it the Beschluss that adopts the strategy and evidences the criterion.
    const meetings = page.getByRole("region", { name: "Sitzungen und Beschlüsse" });
    await meetings.getByText("Sitzung erfassen", { exact: true }).click();
    const meetingForm = page.getByRole("form", { name: "Sitzung erfassen" });
    await meetingForm.getByLabel("Datum der Sitzung").fill("2025-03-12");
    await meetingForm.getByLabel("Tagesordnung").fill("Konstituierung\nDigitalstrategie 2030");
    await meetingForm.getByRole("button", { name: "Sitzung speichern" }).click();
    const meeting = meetings.getByRole("article", { name: "Sitzung am 12.03.2025" });
    await expect.poll(() => meeting.count()).toBe(1);
    // The form stays open with its message, which has the focus (the list updated around it).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Die Sitzung ist gespeichert.");
    expect(await meeting.getByRole("listitem").allInnerTexts()).toEqual([
      "Konstituierung",
      "Digitalstrategie 2030",
    ]);

    await meeting.getByText("Beschluss erfassen", { exact: true }).click();
    const decision = meeting.getByRole("form", { name: "Beschluss erfassen" });
    await decision.getByLabel("Beschlussnummer").fill("DR 2025/01");
    await decision.getByLabel("Gegenstand").fill("Digitalstrategie 2030 beschlossen");
    await decision.getByLabel("Art", { exact: true }).selectOption("strategy_version");
    await decision
      .getByLabel("Strategie (Fassung)")
      .selectOption({ label: "Digitalstrategie 2030, Fassung 1" });
    await decision.getByRole("button", { name: "Verknüpfen" }).click();
    await decision.getByText("Strategie & Steuerung", { exact: true }).click();
    await decision.getByLabel("IT-Governance definiert (Rollen, Gremien, Prozesse)").check();
    await decision.getByRole("button", { name: "Beschluss speichern" }).click();
    const row = meeting.getByRole("row").filter({ hasText: "DR 2025/01" });
    await expect.poll(() => row.count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe("Der Beschluss ist gespeichert.");
    const rowText = await row.innerText();
    expect(rowText).toContain("beschlossen");
    expect(rowText).toContain("Digitalstrategie 2030, Fassung 1");
    expect(rowText).toContain("IT-Governance definiert");
    await expectAccessible(page);

    // The strategy names the Beschluss that adopted its version.
    await page.goto("/strategie");
    await expect.poll(() => page.getByText("Beschlossen:").count()).toBe(1);
    expect(await page.getByText("Beschlossen:").innerText()).toContain(
      "Digitalisierungsrat, 12.03.2025, DR 2025/01",
    );

    // The RACI matrix: the starter draft with one A per area, evidence for the same criterion, published.
    await page.goto("/steuerung/raci");
    await expect.poll(() => page.getByText("Noch keine RACI-Matrix veröffentlicht.").count()).toBe(1);
    const draft = page.getByRole("form", { name: "Entwurf der RACI-Matrix" });
    // Two A's in one row block publishing, and the page says why.
    await draft.getByLabel("Digitalstrategie – Digitalisierungsrat").selectOption("A");
    await expect.poll(() => page.getByText("Noch nicht veröffentlichungsreif").count()).toBe(1);
    expect(await draft.getByRole("button", { name: "Veröffentlichen" }).isDisabled()).toBe(true);
    await draft.getByLabel("Digitalstrategie – Digitalisierungsrat").selectOption("C");
    await draft.getByText("Strategie & Steuerung", { exact: true }).click();
    await draft.getByLabel("IT-Governance definiert (Rollen, Gremien, Prozesse)").check();
    await draft.getByLabel("Beschlossen mit").selectOption({ index: 1 });
    await draft.getByRole("button", { name: "Veröffentlichen" }).click();
    await expect.poll(() => page.getByText("Fassung 1 ist veröffentlicht").count()).toBe(1);
    const current = page.getByRole("region", { name: "Geltende Fassung 1" });
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.innerText()).toContain("beschlossen mit DR 2025/01");
    expect(await current.getByRole("row").nth(1).innerText()).toContain("Digitalstrategie");
    await expectAccessible(page);

    // A process with its review: due in a year.
    await page.goto("/steuerung/prozesse");
    await expect.poll(() => page.getByText("Noch kein Prozess beschrieben.").count()).toBe(1);
    const processForm = page.getByRole("form", { name: "Prozess beschreiben" });
    await processForm.getByLabel("Name des Prozesses").fill("Projektanmeldung");
    await processForm.getByLabel("Prozessverantwortlich").fill("CDO / PMO");
    await processForm.getByRole("button", { name: "Prozess anlegen" }).click();
    const processes = page.getByRole("region", { name: "Prozesse", exact: true });
    await expect.poll(() => processes.getByRole("row").count()).toBe(2);
    expect(await processes.getByRole("row").nth(1).innerText()).toContain("Überprüfung fehlt");
    const review = page.getByRole("form", { name: "Überprüfung erfassen" });
    await review.getByLabel("Prozess").selectOption({ label: "Projektanmeldung" });
    await review.getByRole("button", { name: "Überprüfung speichern" }).click();
    await expect.poll(() => page.getByText("Die nächste Überprüfung ist am").count()).toBe(1);
    expect(await processes.getByRole("row").nth(1).innerText()).not.toContain("überfällig");
    await expectAccessible(page);

    // The dashboard: the criterion is fulfilled by the Beschluss and the RACI matrix, each linked.
    await page.goto("/reifegrad");
    const staircase = page.getByRole("region", { name: "Stufen je Dimension" });
    await staircase.getByText("Strategie & Steuerung", { exact: true }).click();
    const governance = staircase.locator("li.criterion").filter({ hasText: "IT-Governance definiert" });
    await expect.poll(() => governance.innerText()).toContain("✓ erfüllt");
    expect(await governance.getByRole("link").allInnerTexts()).toEqual([
      "Beschluss DR 2025/01: Digitalstrategie 2030 beschlossen",
      "RACI-Matrix, Fassung 1",
    ]);
    await governance.getByRole("link", { name: "RACI-Matrix, Fassung 1" }).click();
    await page.waitForURL("**/steuerung/raci");
  });

  it("a viewer reads the governance without any form", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.viewer!.email, TEST_PASSWORD);
    await page.goto("/steuerung/gremien");
    await expect.poll(() => page.getByRole("link", { name: "Digitalisierungsrat" }).count()).toBe(1);
    expect(await page.getByRole("form").count()).toBe(0);
    await page.getByRole("link", { name: "Digitalisierungsrat" }).click();
    await expect.poll(() => page.getByText("DR 2025/01").count()).toBeGreaterThan(0);
    expect(await page.getByRole("form").count()).toBe(0);
    expect(await page.getByRole("button", { name: "Gremium bearbeiten" }).count()).toBe(0);
    await page.goto("/steuerung/raci");
    await expect.poll(() => page.getByRole("region", { name: "Geltende Fassung 1" }).count()).toBe(1);
    expect(await page.getByRole("form").count()).toBe(0);
  });
});
