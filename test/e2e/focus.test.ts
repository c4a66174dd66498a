// Focus after saving, by keyboard only, for every form alike (ui/Field.tsx `Form`): a refused entry puts focus on the
// first invalid field (its message read with it), an accepted one on the result message (announced by its role);
// a form that has its own page keeps the same rule.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ApiSession } from "../src/api-client.ts";
import { type BrowserEnv, expectAccessible, newPage, signIn, startBrowserEnv } from "../src/browser.ts";
import { createTenant, type FixtureTenant, sessionCookie, TEST_PASSWORD } from "../src/fixtures.ts";

let env: BrowserEnv;
let kommune: FixtureTenant;

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl") });
  kommune = await createTenant(env.app.client.db, "fokus");
}, 60_000);
afterAll(() => env?.close());

const focused = (page: import("playwright-core").Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? "") : "",
      invalid: el?.getAttribute("aria-invalid") ?? null,
      role: el?.getAttribute("role") ?? null,
      text: el?.textContent ?? "",
    };
  });

describe("focus after saving", () => {
  it("goes to the first invalid field, then to the result message, keyboard only", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.admin!.email, TEST_PASSWORD);
    await page.goto("/verwaltung/benutzer");
    const email = page.getByLabel("E-Mail-Adresse");
    await email.fill("keine-adresse");
    await page.getByLabel("Name", { exact: true }).fill("Fritz Fokus");
    await email.press("Enter");
    await expect
      .poll(() => focused(page))
      .toMatchObject({ tag: "input", label: "E-Mail-Adresse", invalid: "true" });

    await email.fill(`fritz-${kommune.slug}@kommune.test`);
    await email.press("Enter");
    await expect.poll(async () => (await focused(page)).role).toBe("status");
    expect((await focused(page)).text).toContain("Einladung erstellt");
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);

  it("does the same in the organisation's form: an empty name is refused with focus on it", async () => {
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.admin!.email, TEST_PASSWORD);
    await page.goto("/verwaltung/organisation");
    const code = page.getByLabel("Kürzel").first();
    await code.fill("FK");
    await code.press("Enter");
    await expect.poll(() => focused(page)).toMatchObject({ tag: "input", invalid: "true" });
    await page.context().close();
  }, 60_000);
});

describe("the administration's first-run checklist", () => {
  it("shows an empty Kommune's four steps, and ticks the organisation once a unit exists", async () => {
    const fresh = await createTenant(env.app.client.db, "erste-schritte");
    const { page } = await newPage(env);
    await signIn(page, fresh.slug, fresh.users.admin!.email, TEST_PASSWORD);
    const checklist = page.getByRole("region", { name: "Erste Schritte" });
    await expect.poll(() => checklist.getByRole("listitem").count()).toBe(4);
    // The fixture's Kommune has a coordinator already: one of four.
    expect(await checklist.innerText()).toContain("1 von 4 Schritten erledigt");
    expect(await checklist.getByRole("listitem").nth(1).innerText()).toContain("(offen)");
    await expectAccessible(page);

    await checklist.getByRole("link", { name: /Organisation anlegen/ }).press("Enter");
    await page.getByLabel("Kürzel").first().fill("GB1");
    await page.getByLabel("Name", { exact: true }).first().fill("Geschäftsbereich Eins");
    await page.getByRole("button", { name: "Anlegen" }).first().press("Enter");
    // Saving and reloading the list can take longer than the default second on a loaded CI machine.
    await expect
      .poll(() => page.getByRole("cell", { name: "Geschäftsbereich Eins" }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.goto("/start");
    await expect.poll(() => checklist.innerText()).toContain("2 von 4 Schritten erledigt");
    expect(await checklist.getByRole("listitem").nth(1).innerText()).toContain("1 Einheit angelegt");
    await page.context().close();
  }, 60_000);
});

describe("completing a measure", () => {
  it("confirms it in words, read out by a polite live region, by keyboard", async () => {
    const cookie = await sessionCookie(env.app.client.db, kommune.id, kommune.users.coordinator!.id);
    const measure = await new ApiSession(env.app, cookie, env.baseUrl).must<{ id: string; title: string }>(
      "measures.create",
      { title: "Dienstanweisung E-Akte erlassen", criterionKeys: ["strategie.1.verantwortung"] },
    );
    const { page } = await newPage(env);
    await signIn(page, kommune.slug, kommune.users.coordinator!.email, TEST_PASSWORD);
    await page.goto(`/massnahmen/${measure.id}`);
    await page.getByRole("button", { name: "Abschließen …" }).press("Enter");
    const dialog = page.getByRole("dialog", { name: "Maßnahme abschließen" });
    await dialog
      .getByLabel("Nachweis", { exact: true })
      .fill("Dienstanweisung vom Bürgermeister unterzeichnet");
    await dialog.getByRole("button", { name: "Abschließen" }).press("Enter");
    const notice = page.locator(".notice-region[role=status][aria-live=polite]");
    await expect
      .poll(() => notice.innerText())
      .toContain("Maßnahme „Dienstanweisung E-Akte erlassen“ ist abgeschlossen.");
    expect(await dialog.isVisible()).toBe(false);
    await expectAccessible(page);
    await page.context().close();
  }, 60_000);
});
