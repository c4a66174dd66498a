// The org unit tree of the current tenant: GB at the top, R below a GB, other units anywhere. Shared by the portfolio
// (GB/R of projects) and maturity (scope of measures and strategies, a unit with everything below it).
import { and, asc, count, eq, or } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { capacitySources } from "../schema/capacity.ts";
import { measures } from "../schema/measures.ts";
import { type OrgUnit, type OrgUnitKind, orgUnits } from "../schema/org-units.ts";
import { projectProposals, projects } from "../schema/portfolio.ts";
import { strategies } from "../schema/strategies.ts";
import type { TenantTx } from "../tenant-tx.ts";

const publicUnit = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
  sortOrder: orgUnits.sortOrder,
};
export type OrgUnitRow = Pick<OrgUnit, "id" | "code" | "name" | "kind" | "parentId" | "sortOrder">;

export async function listOrgUnits(tx: TenantTx): Promise<OrgUnitRow[]> {
  return tx
    .select(publicUnit)
    .from(orgUnits)
    .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.code), asc(orgUnits.id));
}

export async function getOrgUnit(tx: TenantTx, id: string): Promise<OrgUnitRow | null> {
  const [row] = await tx.select(publicUnit).from(orgUnits).where(eq(orgUnits.id, id));
  return row ?? null;
}

/** Codes compare without regard to case and surrounding space ("ob" finds "OB"). */
export function codeKey(code: string): string {
  return code.normalize("NFKC").trim().toLocaleLowerCase("de-DE");
}

async function assertPlacement(tx: TenantTx, kind: OrgUnitKind, parentId: string | null) {
  if (kind === "gb" && parentId !== null)
    throw new DomainError("BAD_REQUEST", "Ein Geschäftsbereich steht immer oben im Baum.", "parentId");
  if (parentId === null) {
    if (kind === "r")
      throw new DomainError(
        "BAD_REQUEST",
        "Bitte den Geschäftsbereich wählen, zu dem das Ressort gehört.",
        "parentId",
      );
    return;
  }
  const parent = await getOrgUnit(tx, parentId);
  if (!parent) throw new DomainError("NOT_FOUND", "Die übergeordnete Einheit gibt es nicht.", "parentId");
  if (kind === "r" && parent.kind !== "gb")
    throw new DomainError(
      "BAD_REQUEST",
      "Ein Ressort bzw. Fachbereich gehört direkt zu einem Geschäftsbereich.",
      "parentId",
    );
}

async function assertCodeFree(tx: TenantTx, code: string, parentId: string | null, exceptId?: string) {
  const siblings = await tx
    .select({ id: orgUnits.id, code: orgUnits.code, parentId: orgUnits.parentId })
    .from(orgUnits);
  const clash = siblings.find(
    (s) => s.parentId === parentId && s.id !== exceptId && codeKey(s.code) === codeKey(code),
  );
  if (clash)
    throw new DomainError(
      "CONFLICT",
      `Das Kürzel „${code}“ gibt es auf dieser Ebene bereits (${clash.code}).`,
      "code",
    );
}

export type OrgUnitValues = { code: string; name: string; kind: OrgUnitKind; parentId: string | null };

