// Browser walk through the platform foundation and identity flows, in Debian's Chromium.
import { readFileSync } from "node:fs";
import { DEMO_PASSWORD } from "@spatz/db/seed";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
});
afterAll(() => env?.close());

describe("the app shell", () => {
  it("loads, answers /health, and shows a German login reachable by keyboard", async () => {
    const { context, page } = await newPage(env);
    const health = await page.request.get("/health");
    expect(await health.json()).toEqual({ status: "ok", db: "ok", redis: "ok" });

    await page.goto("/");
    await page.waitForURL("**/anmelden");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    await expect.poll(() => page.title()).toBe("Anmelden – SPATZ");
    await page.getByLabel("Verwaltung suchen").fill("Halle");
    await page.getByRole("link", { name: /Stadt Halle \(Saale\)/ }).click();
    await page.waitForURL("**/t/halle-saale/anmelden");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Anmelden – Stadt Halle (Saale)");
    await expectAccessible(page);

    // Keyboard only, from a fresh load: the skip link comes first and leads into the form; Enter submits.
    await page.reload();
    await page.getByLabel("E-Mail-Adresse").waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Zum Inhalt springen");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("email");
    await page.keyboard.type("leitung@halle-saale.example");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("autocomplete"))).toBe(
      "current-password",
    );
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/start");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Start – Verwaltungsführung");
    await context.close();
  });

  it("shows a clear German error for a wrong password and keeps the user on the page", async () => {
    const { context, page } = await newPage(env);
    await page.goto("/t/halle-saale/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill("team@halle-saale.example");
    await page.getByLabel("Passwort").fill("falsches-passwort");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("E-Mail-Adresse oder Passwort ist falsch");
    expect(page.url()).toContain("/t/halle-saale/anmelden");
    await context.close();
  });
});

describe("roles get their own start pages", () => {
  it("a Kommune user and a state user see different start pages and navigation", async () => {
    const kommune = await newPage(env);
    await signIn(kommune.page, "halle-saale", "admin@halle-saale.example", DEMO_PASSWORD);
    await expect
      .poll(() => kommune.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Start – Administration");
    const kommuneNav = await kommune.page.getByRole("navigation", { name: "Hauptnavigation" }).innerText();
    expect(kommuneNav).toContain("Benutzer");
    expect(kommuneNav).not.toContain("Kommunen");
    await expectAccessible(kommune.page);

    const state = await newPage(env);
    await signIn(state.page, "land-sachsen-anhalt", "admin@land.example", DEMO_PASSWORD);
    await expect
      .poll(() => state.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Start – Landesadministration");
    expect(await state.page.getByRole("navigation", { name: "Hauptnavigation" }).innerText()).toContain(
      "Kommunen",
    );
    expect(await state.page.locator("[data-start-page]").getAttribute("data-start-page")).toBe("state_admin");
    await kommune.context.close();
    await state.context.close();
  });

  it("a viewer cannot open the user administration", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, "halle-saale", "team@halle-saale.example", DEMO_PASSWORD);
    expect(await page.getByRole("navigation", { name: "Hauptnavigation" }).innerText()).not.toContain(
      "Benutzer",
    );
    await page.goto("/verwaltung/benutzer");
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Berechtigung");
    await context.close();
  });
});

