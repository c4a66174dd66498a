// Named list filters of the signed-in user. Each user sees and changes only their own.
import type { ProjectFilter } from "@spatz/domain";
import { and, asc, eq } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError } from "../domain-error.ts";
import { savedProjectFilters } from "../schema/portfolio.ts";
import type { TenantTx } from "../tenant-tx.ts";

export async function listSavedFilters(tx: TenantTx, userId: string) {
  const rows = await tx
    .select({
      id: savedProjectFilters.id,
      name: savedProjectFilters.name,
      filter: savedProjectFilters.filter,
    })
    .from(savedProjectFilters)
    .where(eq(savedProjectFilters.userId, userId))
    .orderBy(asc(savedProjectFilters.name));
  return rows.map((r) => ({ ...r, filter: r.filter as ProjectFilter }));
}

/** Saves under a name; saving again under the same name replaces the filter. */
export async function saveFilter(
  tx: TenantTx,
  tenantId: string,
  actor: Actor,
  userId: string,
  name: string,
  filter: ProjectFilter,
) {
  const [row] = await tx
    .insert(savedProjectFilters)
    .values({ tenantId, userId, name, filter })
    .onConflictDoUpdate({
      target: [savedProjectFilters.tenantId, savedProjectFilters.userId, savedProjectFilters.name],
      set: { filter },
    })
    .returning({
      id: savedProjectFilters.id,
      name: savedProjectFilters.name,
      filter: savedProjectFilters.filter,
    });
  await writeAudit(tx, tenantId, actor, {
    action: "portfolio.filter_save",
    entityType: "saved_filter",
    entityId: row!.id,
    after: { name, filter },
  });
  return { ...row!, filter: row!.filter as ProjectFilter };
}

export async function deleteFilter(tx: TenantTx, tenantId: string, actor: Actor, userId: string, id: string) {
  const [row] = await tx
    .delete(savedProjectFilters)
    .where(
      and(
        eq(savedProjectFilters.tenantId, tenantId),
        eq(savedProjectFilters.id, id),
        eq(savedProjectFilters.userId, userId),
      ),
    )
    .returning({ id: savedProjectFilters.id, name: savedProjectFilters.name });
  if (!row) throw new DomainError("NOT_FOUND", "Diesen gespeicherten Filter gibt es nicht.");
  await writeAudit(tx, tenantId, actor, {
    action: "portfolio.filter_delete",
    entityType: "saved_filter",
    entityId: id,
    before: { name: row.name },
  });
}
