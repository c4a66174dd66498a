// Which model version a Kommune uses and which measures belong to a scope (whole administration or one org unit and
// everything below it). Shared by the maturity, measures and strategies procedures.
import type { MaturityModel } from "@spatz/maturity";
import { DomainError } from "../domain-error.ts";
import { maturitySettings } from "../schema/measures.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { type ModelInUse, modelInUse } from "./benchmark-snapshots.ts";
import { listOrgUnits, subtreeIds } from "./org-units.ts";

/** The Kommune's model version; a platform without a published model is a setup error, not a user's. */
export async function requireModelInUse(tx: TenantTx): Promise<ModelInUse> {
  const inUse = await modelInUse(tx);
  if (!inUse) throw new Error("no published maturity model");
  return inUse;
}

/** Pins the model version before the first link is written, so a later publication cannot change what keys mean. */
export async function pinModel(tx: TenantTx, tenantId: string, inUse: ModelInUse): Promise<void> {
  if (inUse.pinned) return;
  await tx.insert(maturitySettings).values({ tenantId, modelId: inUse.summary.id }).onConflictDoNothing();
}

export function criterionIndex(model: MaturityModel) {
  const byKey = new Map<string, { dimensionKey: string; level: number; title: string }>();
  for (const d of model.dimensions)
    for (const l of d.levels)
      for (const c of l.criteria) byKey.set(c.key, { dimensionKey: d.key, level: l.level, title: c.title });
  return byKey;
}

export function dimensionCriterionKeys(model: MaturityModel, dimensionKey: string): string[] {
  const dimension = model.dimensions.find((d) => d.key === dimensionKey);
  return dimension ? dimension.levels.flatMap((l) => l.criteria.map((c) => c.key)) : [];
}

/** The org unit and its subtree, or undefined for the whole administration. Unknown unit → NOT_FOUND. */
export async function scopeUnits(
  tx: TenantTx,
  orgUnitId: string | null | undefined,
): Promise<string[] | undefined> {
  if (!orgUnitId) return undefined;
  const units = await listOrgUnits(tx);
  if (!units.some((u) => u.id === orgUnitId))
    throw new DomainError("NOT_FOUND", "Diese Organisationseinheit gibt es nicht.");
  return subtreeIds(units, orgUnitId);
}