describe("user administration", () => {
  it("an admin invites a colleague who sets a password and lands on the start page of the role", async () => {
    const admin = await newPage(env);
    await signIn(admin.page, "magdeburg", "admin@magdeburg.example", DEMO_PASSWORD);
    await admin.page.getByRole("link", { name: "Benutzer", exact: true }).click();
    const invite = admin.page.getByRole("region", { name: "Person einladen" });
    await invite.getByLabel("E-Mail-Adresse").fill("neue.kollegin@magdeburg.example");
    await invite.getByLabel("Name").fill("Nora Neu");
    await invite.getByLabel("Rolle").selectOption({ label: "Projektleitung" });
    await invite.getByRole("button", { name: "Einladen" }).click();
    const link = await admin.page.getByLabel("Einladungslink").inputValue();
    expect(link).toContain("/t/magdeburg/einladung#");
    await expect
      .poll(() => admin.page.getByRole("region", { name: "Offene Einladungen" }).innerText())
      .toContain("neue.kollegin@magdeburg.example");

    const invitee = await newPage(env);
    await invitee.page.goto(link);
    await expect
      .poll(() => invitee.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Einladung annehmen");
    await invitee.page.getByLabel("Neues Passwort").fill("kurz");
    await invitee.page.getByLabel("Passwort wiederholen").fill("kurz");
    await invitee.page.getByRole("button", { name: /Passwort festlegen/ }).click();
    await expect
      .poll(() => invitee.page.locator(".field-error").first().textContent())
      .toContain("mindestens 12 Zeichen");
    await invitee.page.getByLabel("Neues Passwort").fill("ein-sicheres-passwort");
    await invitee.page.getByLabel("Passwort wiederholen").fill("ein-sicheres-passwort");
    await invitee.page.getByRole("button", { name: /Passwort festlegen/ }).click();
    await invitee.page.waitForURL("**/start");
    await expect
      .poll(() => invitee.page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Start – Meine Projekte und Maßnahmen");

    await admin.page.getByRole("link", { name: "Protokoll" }).click();
    // In German, not as the stored code.
    await expect.poll(() => admin.page.locator("table").innerText()).toContain("Einladung angenommen");
    expect(await admin.page.locator("table").innerText()).not.toContain("invitation.accept");
    await admin.context.close();
    await invitee.context.close();
  });
});

describe("tenant administration by the state", () => {
  it("a state admin suspends a Kommune: its signed-in users are sent to the login, and reactivates it", async () => {
    const kommune = await newPage(env);
    await signIn(kommune.page, "landkreis-harz", "cdo@landkreis-harz.example", DEMO_PASSWORD);

    const state = await newPage(env);
    await signIn(state.page, "land-sachsen-anhalt", "admin@land.example", DEMO_PASSWORD);
    await state.page.getByRole("link", { name: "Kommunen", exact: true }).click();
    await state.page.getByRole("searchbox", { name: "Suchen" }).fill("Harz");
    state.page.once("dialog", (d) => d.accept());
    await state.page.getByRole("button", { name: "Landkreis Harz sperren" }).click();
    await expect
      .poll(() => state.page.getByRole("row", { name: /Landkreis Harz/ }).innerText())
      .toContain("gesperrt");

    await kommune.page.goto("/konto");
    await kommune.page.waitForURL("**/anmelden");

    await state.page.getByRole("button", { name: "Landkreis Harz entsperren" }).click();
    await expect
      .poll(() => state.page.getByRole("row", { name: /Landkreis Harz/ }).innerText())
      .toContain("aktiv");
    await signIn(kommune.page, "landkreis-harz", "cdo@landkreis-harz.example", DEMO_PASSWORD);
    await kommune.context.close();
    await state.context.close();
  });

  it("a state admin marks a Kommune for deletion with its Kennung, and takes the mark back", async () => {
    const tenant = await createTenant(env.app.client.db, "loeschung");
    const state = await newPage(env);
    await signIn(state.page, "land-sachsen-anhalt", "admin@land.example", DEMO_PASSWORD);
    await state.page.getByRole("link", { name: "Kommunen", exact: true }).click();
    await state.page.getByRole("searchbox", { name: "Suchen" }).fill(tenant.slug);
    await state.page.getByRole("button", { name: `${tenant.name} bearbeiten` }).click();
    await state.page.getByLabel("Kennung zur Bestätigung").fill("falsch");
    await state.page.getByRole("button", { name: "Zur Löschung vormerken" }).click();
    await expect
      .poll(() => state.page.getByText(`bitte die Kennung „${tenant.slug}“ eingeben`).count())
      .toBe(1);
    await state.page.getByLabel("Kennung zur Bestätigung").fill(tenant.slug);
    await state.page.getByRole("button", { name: "Zur Löschung vormerken" }).click();
    await expect
      .poll(() => state.page.getByRole("row", { name: new RegExp(tenant.name) }).innerText())
      .toMatch(/Löschung vorgemerkt zum \d{2}\.\d{2}\.\d{4}/);
    await expectAccessible(state.page);
    await state.page.getByRole("button", { name: `${tenant.name}: Löschung aufheben` }).click();
    await expect
      .poll(() => state.page.getByRole("row", { name: new RegExp(tenant.name) }).innerText())
      .toContain("aktiv");
    await state.context.close();
  });
});

describe("data export by the administration", () => {
  it("a Kommune admin downloads all data of the Kommune as a ZIP", async () => {
    const { context, page } = await newPage(env);
    await signIn(page, "halle-saale", "admin@halle-saale.example", DEMO_PASSWORD);
    await page.getByRole("link", { name: "Export", exact: true }).click();
    await expect.poll(() => page.title()).toBe("Daten exportieren – SPATZ");
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Alle Daten herunterladen (ZIP)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^spatz-export-halle-saale-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(zip.file("manifest.json")).not.toBeNull();
    await context.close();
  });
});

describe("own account", () => {
  it("shows the active sessions, changes the password with field errors, and logs out everywhere", async () => {
    const tenant = await createTenant(env.app.client.db, "konto");
    const user = tenant.users.coordinator!;
    const other = await newPage(env);
    await signIn(other.page, tenant.slug, user.email, TEST_PASSWORD);
    const { context, page } = await newPage(env);
    await signIn(page, tenant.slug, user.email, TEST_PASSWORD);
    await page.getByRole("link", { name: new RegExp(user.displayName) }).click();
    await page.waitForURL("**/konto");
    await expect
      .poll(() => page.getByRole("region", { name: "Aktive Sitzungen" }).locator("tbody tr").count())
      .toBe(2);
    expect(await page.getByRole("region", { name: "Aktive Sitzungen" }).innerText()).toContain(
      "(diese Sitzung)",
    );
    await expectAccessible(page);

    const form = page.getByRole("region", { name: "Passwort ändern" });
    await form.getByLabel("Bisheriges Passwort").fill(TEST_PASSWORD);
    await form.getByLabel("Neues Passwort", { exact: true }).fill("neues-passwort-2026");
    await form.getByLabel("Neues Passwort wiederholen").fill("anderes-passwort-2026");
    await form.getByRole("button", { name: "Passwort ändern" }).click();
    await expect
      .poll(() => form.locator(".field-error").textContent())
      .toBe("Die Passwörter stimmen nicht überein.");
    await form.getByLabel("Neues Passwort wiederholen").fill("neues-passwort-2026");
    await form.getByRole("button", { name: "Passwort ändern" }).click();
    await expect.poll(() => form.getByRole("status").textContent()).toContain("Das Passwort wurde geändert");
    // The other browser's session ended with the password change.
    await other.page.goto("/start");
    await other.page.waitForURL("**/anmelden");

    await page.getByRole("button", { name: "Überall abmelden" }).click();
    await page.waitForURL(`**/t/${tenant.slug}/anmelden`);
    await signIn(page, tenant.slug, user.email, "neues-passwort-2026");
    await context.close();
    await other.context.close();
  });
});
