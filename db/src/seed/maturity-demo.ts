// Demo maturity data for every Kommune: org units, measures, an approved strategy, and the pinned model version.
// Idempotent (a Kommune that has measures is left alone) and fast: one tenant transaction per Kommune with a few bulk
// inserts each. Halle (Saale) gets the Modellprojekt "Digitales Gesundheitsamt" (maturity-demo-halle.ts). The org
// units are shared with the portfolio demo (existing ones are reused by parent and code), and a measure is linked to
// its portfolio project when the Kommune's portfolio has it (seed-demo runs the portfolio demo first).
import { berlinToday } from "@spatz/domain";
import type { MaturityModel } from "@spatz/maturity";
import { and, count, eq, inArray, ne } from "drizzle-orm";
import { writeAudit, writeAuditBatch } from "../audit.ts";
import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import { getPublishedModelSummary, loadModel } from "../queries/maturity-models.ts";
import { gbUnit, rUnit } from "../queries/projects.ts";
import { users } from "../schema/identity.ts";
import { maturitySettings, measures } from "../schema/measures.ts";
import { projects } from "../schema/portfolio.ts";
import { strategies, strategyVersions } from "../schema/strategies.ts";
import { tenants } from "../schema/tenants.ts";
import { type TenantTx, withTenant } from "../tenant-tx.ts";
import { ensureOrgUnits } from "./demo-org-units.ts";
import { demoEmail } from "./demo-users.ts";
import { HALLE_SLUG, hallePlan } from "./maturity-demo-halle.ts";
import {
  generatedMeasures,
  generatedStrategy,
  type KommuneFacts,
  type SeedMeasure,
  type SeedPlan,
  unitsFor,
} from "./maturity-demo-plan.ts";
import { seededRandom } from "./random.ts";

const ACTOR = { userId: null, label: "Demo-Daten" };

export function demoPlan(model: MaturityModel, k: KommuneFacts, today: string): SeedPlan {
  const rng = seededRandom(`spatz-demo:${k.slug}`);
  if (k.slug === HALLE_SLUG) return hallePlan(model, k, today, rng);
  const { measures } = generatedMeasures(model, k, today, rng);
  return {
    orgUnits: unitsFor(k).units,
    measures,
    strategies: [generatedStrategy(model, k, today, rng, measures)],
  };
}

const projectKey = (p: { gb: string; r: string; name: string }) => `${p.gb}/${p.r}/${p.name}`;

/** The Kommune's projects by GB, R and name (a project name is unique within its GB/R). */
async function projectsByName(tx: TenantTx): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: projects.id, name: projects.name, gb: gbUnit.code, r: rUnit.code })
    .from(projects)
    .innerJoin(gbUnit, and(eq(gbUnit.tenantId, projects.tenantId), eq(gbUnit.id, projects.gbId)))
    .innerJoin(rUnit, and(eq(rUnit.tenantId, projects.tenantId), eq(rUnit.id, projects.rId)));
  return new Map(rows.map((p) => [projectKey(p), p.id]));
}

