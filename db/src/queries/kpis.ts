// Key figures of a strategy's goals (schema/kpis.ts, docs/adr/0018-strategy-kpis.md): kept by the CDO/PMO, audited on
// the strategy; each with its values over time and its progress (`kpiProgress` in @spatz/domain).
import { kpiProgress } from "@spatz/domain";
import { and, asc, eq, inArray } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { strategyKpis, strategyKpiValues } from "../schema/kpis.ts";
import { strategies } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type KpiValues = {
  goal: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  target: number;
  targetOn: string;
  source: string;
};

/** The strategy's figures with their values (oldest first) and progress as of `today`. */
export async function listKpis(tx: TenantTx, strategyIds: string[], today: string) {
  if (strategyIds.length === 0) return [];
  const kpis = await tx
    .select()
    .from(strategyKpis)
    .where(inArray(strategyKpis.strategyId, strategyIds))
    .orderBy(asc(strategyKpis.createdAt));
  const values =
    kpis.length === 0
      ? []
      : await tx
          .select({
            id: strategyKpiValues.id,
            kpiId: strategyKpiValues.kpiId,
            measuredOn: strategyKpiValues.measuredOn,
            value: strategyKpiValues.value,
            note: strategyKpiValues.note,
            recordedBy: strategyKpiValues.recordedBy,
          })
          .from(strategyKpiValues)
          .where(
            inArray(
              strategyKpiValues.kpiId,
              kpis.map((k) => k.id),
            ),
          )
          .orderBy(asc(strategyKpiValues.measuredOn));
  return kpis.map((k) => {
    const own = values.filter((v) => v.kpiId === k.id);
    return { ...k, values: own, progress: kpiProgress(k, own, today) };
  });
}

async function strategyRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(strategies).where(eq(strategies.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "Diese Strategie gibt es nicht.");
  return row;
}

/** A figure measures one of the strategy's goals (as they stand now). */
function assertGoal(strategy: { goals: string[] }, goal: string) {
  if (!strategy.goals.includes(goal))
    throw new DomainError("BAD_REQUEST", "Dieses Ziel steht nicht (mehr) in der Strategie.", "goal");
}

async function kpiRow(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(strategyKpis).where(eq(strategyKpis.id, id));
  if (!row) throw new DomainError("NOT_FOUND", "Diese Kennzahl gibt es nicht.");
  return row;
}

const audited = (k: KpiValues) => ({
  name: k.name,
  goal: k.goal,
  baseline: k.baseline,
  target: k.target,
  targetOn: k.targetOn,
  unit: k.unit,
});

export async function createKpi(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  v: KpiValues & { strategyId: string },
) {
  assertGoal(await strategyRow(tx, v.strategyId), v.goal);
  const [row] = await tx
    .insert(strategyKpis)
    .values({ tenantId, ...v })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "strategy.kpi_create",
    entityType: "strategy",
    entityId: v.strategyId,
    after: audited(v),
  });
  return row!;
}

export async function updateKpi(tx: TenantTx, tenantId: string, actor: Actor, id: string, v: KpiValues) {
  const before = await kpiRow(tx, id);
  // A figure may keep the goal text it was made for even after the goal was reworded; a new goal must exist.
  if (v.goal !== before.goal) assertGoal(await strategyRow(tx, before.strategyId), v.goal);
  await tx.update(strategyKpis).set(v).where(eq(strategyKpis.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "strategy.kpi_update",
    entityType: "strategy",
    entityId: before.strategyId,
    before: audited(before),
    after: audited(v),
  });
}

export async function removeKpi(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const before = await kpiRow(tx, id);
  await tx.delete(strategyKpis).where(eq(strategyKpis.id, id));
  await writeAudit(tx, tenantId, actor, {
    action: "strategy.kpi_remove",
    entityType: "strategy",
    entityId: before.strategyId,
    before: audited(before),
  });
}

/** One value per day: a second one for the same day replaces it (both in the history). */
export async function recordKpiValue(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  recordedBy: string,
  v: { kpiId: string; measuredOn: string; value: number; note: string },
) {
  const kpi = await kpiRow(tx, v.kpiId);
  const [previous] = await tx
    .select({ value: strategyKpiValues.value })
    .from(strategyKpiValues)
    .where(and(eq(strategyKpiValues.kpiId, v.kpiId), eq(strategyKpiValues.measuredOn, v.measuredOn)));
  await tx
    .insert(strategyKpiValues)
    .values({ tenantId, ...v, recordedBy })
    .onConflictDoUpdate({
      target: [strategyKpiValues.tenantId, strategyKpiValues.kpiId, strategyKpiValues.measuredOn],
      set: { value: v.value, note: v.note, recordedBy },
    });
  await writeAudit(tx, tenantId, actor, {
    action: "strategy.kpi_value",
    entityType: "strategy",
    entityId: kpi.strategyId,
    before: previous ? { name: kpi.name, measuredOn: v.measuredOn, value: previous.value } : undefined,
    after: { name: kpi.name, measuredOn: v.measuredOn, value: v.value },
  });
}

export async function removeKpiValue(tx: TenantTx, tenantId: string, actor: Actor, id: string) {
  const [row] = await tx.delete(strategyKpiValues).where(eq(strategyKpiValues.id, id)).returning();
  if (!row) throw new DomainError("NOT_FOUND", "Diesen Wert gibt es nicht.");
  const kpi = await kpiRow(tx, row.kpiId);
  await writeAudit(tx, tenantId, actor, {
    action: "strategy.kpi_value_remove",
    entityType: "strategy",
    entityId: kpi.strategyId,
    before: { name: kpi.name, measuredOn: row.measuredOn, value: row.value },
  });
}
