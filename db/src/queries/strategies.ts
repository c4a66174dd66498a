// Strategies of the current tenant (whole administration or one org unit) and their approved versions.
import { and, asc, desc, eq, isNull, max } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError, isUniqueViolation } from "../domain-error.ts";
import { orgUnits } from "../schema/org-units.ts";
import { type StrategyTarget, strategies, strategyVersions } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";
import { getOrgUnit } from "./org-units.ts";
import { tenantRef } from "./tenant-ref.ts";

export async function listStrategies(tx: TenantTx) {
  const rows = await tx
    .select({
      id: strategies.id,
      orgUnitId: strategies.orgUnitId,
      orgUnitName: orgUnits.name,
      orgUnitCode: orgUnits.code,
      title: strategies.title,
      updatedAt: strategies.updatedAt,
    })
    .from(strategies)
    .leftJoin(orgUnits, tenantRef(orgUnits, strategies.tenantId, strategies.orgUnitId))
    .orderBy(asc(orgUnits.code), asc(strategies.title));
  const versions = await tx
    .select({
      strategyId: strategyVersions.strategyId,
      version: max(strategyVersions.version),
    })
    .from(strategyVersions)
    .groupBy(strategyVersions.strategyId);
  const latest = new Map(versions.map((v) => [v.strategyId, v.version ?? 0]));
  // Whole administration first.
  return rows
    .map((r) => ({ ...r, approvedVersion: latest.get(r.id) ?? 0 }))
    .sort((a, b) => Number(a.orgUnitId !== null) - Number(b.orgUnitId !== null));
}

export async function getStrategy(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(strategies).where(eq(strategies.id, id));
  return row ?? null;
}

export async function getStrategyForScope(tx: TenantTx, orgUnitId: string | null) {
  const [row] = await tx
    .select()
    .from(strategies)
    .where(orgUnitId ? eq(strategies.orgUnitId, orgUnitId) : isNull(strategies.orgUnitId));
  return row ?? null;
}

export async function listStrategyVersions(tx: TenantTx, strategyId: string) {
  return tx
    .select()
    .from(strategyVersions)
    .where(eq(strategyVersions.strategyId, strategyId))
    .orderBy(desc(strategyVersions.version));
}

/** The approved version that counts (the latest), or null while nothing is approved. */
export async function latestApprovedVersion(tx: TenantTx, strategyId: string) {
  const [row] = await tx
    .select()
    .from(strategyVersions)
    .where(eq(strategyVersions.strategyId, strategyId))
    .orderBy(desc(strategyVersions.version))
    .limit(1);
  return row ?? null;
}

const NOT_FOUND = "Diese Strategie gibt es nicht.";

type Content = { title: string; vision: string; goals: string[]; targets: StrategyTarget[] };

/** Whether two strategy states say the same (title, vision, goals, targets). */
export function sameStrategyContent(a: Content, b: Content): boolean {
  return (
    JSON.stringify([a.title, a.vision, a.goals, a.targets]) ===
    JSON.stringify([b.title, b.vision, b.goals, b.targets])
  );
}

export type StrategyInput = Content & { id?: string; orgUnitId: string | null };

/** Creates or updates the working copy; targets must name dimensions of the model version the Kommune uses. */
export async function saveStrategy(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  input: StrategyInput,
  dimensionKeys: ReadonlySet<string>,
) {
  const unknown = input.targets.filter((t) => !dimensionKeys.has(t.dimensionKey));
  if (unknown.length > 0)
    throw new DomainError(
      "BAD_REQUEST",
      `Unbekannte Dimension: ${unknown.map((t) => t.dimensionKey).join(", ")}.`,
      "targets",
    );
  const fields = { title: input.title, vision: input.vision, goals: input.goals, targets: input.targets };
  if (input.id) {
    const before = await getStrategy(tx, input.id);
    if (!before) throw new DomainError("NOT_FOUND", NOT_FOUND);
    const [row] = await tx
      .update(strategies)
      .set(fields)
      .where(and(eq(strategies.tenantId, tenantId), eq(strategies.id, input.id)))
      .returning();
    await writeAudit(tx, tenantId, actor, {
      action: "strategy.update",
      entityType: "strategy",
      entityId: input.id,
      before: { title: before.title, vision: before.vision, goals: before.goals, targets: before.targets },
      after: fields,
    });
    return row!;
  }
  if (input.orgUnitId && !(await getOrgUnit(tx, input.orgUnitId)))
    throw new DomainError("BAD_REQUEST", "Diese Organisationseinheit gibt es nicht.", "orgUnitId");
  try {
    const [row] = await tx
      .insert(strategies)
      .values({ ...fields, orgUnitId: input.orgUnitId, tenantId })
      .returning();
    await writeAudit(tx, tenantId, actor, {
      action: "strategy.create",
      entityType: "strategy",
      entityId: row!.id,
      after: { ...fields, orgUnitId: input.orgUnitId },
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError("BAD_REQUEST", "Für diesen Bereich gibt es bereits eine Strategie.", "orgUnitId");
    throw error;
  }
}

/** Leadership's approval: the working copy becomes a read-only version whose targets are the Soll that counts. */
export async function approveStrategy(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  approver: { id: string; displayName: string },
  id: string,
  modelId: string,
  approvedOn: string,
) {
  const strategy = await getStrategy(tx, id);
  if (!strategy) throw new DomainError("NOT_FOUND", NOT_FOUND);
  const latest = await latestApprovedVersion(tx, id);
  if (latest && sameStrategyContent(latest, strategy))
    throw new DomainError("CONFLICT", "Dieser Stand ist bereits freigegeben.");
  const [version] = await tx
    .insert(strategyVersions)
    .values({
      tenantId,
      strategyId: strategy.id,
      version: (latest?.version ?? 0) + 1,
      title: strategy.title,
      vision: strategy.vision,
      goals: strategy.goals,
      targets: strategy.targets,
      modelId,
      approvedOn,
      approvedByUserId: approver.id,
      approvedByName: approver.displayName,
    })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "strategy.approve",
    entityType: "strategy",
    entityId: strategy.id,
    after: { version: version!.version, approvedOn: version!.approvedOn, targets: version!.targets },
  });
  return version!;
}
