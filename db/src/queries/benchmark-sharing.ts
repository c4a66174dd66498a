// What a Kommune shares by name (benchmark_shares, its own tenant data) and the state's k (benchmark_settings).
// Every change is audited in the same transaction.
import { DEFAULT_K } from "@spatz/benchmark";
import { eq } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { benchmarkSettings, benchmarkShares } from "../schema/benchmark.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type BenchmarkSettings = { k: number; changedAt: Date | null; changedBy: string | null };

export async function getBenchmarkSettings(tx: TenantTx): Promise<BenchmarkSettings> {
  const [row] = await tx
    .select({
      k: benchmarkSettings.k,
      changedAt: benchmarkSettings.changedAt,
      changedBy: benchmarkSettings.changedBy,
    })
    .from(benchmarkSettings);
  return row ?? { k: DEFAULT_K, changedAt: null, changedBy: null };
}

export async function getBenchmarkK(tx: TenantTx): Promise<number> {
  return (await getBenchmarkSettings(tx)).k;
}

/**
 * The state changes k. Only the state's transaction can (policy benchmark_settings_state_update); the range 3–50 is
 * checked by the schema's input and by the table. A larger k suppresses figures below it in the same transaction
 * (trigger benchmark_settings_k_change).
 */
export async function setBenchmarkK(
  tx: TenantTx,
  stateTenantId: string,
  actor: Actor,
  k: number,
): Promise<BenchmarkSettings> {
  const before = await getBenchmarkSettings(tx);
  if (before.k === k) return before;
  const [row] = await tx
    .update(benchmarkSettings)
    .set({ k, changedAt: new Date(), changedBy: actor.label })
    .where(eq(benchmarkSettings.id, true))
    .returning();
  await writeAudit(tx, stateTenantId, actor, {
    action: "benchmark.settings_change",
    entityType: "benchmark_settings",
    before: { k: before.k },
    after: { k },
  });
  return { k: row!.k, changedAt: row!.changedAt, changedBy: row!.changedBy };
}

export type Sharing = {
  withLand: boolean;
  withKommunen: boolean;
  changedAt: Date | null;
  changedBy: string | null;
};

/** The transaction's Kommune's choice; nothing is shared until its leadership or admin decides otherwise. */
export async function getSharing(tx: TenantTx): Promise<Sharing> {
  const [row] = await tx.select().from(benchmarkShares);
  return row
    ? {
        withLand: row.withLand,
        withKommunen: row.withKommunen,
        changedAt: row.changedAt,
        changedBy: row.changedBy,
      }
    : { withLand: false, withKommunen: false, changedAt: null, changedBy: null };
}

/** Takes effect with the next statement of any reader: the snapshot policy asks benchmark_shares every time. */
export async function setSharing(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  choice: { withLand: boolean; withKommunen: boolean },
): Promise<Sharing> {
  const before = await getSharing(tx);
  if (before.withLand === choice.withLand && before.withKommunen === choice.withKommunen && before.changedAt)
    return before;
  const values = { ...choice, changedByUserId: actor.userId, changedBy: actor.label, changedAt: new Date() };
  const [row] = await tx
    .insert(benchmarkShares)
    .values({ tenantId, ...values })
    .onConflictDoUpdate({ target: benchmarkShares.tenantId, set: values })
    .returning();
  await writeAudit(tx, tenantId, actor, {
    action: "benchmark.sharing_change",
    entityType: "benchmark_shares",
    entityId: tenantId,
    before: { withLand: before.withLand, withKommunen: before.withKommunen },
    after: choice,
  });
  return {
    withLand: row!.withLand,
    withKommunen: row!.withKommunen,
    changedAt: row!.changedAt,
    changedBy: row!.changedBy,
  };
}
