// The demo portfolio: Halle's real Projektliste 2023 goes through the import (with its real Dauer warnings), the rest
// is plausible demo data; a second run changes nothing; and it stays fast enough for `pnpm start`.
import { berlinToday } from "@spatz/domain";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { STATE_TENANT_ID } from "../src/constants.ts";
import { capacityOverview } from "../src/queries/capacity.ts";
import { decisionOptions, listBodies, listProcesses } from "../src/queries/governance.ts";
import { publishedHandbook } from "../src/queries/handbook.ts";
import { criticalOpenRisks } from "../src/queries/steering.ts";
import { auditLog } from "../src/schema/audit.ts";
import {
  projectMilestones,
  projectProposals,
  projects,
  registrationRounds,
} from "../src/schema/portfolio.ts";
import { tenants } from "../src/schema/tenants.ts";
import { seedDemoUsers } from "../src/seed/demo-users.ts";
import { seedGovernanceDemo } from "../src/seed/governance-demo.ts";
import { loadTenants } from "../src/seed/load-tenants.ts";
import { PM_KOFFER_CHAPTERS, seedPmKoffer } from "../src/seed/pm-koffer.ts";
import { seedPortfolioDemo } from "../src/seed/portfolio-demo.ts";
import { seedSteeringDemo } from "../src/seed/steering-demo.ts";
import { withTenant } from "../src/tenant-tx.ts";

let client: DbClient;
beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 2 });
  await loadTenants(client.db, "Test");
  await seedDemoUsers(client.db, "not-a-real-hash");
});
afterAll(() => client.close());

describe("portfolio demo data", () => {
  it("fills Halle and three other Kommunen through the import, and only once", async () => {
    const first = await seedPortfolioDemo(client.db, "2026-11-28");
    const halle = first.find((r) => r.tenant === "halle-saale")!;
    expect(halle.projects).toBeGreaterThanOrEqual(75);
    expect(halle.projects).toBeLessThanOrEqual(85);
    // 12 Dauer warnings of the real list (no other warnings: every column is mapped).
    expect(halle.warnings).toBe(12);
    expect(first.map((r) => r.tenant).sort()).toEqual([
      "dessau-rosslau",
      "halle-saale",
      "landkreis-harz",
      "magdeburg",
    ]);

    const [halleTenant] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select().from(tenants).where(eq(tenants.slug, "halle-saale")),
    );
    const facts = await withTenant(client.db, halleTenant!.id, async (tx) => ({
      projects: (await tx.select({ n: count() }).from(projects))[0]!.n,
      milestones: (await tx.select({ n: count() }).from(projectMilestones))[0]!.n,
      rounds: await tx.select().from(registrationRounds),
      proposals: await tx.select({ status: projectProposals.status }).from(projectProposals),
      imports: (
        await tx.select({ n: count() }).from(auditLog).where(eq(auditLog.action, "portfolio.import"))
      )[0]!.n,
      eldis: (await tx.select().from(projects).where(eq(projects.name, "Ablösung eldis")))[0],
      linked: (
        await tx.select({ n: count() }).from(projects).where(eq(projects.leadName, "Paula Projektleitung"))
      )[0]!.n,
    }));
    expect(facts.projects).toBe(halle.projects);
    expect(facts.milestones).toBe(facts.projects * 4);
    // The open round is for the year after the seed's day.
    expect(facts.rounds).toMatchObject([{ year: 2027, title: "Anmeldung für 2027", status: "open" }]);
    expect(facts.proposals.map((p) => p.status).sort()).toEqual([
      "approved",
      "assessed",
      "assessed",
      "rejected",
      "submitted",
      "submitted",
      "submitted",
    ]);
    expect(facts.imports).toBe(3);
    expect(facts.eldis).toMatchObject({
      startDate: "2020-01-01",
      endDate: "2023-06-01",
      status: "completed",
    });
    expect(facts.linked).toBeGreaterThan(0);

    expect(await seedPortfolioDemo(client.db, "2026-11-28")).toEqual([]);
    const again = await withTenant(client.db, halleTenant!.id, (tx) =>
      tx.select({ n: count() }).from(projects),
    );
    expect(again[0]!.n).toBe(facts.projects);
  });

  it("gives Halle's projects status reports and risks: the Gesundheitsamt's cleared, one critical open, once", async () => {
    expect(await seedSteeringDemo(client.db)).toEqual({ reports: 4, risks: 3 });
    expect(await seedSteeringDemo(client.db)).toEqual({ reports: 0, risks: 0 });
    const [halle] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, "halle-saale")),
    );
    const critical = await withTenant(client.db, halle!.id, (tx) => criticalOpenRisks(tx));
    expect(critical.map((r) => r.title)).toEqual(["Rahmenvertrag Consultingleistungen ausgeschöpft"]);
  });

  it("gives Halle its Gremien with the VA decision of 25.05.2023, processes and this year's capacity, once", async () => {
    // The Digitalisierungsrat's strategy Beschluss needs an approved strategy, which the maturity demo (another test
    // file on the same database) may or may not have given Halle by now.
    const first = await seedGovernanceDemo(client.db);
    expect(first.bodies).toBe(3);
    expect([2, 3]).toContain(first.decisions);
    expect(await seedGovernanceDemo(client.db)).toEqual({ bodies: 0, decisions: 0 });
    const [halle] = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
      tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, "halle-saale")),
    );
    const today = berlinToday();
    const facts = await withTenant(client.db, halle!.id, async (tx) => ({
      bodies: (await listBodies(tx)).map((b) => b.name),
      decisions: await decisionOptions(tx),
      processes: await listProcesses(tx, today),
      capacity: await capacityOverview(tx, Number(today.slice(0, 4))),
    }));
    expect(facts.bodies).toEqual([
      "Digitalisierungsrat",
      "Lenkungskreis Digitales Gesundheitsamt",
      "Verwaltungsausschuss",
    ]);
    expect(facts.decisions).toHaveLength(first.decisions);
    expect(facts.decisions).toContainEqual(
      expect.objectContaining({
        number: "VA 2023/05-07",
        title: "Rahmenverträge Consultingleistungen",
        heldOn: "2023-05-25",
      }),
    );
    expect(facts.processes.map((p) => [p.name, p.overdue])).toEqual([
      ["Freigabe SOLL-Prozess", true],
      ["IT-Beschaffung", today >= "2026-06-01"],
      ["Projektanmeldung", today >= "2027-03-02"],
    ]);
    expect(facts.capacity.central).toMatchObject({ contractDays: 600, consumedDays: 240 });
    expect(facts.capacity.rows.filter((r) => r.internalDays > 0)).toHaveLength(3);
  });

  it("publishes the Land's first PM-Koffer with Halle's own chapter, once", async () => {
    const first = await seedPmKoffer(client.db);
    // Another test on the same database may have published a version first: then the seed leaves it alone.
    expect(await seedPmKoffer(client.db)).toEqual({ published: false, localChapters: 0 });
    if (!first.published) return;
    expect(first.localChapters).toBe(1);
    const land = await withTenant(client.db, STATE_TENANT_ID, (tx) => publishedHandbook(tx));
    expect(land?.chapters.map((c) => c.key)).toEqual(PM_KOFFER_CHAPTERS.map((c) => c.key));
    expect(land?.chapters.filter((c) => c.standard !== null).map((c) => c.standard)).toEqual([
      "charter",
      "milestone_plan",
      "risk_register",
      "status_report",
      "acceptance",
    ]);
  });
});
