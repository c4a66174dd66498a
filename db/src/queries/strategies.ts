// Strategies of the current tenant (whole administration or one org unit) and their approved versions.
import { and, asc, desc, eq, isNull, max } from "drizzle-orm";
import { orgUnits } from "../schema/org-units.ts";
import { strategies, strategyVersions } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";

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
    .leftJoin(
      orgUnits,
      and(eq(orgUnits.tenantId, strategies.tenantId), eq(orgUnits.id, strategies.orgUnitId)),
    )
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