export async function createOrgUnit(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  values: OrgUnitValues,
): Promise<OrgUnitRow> {
  await assertPlacement(tx, values.kind, values.parentId);
  await assertCodeFree(tx, values.code, values.parentId);
  const [row] = await tx
    .insert(orgUnits)
    .values({ tenantId, ...values })
    .returning(publicUnit);
  await writeAudit(tx, tenantId, actor, {
    action: "org_unit.create",
    entityType: "org_unit",
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function updateOrgUnit(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  id: string,
  values: { code: string; name: string },
): Promise<OrgUnitRow> {
  const before = await getOrgUnit(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diese Organisationseinheit gibt es nicht.");
  await assertCodeFree(tx, values.code, before.parentId, id);
  const [row] = await tx
    .update(orgUnits)
    .set({ code: values.code, name: values.name })
    .where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)))
    .returning(publicUnit);
  await writeAudit(tx, tenantId, actor, {
    action: "org_unit.update",
    entityType: "org_unit",
    entityId: id,
    before: { code: before.code, name: before.name },
    after: { code: row!.code, name: row!.name },
  });
  return row!;
}

export async function removeOrgUnit(tx: TenantTx, tenantId: string, actor: Actor, id: string): Promise<void> {
  const before = await getOrgUnit(tx, id);
  if (!before) throw new DomainError("NOT_FOUND", "Diese Organisationseinheit gibt es nicht.");
  const [children] = await tx.select({ n: count() }).from(orgUnits).where(eq(orgUnits.parentId, id));
  if ((children?.n ?? 0) > 0)
    throw new DomainError(
      "CONFLICT",
      `„${before.code}“ hat noch untergeordnete Einheiten. Bitte entfernen Sie diese zuerst.`,
    );
  const [[used], [proposed], [measured], [strategy]] = await Promise.all([
    tx
      .select({ n: count() })
      .from(projects)
      .where(or(eq(projects.gbId, id), eq(projects.rId, id))),
    tx
      .select({ n: count() })
      .from(projectProposals)
      .where(or(eq(projectProposals.gbId, id), eq(projectProposals.rId, id))),
    tx.select({ n: count() }).from(measures).where(eq(measures.orgUnitId, id)),
    tx.select({ n: count() }).from(strategies).where(eq(strategies.orgUnitId, id)),
  ]);
  const uses = (used?.n ?? 0) + (proposed?.n ?? 0);
  if (uses > 0)
    throw new DomainError(
      "CONFLICT",
      `„${before.code}“ ist ${uses} Projekten oder Anmeldungen zugeordnet und kann nicht entfernt werden.`,
    );
  const maturityUses = (measured?.n ?? 0) + (strategy?.n ?? 0);
  if (maturityUses > 0)
    throw new DomainError(
      "CONFLICT",
      `„${before.code}“ ist ${measured?.n ?? 0} Maßnahmen und ${strategy?.n ?? 0} Strategien zugeordnet und kann nicht entfernt werden.`,
    );
  const [capacity] = await tx
    .select({ n: count() })
    .from(capacitySources)
    .where(eq(capacitySources.gbId, id));
  if ((capacity?.n ?? 0) > 0)
    throw new DomainError(
      "CONFLICT",
      `„${before.code}“ hat ${capacity!.n} Kapazitätseinträge und kann nicht entfernt werden. Bitte entfernen Sie diese zuerst.`,
    );
  await tx.delete(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id)));
  await writeAudit(tx, tenantId, actor, {
    action: "org_unit.remove",
    entityType: "org_unit",
    entityId: id,
    before,
  });
}

/** The unit and every unit below it (the scope of a maturity view or a measure filter). */
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

/** Checks that `gbId` is a GB and `rId` an R below it; the German messages name the form fields. */
export async function assertGbAndR(tx: TenantTx, gbId: string, rId: string) {
  const [gb, r] = await Promise.all([getOrgUnit(tx, gbId), getOrgUnit(tx, rId)]);
  if (gb?.kind !== "gb") throw new DomainError("BAD_REQUEST", "Bitte einen Geschäftsbereich wählen.", "gbId");
  if (r?.kind !== "r" || r.parentId !== gb.id)
    throw new DomainError(
      "BAD_REQUEST",
      `Bitte ein Ressort bzw. einen Fachbereich des Geschäftsbereichs „${gb.code}“ wählen.`,
      "rId",
    );
  return { gb, r };
}

/**
 * The GB and R with these codes, created on the way when missing (for imports: "OB" / "37"). `units` is the tenant's
 * current list and is extended in place, so one import creates each unit once.
 */
export async function ensureGbAndR(
  tx: TenantTx,
  tenantId: string,
  units: OrgUnitRow[],
  gbCode: string,
  rCode: string,
): Promise<{ gb: OrgUnitRow; r: OrgUnitRow; created: OrgUnitRow[] }> {
  const created: OrgUnitRow[] = [];
  let gb = units.find((u) => u.kind === "gb" && codeKey(u.code) === codeKey(gbCode));
  if (!gb) {
    [gb] = await tx
      .insert(orgUnits)
      .values({ tenantId, code: gbCode.trim(), name: gbCode.trim(), kind: "gb", parentId: null })
      .returning(publicUnit);
    units.push(gb!);
    created.push(gb!);
  }
  let r = units.find((u) => u.kind === "r" && u.parentId === gb!.id && codeKey(u.code) === codeKey(rCode));
  if (!r) {
    [r] = await tx
      .insert(orgUnits)
      .values({ tenantId, code: rCode.trim(), name: rCode.trim(), kind: "r", parentId: gb!.id })
      .returning(publicUnit);
    units.push(r!);
    created.push(r!);
  }
  return { gb: gb!, r: r!, created };
}