async function writePlan(tx: TenantTx, tenantId: string, slug: string, modelId: string, plan: SeedPlan) {
  const people = await tx
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(
      inArray(users.email, [demoEmail("cdo", slug), demoEmail("projekt", slug), demoEmail("leitung", slug)]),
    );
  const personId = (local: string) => people.find((p) => p.email === demoEmail(local, slug))?.id ?? null;
  const leadership = personId("leitung");

  const unitIds = await ensureOrgUnits(tx, tenantId, plan.orgUnits);
  const unit = (path: string | null) => {
    if (!path) return null;
    const id = unitIds.get(path);
    if (!id) throw new Error(`demo plan of ${slug} names the unknown org unit ${path}`);
    return id;
  };
  const projectIds = await projectsByName(tx);
  const project = (p: SeedMeasure["project"]) => (p ? (projectIds.get(projectKey(p)) ?? null) : null);

  await tx.insert(maturitySettings).values({ tenantId, modelId }).onConflictDoNothing();
  if (plan.measures.length > 0) {
    const rows = await tx
      .insert(measures)
      .values(
        plan.measures.map((m) => ({
          tenantId,
          title: m.title,
          description: m.description,
          orgUnitId: unit(m.orgUnit),
          projectId: project(m.project),
          responsibleUserId: m.responsible ? personId(m.responsible) : null,
          status: m.status,
          plannedStart: m.plannedStart,
          plannedEnd: m.plannedEnd,
          completedOn: m.status === "completed" ? m.completedOn : null,
          evidenceText: m.evidenceText,
          criterionKeys: m.criterionKeys,
        })),
      )
      .returning();
    // Each demo measure's history starts with its creation, as it would after an import.
    await writeAuditBatch(
      tx,
      tenantId,
      ACTOR,
      rows.map((row) => ({ action: "measure.create", entityType: "measure", entityId: row.id, after: row })),
    );
  }
  for (const s of plan.strategies) {
    const last = s.versions.at(-1);
    const [row] = await tx
      .insert(strategies)
      .values({
        tenantId,
        orgUnitId: unit(s.orgUnit),
        title: s.title,
        vision: s.vision,
        goals: s.goals,
        targets: s.working ?? last?.targets ?? [],
      })
      .returning({ id: strategies.id });
    if (s.versions.length > 0) {
      await tx.insert(strategyVersions).values(
        s.versions.map((v, i) => ({
          tenantId,
          strategyId: row!.id,
          version: i + 1,
          title: s.title,
          vision: s.vision,
          goals: s.goals,
          targets: v.targets,
          modelId,
          approvedOn: v.approvedOn,
          approvedByUserId: leadership,
          approvedByName: "Lena Leitung",
        })),
      );
    }
  }
  await writeAudit(tx, tenantId, ACTOR, {
    action: "maturity.seed_demo",
    entityType: "tenant",
    entityId: tenantId,
    after: {
      orgUnits: plan.orgUnits.length,
      measures: plan.measures.length,
      strategies: plan.strategies.length,
    },
  });
}

export async function seedMaturityDemo(
  db: Database,
  opts: { today?: string; only?: string[] } = {},
): Promise<{ kommunen: number; measures: number; skipped: number }> {
  const today = opts.today ?? berlinToday();
  const { kommunen, model } = await withTenant(db, STATE_TENANT_ID, async (tx) => {
    const summary = await getPublishedModelSummary(tx);
    if (!summary) throw new Error("no published maturity model: run the migrations first");
    return {
      kommunen: await tx
        .select({
          id: tenants.id,
          slug: tenants.slug,
          name: tenants.name,
          kind: tenants.kind,
          population: tenants.population,
        })
        .from(tenants)
        .where(ne(tenants.kind, "state")),
      model: (await loadModel(tx, summary.id))!,
    };
  });
  let seeded = 0;
  let total = 0;
  let skipped = 0;
  for (const k of kommunen) {
    if (opts.only && !opts.only.includes(k.slug)) continue;
    const written = await withTenant(db, k.id, async (tx) => {
      // A Kommune with maturity data of its own (measures or a strategy) is left alone. Org units alone do not
      // count: the portfolio demo may have created them first.
      const [[existing], [strategy]] = await Promise.all([
        tx.select({ n: count() }).from(measures),
        tx.select({ n: count() }).from(strategies),
      ]);
      if ((existing?.n ?? 0) > 0 || (strategy?.n ?? 0) > 0) return null;
      const plan = demoPlan(model, k, today);
      await writePlan(tx, k.id, k.slug, model.id, plan);
      return plan.measures.length;
    });
    if (written === null) skipped++;
    else {
      seeded++;
      total += written;
    }
  }
  return { kommunen: seeded, measures: total, skipped };
}
