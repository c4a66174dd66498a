// The demo data: every Kommune gets plausible, varied maturity data; Halle gets the Modellprojekt "Digitales
// Gesundheitsamt" with its nine milestones; a second run changes nothing; the same day gives the same data.
import { detectEvidenceFile } from "@spatz/domain";
import { assess, evaluateTargets, type MaturityModel, type MeasureInput } from "@spatz/maturity";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbClient } from "../src/client.ts";
import { DEFAULT_MODEL_ID, STATE_TENANT_ID } from "../src/constants.ts";
import { loadModel } from "../src/queries/maturity-models.ts";
import { measureEvidenceFiles } from "../src/schema/evidence-files.ts";
import { measures } from "../src/schema/measures.ts";
import { orgUnits } from "../src/schema/org-units.ts";
import { strategies, strategyVersions } from "../src/schema/strategies.ts";
import { tenants } from "../src/schema/tenants.ts";
import { DEMO_ORG_TREES, gbTree, unitPath } from "../src/seed/demo-org-units.ts";
import { seedDemoUsers } from "../src/seed/demo-users.ts";
import { seedEvidenceDemo } from "../src/seed/evidence-demo.ts";
import { loadTenants } from "../src/seed/load-tenants.ts";
import { demoPlan, seedMaturityDemo } from "../src/seed/maturity-demo.ts";
import { HALLE_MILESTONES } from "../src/seed/maturity-demo-halle.ts";
import { withTenant } from "../src/tenant-tx.ts";

const TODAY = "2026-11-28";
let client: DbClient;
let model: MaturityModel;
let first: Awaited<ReturnType<typeof seedMaturityDemo>>;
let kommunen: { id: string; slug: string; name: string; kind: string; population: number | null }[];

beforeAll(async () => {
  client = createDb(inject("appUrl"), { max: 4 });
  await loadTenants(client.db, "Test");
  await seedDemoUsers(client.db, "kein-echtes-passwort");
  model = (await withTenant(client.db, STATE_TENANT_ID, (tx) => loadModel(tx, DEFAULT_MODEL_ID)))!;
  kommunen = await withTenant(client.db, STATE_TENANT_ID, (tx) =>
    tx
      .select({
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        kind: tenants.kind,
        population: tenants.population,
      })
      .from(tenants)
      .where(sql`${tenants.ags} ~ '^15[0-9]{3}'`),
  );
  first = await seedMaturityDemo(client.db, { today: TODAY });
}, 120_000);
afterAll(() => client.close());

const engineMeasures = (rows: (typeof measures.$inferSelect)[]): MeasureInput[] =>
  rows.map((m) => ({
    id: m.id,
    status: m.status,
    completedOn: m.completedOn,
    plannedEnd: m.plannedEnd,
    criterionKeys: m.criterionKeys,
  }));

