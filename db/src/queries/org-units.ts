// Organisational units of the current tenant: a small tree, read whole and shaped by the caller.
import { asc, count, eq } from "drizzle-orm";
import { measures } from "../schema/measures.ts";
import { orgUnits } from "../schema/org-units.ts";
import { strategies } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";

export async function listOrgUnits(tx: TenantTx) {
  return tx
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      shortCode: orgUnits.shortCode,
      parentId: orgUnits.parentId,
    })
    .from(orgUnits)
    .orderBy(asc(orgUnits.shortCode));
}

export async function getOrgUnit(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row ?? null;
}

/** The unit and every unit below it. */
export function subtreeIds(
  units: readonly { id: string; parentId: string | null }[],
  rootId: string,
): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (!u.parentId) continue;
    children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  }
  const result: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (result.includes(id)) continue;
    result.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** How often a unit is referenced; a unit in use cannot be removed. */
export async function orgUnitUsage(tx: TenantTx, id: string) {
  const [[m], [s], [c]] = await Promise.all([
    tx.select({ n: count() }).from(measures).where(eq(measures.orgUnitId, id)),
    tx.select({ n: count() }).from(strategies).where(eq(strategies.orgUnitId, id)),
    tx.select({ n: count() }).from(orgUnits).where(eq(orgUnits.parentId, id)),
  ]);
  return { measures: m?.n ?? 0, strategies: s?.n ?? 0, children: c?.n ?? 0 };
}
