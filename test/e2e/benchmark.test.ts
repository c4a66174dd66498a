// Browser walk through the maturity benchmark with a real worker: a Kommune coordinator completes a measure and,
// through the jobs (snapshot, then aggregation), the Kommune's Vergleich page and the Land's distribution show it; a
// group below k shows the German suppression text; a Kommune that shares by name appears in the Land's table and
// disappears when it revokes; the state admin's job monitor lists the queues and schedulers.

import { STATE_TENANT_ID, schema, withTenant } from "@spatz/db";
import { DEMO_PASSWORD } from "@spatz/db/seed";
import type { Job } from "bullmq";
import { inArray } from "drizzle-orm";
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
let state: FixtureTenant;
/** Five Gemeinden; one more in the Kreis of Halle (a kreisfreie Stadt: no demo Gemeinden there), a group below k. */
const peers: FixtureTenant[] = [];
let alone: FixtureTenant;
let measureId = "";

async function as(tenant: FixtureTenant, role: string): Promise<Page> {
  const { page } = await newPage(env);
  await signIn(page, tenant.slug, tenant.users[role]!.email, TEST_PASSWORD);
  return page;
}

beforeAll(async () => {
  env = await startBrowserEnv({ appUrl: inject("appUrl"), redisUrl: inject("redisUrl"), worker: true });
  state = await stateTenant(env.app.client.db);
  for (let i = 0; i < 5; i++) peers.push(await createTenant(env.app.client.db, `vergleich${i}`));
  alone = await createTenant(env.app.client.db, "allein");
  await withTenant(env.app.client.db, STATE_TENANT_ID, (tx) =>
    tx
      .update(schema.tenants)
      .set({ kreisAgs: "15002", kreisName: "Halle (Saale)", population: 1_500 })
      .where(inArray(schema.tenants.id, [alone.id])),
  );
  const cdo = new ApiSession(
    env.app,
    await sessionCookie(env.app.client.db, peers[0]!.id, peers[0]!.users.coordinator!.id),
    env.baseUrl,
  );
  // Level 1 of IT-Sicherheit needs both criteria: one done already, the other is completed in the browser below.
  const isb = await cdo.must<{ id: string }>("measures.create", {
    title: "Informationssicherheitsbeauftragte bestellen",
    criterionKeys: ["sicherheit.1.isb"],
  });
  await cdo.must("measures.setStatus", {
    id: isb.id,
    status: "completed",
    completedOn: "2026-01-15",
    evidenceText: "Bestellungsschreiben",
  });
  measureId = (
    await cdo.must<{ id: string }>("measures.create", {
      title: "Leitlinie Informationssicherheit beschließen",
      criterionKeys: ["sicherheit.1.leitlinie"],
    })
  ).id;
  // The snapshots of these Kommunen, then every aggregate (only these: other test files count on which Kommunen have
  // snapshots, so no nightly refresh of all of them here).
  const worker = env.worker!;
  const wait = async (job: Job, what: string) => {
    const end = Date.now() + 120_000;
    while ((await job.getState()) !== "completed") {
      if (Date.now() > end) throw new Error(`${what} did not finish within 2 minutes`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  for (const k of [...peers, alone])
    await wait(
      await worker.producer.queue("benchmarks").add("benchmark.snapshot", { tenantId: k.id }),
      "a snapshot",
    );
  await wait(
    await worker.producer.queue("benchmarkAggregates").add("benchmark.aggregate", { scope: "all" }),
    "the aggregation",
  );
}, 180_000);
afterAll(() => env?.close());

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

/** "x von n Kommunen" at level ≥ 1 in IT-Sicherheit for all Kommunen, as the Land's page shows it. */
async function landSecurityLevel1(page: Page): Promise<[number, number]> {
  await page.goto("/land/reifegrad");
  await page
    .getByLabel("Dimension", { exact: true })
    .selectOption({ label: "IT-Sicherheit & Notfallmanagement" });
  await page.getByLabel("mindestens Stufe").selectOption("1");
  const table = page.getByRole("table", { name: /Kommunen mit Stufe ≥ 1 in IT-Sicherheit/ });
  const row = (await table.getByRole("row", { name: /^Alle Kommunen/ }).innerText()).replace(/\./g, "");
  const m = /(\d+) von (\d+) Kommunen/.exec(row);
  if (!m) throw new Error(`no "x von n" in ${row}`);
  return [Number(m[1]), Number(m[2])];
}

async function ownIndex(page: Page): Promise<string> {
  await page.goto("/vergleich");
  const text = (await page.getByText(/^Ihr Stand vom/).textContent()) ?? "";
  return /Index (\d+,\d\d)/.exec(text)?.[1] ?? "";
}

describe("maturity benchmark: Kommune and Land", () => {
  it("a completed measure reaches the Kommune's Vergleich and the Land's distribution through the jobs", async () => {
    const pmo = await newPage(env);
    await signIn(pmo.page, "land-sachsen-anhalt", "pmo@land.example", DEMO_PASSWORD);
    await expect.poll(() => heading(pmo.page)).toBeTruthy();
    const [reached, all] = await landSecurityLevel1(pmo.page);
    expect(all).toBeGreaterThanOrEqual(6);
    await expectAccessible(pmo.page);
    // A group below k says so, in German, where its figures would be.
    await pmo.page.getByLabel("Vergleichsgruppe").selectOption("kreis:15002");
    await expect
      .poll(() => pmo.page.getByRole("table", { name: "Verteilung je Kennzahl" }).innerText())
      .toMatch(/weniger als \d+ Kommunen – nicht ausgewiesen/);

    const cdo = await as(peers[0]!, "coordinator");
    const ownBefore = await ownIndex(cdo);
    expect(ownBefore).toMatch(/^\d+,\d\d$/);
    await expect.poll(() => heading(cdo)).toBe("Vergleich");
    await expectAccessible(cdo);
    await cdo.goto(`/massnahmen/${measureId}`);
    await cdo.getByRole("button", { name: "Abschließen …" }).click();
    const dialog = cdo.getByRole("dialog", { name: "Maßnahme abschließen" });
    await dialog.getByLabel("Nachweis", { exact: true }).fill("Beschluss der Verwaltungsführung");
    await dialog.getByRole("button", { name: "Abschließen" }).click();
    await expect.poll(() => cdo.getByRole("button", { name: "Wieder öffnen" }).count()).toBe(1);

    // Snapshot (debounced 10 s), then aggregation (debounced 15 s): within a minute and a half, never on the page.
    await expect.poll(() => ownIndex(cdo), { timeout: 90_000, interval: 2_000 }).not.toBe(ownBefore);
    await expect
      .poll(() => landSecurityLevel1(pmo.page), { timeout: 90_000, interval: 2_000 })
      .toEqual([reached + 1, all]);
    await pmo.context.close();
    await cdo.context().close();
  }, 240_000);

  it("a Kommune that shares by name appears in the Land's table and disappears when it revokes", async () => {
    const peer = peers[1]!;
    const leadership = await as(peer, "leadership");
    await leadership.goto("/verwaltung/vergleich");
    await expect.poll(() => heading(leadership)).toBe("Vergleich: was Ihre Kommune teilt");
    await expectAccessible(leadership);
    await leadership.getByLabel("mit dem Land (Landes-PMO und Landesadministration)").check();
    await leadership.getByRole("button", { name: "Speichern" }).click();
    await expect
      .poll(() => leadership.locator(".alert").allTextContents())
      .toContain("Gespeichert. Die Änderung gilt sofort.");

    const pmo = await as(state, "state_pmo");
    const shared = () =>
      pmo
        .getByRole("region", { name: "Kommunen, die ihre Werte mit dem Land teilen", exact: true })
        .innerText();
    await pmo.goto("/land/reifegrad");
    await expect.poll(shared).toContain(peer.name);

    await leadership.reload();
    await leadership.getByLabel("mit dem Land (Landes-PMO und Landesadministration)").uncheck();
    await leadership.getByRole("button", { name: "Speichern" }).click();
    await expect
      .poll(() => leadership.locator(".alert").allTextContents())
      .toContain("Gespeichert. Die Änderung gilt sofort.");
    await pmo.reload();
    await expect.poll(shared).not.toContain(peer.name);

    // A viewer sees what is shared but cannot change it.
    const viewer = await as(peer, "viewer");
    await viewer.goto("/verwaltung/vergleich");
    await expect.poll(() => viewer.getByText("Ändern können es die Verwaltungsführung").count()).toBe(1);
    await leadership.context().close();
    await pmo.context().close();
    await viewer.context().close();
  }, 120_000);

  it("the state admin's job monitor reads the queues and schedulers from BullMQ", async () => {
    const admin = await as(state, "state_admin");
    await admin.goto("/land/hintergrundaufgaben");
    await expect.poll(() => heading(admin)).toBe("Hintergrundaufgaben");
    const queues = admin.getByRole("region", { name: "Warteschlangen" });
    await expect.poll(() => queues.innerText()).toContain("Vergleichswerte");
    expect(await queues.innerText()).toContain("Rollout-Kennzahlen des Landes");
    expect(await admin.getByRole("region", { name: "Zeitpläne" }).innerText()).toContain(
      "Nächtliche Aktualisierung aller Reifegrad-Stände",
    );
    await expectAccessible(admin);
    // k below the minimum is refused in German and changes nothing.
    await admin.goto("/land/reifegrad");
    await admin.getByText(/^Mindestgröße einer Vergleichsgruppe: k = \d+/).click();
    await admin.getByLabel(/^k \(3 bis/).fill("2");
    await admin
      .getByRole("form", { name: "Mindestgröße k" })
      .getByRole("button", { name: "Speichern" })
      .click();
    await expect
      .poll(() => admin.locator(".field-error").first().textContent())
      .toContain("Die Mindestgröße ist 3 Kommunen");
    await admin.context().close();
  });
});