describe("demo maturity data", () => {
  it("gives all 133 Kommunen measures, org units and an approved strategy", async () => {
    expect(kommunen).toHaveLength(133);
    expect(first.kommunen).toBeGreaterThanOrEqual(133);
    for (const k of kommunen) {
      const [m, u, v] = await withTenant(client.db, k.id, async (tx) => [
        await tx.$count(measures),
        await tx.$count(orgUnits),
        await tx.$count(strategyVersions),
      ]);
      expect({ slug: k.slug, measures: m > 5, units: u >= 5, versions: v >= 1 }).toEqual({
        slug: k.slug,
        measures: true,
        units: true,
        versions: true,
      });
    }
  });

  it("starts every demo measure's history with its creation", async () => {
    const halle = kommunen.find((k) => k.slug === "halle-saale")!;
    const [withoutCreation] = await withTenant(client.db, halle.id, (tx) =>
      tx.execute<{ n: number }>(sql`
        select count(*)::int as n from measures m
        where not exists (select 1 from audit_log a
                          where a.entity_type = 'measure' and a.entity_id = m.id::text and a.action = 'measure.create')`),
    );
    expect(withoutCreation!.n).toBe(0);
  });

  it("spreads the maturity index across Kommunen (for benchmarks)", async () => {
    const indexes: number[] = [];
    for (const k of kommunen) {
      const rows = await withTenant(client.db, k.id, (tx) => tx.select().from(measures));
      indexes.push(assess(model, engineMeasures(rows), TODAY).index);
    }
    const mean = indexes.reduce((s, v) => s + v, 0) / indexes.length;
    const sd = Math.sqrt(indexes.reduce((s, v) => s + (v - mean) ** 2, 0) / indexes.length);
    expect(Math.min(...indexes)).toBeLessThan(1);
    expect(Math.max(...indexes)).toBeGreaterThan(2.2);
    expect(sd).toBeGreaterThan(0.35);
  });

  it("mixes targets that are reached, on track and at risk", async () => {
    const counts = { reached: 0, on_track: 0, at_risk: 0 };
    for (const k of kommunen) {
      const [rows, versions] = await withTenant(client.db, k.id, async (tx) => {
        const [whole] = await tx.select().from(strategies).where(isNull(strategies.orgUnitId));
        return [
          await tx.select().from(measures),
          await tx.select().from(strategyVersions).where(eq(strategyVersions.strategyId, whole!.id)),
        ] as const;
      });
      const latest = [...versions].sort((a, b) => b.version - a.version)[0];
      for (const t of evaluateTargets(model, engineMeasures(rows), latest?.targets ?? [], TODAY))
        counts[t.status]++;
    }
    const total = counts.reached + counts.on_track + counts.at_risk;
    expect(total).toBeGreaterThan(400);
    for (const n of Object.values(counts)) expect(n / total).toBeGreaterThan(0.1);
  });

  it("gives Halle's Gesundheitsamt the nine milestones on their dates, completed with evidence", async () => {
    const halle = kommunen.find((k) => k.slug === "halle-saale")!;
    const { ga, rows, strategy } = await withTenant(client.db, halle.id, async (tx) => {
      // FB 53 sits in Halle's tree shared with the portfolio demo: Geschäftsbereich II → 53.
      const [parent] = await tx
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.code, "II"), isNull(orgUnits.parentId)));
      const [unit] = await tx
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.code, "53"), eq(orgUnits.parentId, parent!.id)));
      expect(unit).toMatchObject({ kind: "r" });
      const [s] = await tx.select().from(strategies).where(eq(strategies.orgUnitId, unit!.id));
      return {
        ga: unit!,
        rows: await tx.select().from(measures).where(eq(measures.orgUnitId, unit!.id)),
        strategy: s!,
      };
    });
    for (const m of HALLE_MILESTONES) {
      const row = rows.find((r) => r.title.startsWith(`Meilenstein ${m.n}:`));
      expect(row, `Meilenstein ${m.n}`).toMatchObject({
        status: "completed",
        completedOn: m.on,
        criterionKeys: m.keys,
      });
      expect(row?.evidenceText).toContain(`Meilensteinbericht ${m.n}`);
    }
    expect(strategy.vision).toContain("Das Gesundheitsamt 2026 ist effizient und bürgerfreundlich");
    expect(ga.name).toBe("Gesundheitsamt");
    // The history shows real steps: the DMS (milestone 6) completes level 2 of the process dimension on its day.
    const prozesse = (date: string) =>
      assess(model, engineMeasures(rows), date).dimensions.find((d) => d.key === "prozesse")!.level;
    expect([prozesse("2024-04-29"), prozesse("2024-04-30")]).toEqual([1, 2]);
    const all = await withTenant(client.db, halle.id, (tx) =>
      tx
        .select({ title: measures.title, orgUnitId: measures.orgUnitId })
        .from(measures)
        .where(isNull(measures.orgUnitId)),
    );
    expect(all.map((m) => m.title)).toEqual(
      expect.arrayContaining(["WLAN in städtischen Gebäuden", "Payment"]),
    );
  });

  it("keeps Halle's milestone reports as PDF evidence files, once", async () => {
    const halle = kommunen.find((k) => k.slug === "halle-saale")!;
    expect(await seedEvidenceDemo(client.db)).toEqual({ files: HALLE_MILESTONES.length });
    expect(await seedEvidenceDemo(client.db)).toEqual({ files: 0 });
    const files = await withTenant(client.db, halle.id, (tx) =>
      tx
        .select({ name: measureEvidenceFiles.fileName, content: measureEvidenceFiles.content })
        .from(measureEvidenceFiles),
    );
    expect(files.map((f) => f.name).sort()).toEqual(
      HALLE_MILESTONES.map((m) => `Meilensteinbericht ${m.n}.pdf`).sort(),
    );
    for (const f of files) {
      expect(detectEvidenceFile(f.name, f.content)).toMatchObject({
        ok: true,
        file: { mediaType: "application/pdf" },
      });
      expect(Buffer.from(f.content).toString("latin1")).toContain("(Meilensteinbericht");
    }
  });

  it("puts the Kommunen with a demo portfolio into the portfolio's org tree, nothing twice", async () => {
    for (const [slug, tree] of Object.entries(DEMO_ORG_TREES)) {
      const k = kommunen.find((x) => x.slug === slug)!;
      const units = await withTenant(client.db, k.id, (tx) => tx.select().from(orgUnits));
      const byId = new Map(units.map((u) => [u.id, u]));
      const paths = units.map((u) => (u.parentId ? `${byId.get(u.parentId)!.code}/${u.code}` : u.code));
      // Whichever demo ran first, the tree is the shared one: no unit of the generic tree, none twice.
      expect(paths.sort(), slug).toEqual(gbTree(tree).map(unitPath).sort());
    }
  });

  it("has open and overdue measures for the plan, and measures of the demo project lead", async () => {
    const magdeburg = kommunen.find((k) => k.slug === "magdeburg")!;
    const [open, mine] = await withTenant(client.db, magdeburg.id, async (tx) => [
      await tx.$count(measures, inArray(measures.status, ["planned", "in_progress"])),
      await tx.$count(
        measures,
        and(
          sql`${measures.responsibleUserId} in (select id from users where email = 'projekt@magdeburg.example')`,
        ),
      ),
    ]);
    expect(open).toBeGreaterThan(3);
    expect(mine).toBeGreaterThan(0);
  });

  it("is idempotent and deterministic", async () => {
    const again = await seedMaturityDemo(client.db, { today: TODAY });
    expect(again.kommunen).toBe(0);
    const k = { slug: "landkreis-harz", name: "Landkreis Harz", kind: "landkreis", population: 210_000 };
    expect(demoPlan(model, k, TODAY)).toEqual(demoPlan(model, k, TODAY));
  });
});
