// Inputs of the cost and financing model taken from the data (Kommunen, their responsible services, the current
// rollout state), the state PMO's named scenarios and its operating-model assessment.
import type { CostKommune, CostParamsInput, Criterion, ModelScores } from "@spatz/rollout";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { rolloutCostScenarios, rolloutOperatingModelScores } from "../schema/rollout.ts";
import { type TenantTx, withSavepoint } from "../tenant-tx.ts";
import { type Coverage, kommuneCoverage } from "./rollout-dashboards.ts";

export type CostData = {
  kommunen: CostKommune[];
  /** Records "online verfügbar" per Kommune id (relevant pairs only); read by the state for the remaining cost. */
  onlineByKommune: Record<string, number>;
  /** Services offered as EfA service: the Land's provision is done for them. */
  servicesProvided: number;
  /** Services in the catalogue, and those with municipal execution. */
  catalogueServices: number;
  municipalServices: number;
};

export async function costData(
  tx: TenantTx,
  /** The coverage per Kommune when the caller has already read it (the Lagebericht), so it is not read twice. */
  known?: Pick<Coverage, "kommunen">,
): Promise<CostData> {
  // The Kommunen's responsible pairs and those online: the same figures as the coverage dashboards.
  const [{ kommunen }, [catalogue]] = [
    known ?? (await kommuneCoverage(tx)),
    await tx.execute<{ services: number; municipal: number; efa: number }>(sql`
      select count(*)::int as services, count(*) filter (where municipal_execution)::int as municipal,
             count(*) filter (where efa_available)::int as efa
      from ozg_services where in_catalogue`),
  ];
  return {
    kommunen: kommunen.map((k) => ({
      id: k.kommuneId,
      name: k.name,
      population: k.population,
      relevantServiceCount: k.relevant,
    })),
    onlineByKommune: Object.fromEntries(kommunen.map((k) => [k.kommuneId, k.online])),
    servicesProvided: catalogue?.efa ?? 0,
    catalogueServices: catalogue?.services ?? 0,
    municipalServices: catalogue?.municipal ?? 0,
  };
}

const scenarioColumns = {
  id: rolloutCostScenarios.id,
  name: rolloutCostScenarios.name,
  description: rolloutCostScenarios.description,
  params: rolloutCostScenarios.params,
  updatedBy: rolloutCostScenarios.updatedBy,
  updatedAt: rolloutCostScenarios.updatedAt,
};

export async function listScenarios(tx: TenantTx) {
  const rows = await tx
    .select(scenarioColumns)
    .from(rolloutCostScenarios)
    .orderBy(asc(rolloutCostScenarios.name));
  return rows.map((r) => ({ ...r, params: r.params as CostParamsInput }));
}

function isUniqueViolation(error: unknown): boolean {
  let e: unknown = error;
  while (e instanceof Error) {
    if ((e as { code?: string }).code === "23505") return true;
    e = e.cause;
  }
  return false;
}

export async function saveScenario(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  input: { id?: string; name: string; description: string | null; params: CostParamsInput },
) {
  const values = {
    name: input.name,
    description: input.description,
    params: input.params,
    updatedBy: actor.label,
    updatedAt: new Date(),
  };
  try {
    if (input.id) {
      const [before] = await tx
        .select(scenarioColumns)
        .from(rolloutCostScenarios)
        .where(eq(rolloutCostScenarios.id, input.id));
      if (!before) throw new DomainError("NOT_FOUND", "Dieses Szenario gibt es nicht (mehr).");
      // A savepoint keeps the transaction usable when the new name collides (unique violation → CONFLICT).
      const [row] = await withSavepoint(tx, (sp) =>
        sp
          .update(rolloutCostScenarios)
          .set(values)
          .where(and(eq(rolloutCostScenarios.tenantId, tenantId), eq(rolloutCostScenarios.id, input.id!)))
          .returning(scenarioColumns),
      );
      await writeAudit(tx, tenantId, actor, {
        action: "rollout.scenario_update",
        entityType: "rollout_cost_scenario",
        entityId: input.id,
        before,
        after: values,
      });
      return row!;
    }
    const [row] = await withSavepoint(tx, (sp) =>
      sp
        .insert(rolloutCostScenarios)
        .values({ tenantId, ...values })
        .returning(scenarioColumns),
    );
    await writeAudit(tx, tenantId, actor, {
      action: "rollout.scenario_create",
      entityType: "rollout_cost_scenario",
      entityId: row!.id,
      after: values,
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("CONFLICT", "Ein Szenario mit diesem Namen gibt es schon.", "name");
    throw error;
  }
}

export async function deleteScenario(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const [row] = await tx
    .delete(rolloutCostScenarios)
    .where(and(eq(rolloutCostScenarios.tenantId, tenantId), eq(rolloutCostScenarios.id, id)))
    .returning(scenarioColumns);
  if (!row) throw new DomainError("NOT_FOUND", "Dieses Szenario gibt es nicht (mehr).");
  await writeAudit(tx, tenantId, actor, {
    action: "rollout.scenario_delete",
    entityType: "rollout_cost_scenario",
    entityId: id,
    before: row,
  });
  return { id };
}

export async function scenariosByIds(tx: TenantTx, ids: string[]) {
  const all = await listScenarios(tx);
  const byId = new Map(all.map((s) => [s.id, s]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new DomainError("NOT_FOUND", "Mindestens ein Szenario gibt es nicht (mehr).");
  return ids.map((id) => byId.get(id)!);
}

export async function readModelScores(tx: TenantTx) {
  const [row] = await tx.select().from(rolloutOperatingModelScores);
  return row
    ? {
        criteria: row.criteria as Criterion[],
        scores: row.scores as ModelScores,
        note: row.note,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      }
    : null;
}

export async function saveModelScores(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  input: { criteria: Criterion[]; scores: ModelScores; note: string | null },
) {
  const before = await readModelScores(tx);
  const values = { ...input, updatedBy: actor.label, updatedAt: new Date() };
  await tx
    .insert(rolloutOperatingModelScores)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: rolloutOperatingModelScores.tenantId, set: values });
  await writeAudit(tx, tenantId, actor, {
    action: "rollout.operating_model_scores",
    entityType: "rollout_operating_model_scores",
    before,
    after: input,
  });
  return readModelScores(tx);
}
