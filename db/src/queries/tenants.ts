// Queries on the tenant registry: the public directory (login picker) and the state's administration.
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { DomainError, isUniqueViolation } from "../domain-error.ts";
import { type Tenant, type TenantKind, tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type TenantListFilter = {
  search?: string;
  kind?: TenantKind;
  status?: Tenant["status"];
  page: number;
  pageSize: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function filterWhere(f: TenantListFilter): SQL | undefined {
  const search = f.search?.trim();
  return and(
    search
      ? or(
          ilike(tenants.name, `%${escapeLike(search)}%`),
          ilike(tenants.slug, `%${escapeLike(search)}%`),
          eq(tenants.ags, search),
        )
      : undefined,
    f.kind ? eq(tenants.kind, f.kind) : undefined,
    f.status ? eq(tenants.status, f.status) : undefined,
  );
}

export async function listTenants(tx: TenantTx, f: TenantListFilter) {
  const where = filterWhere(f);
  const [items, [total]] = await Promise.all([
    tx
      .select({
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        kind: tenants.kind,
        ags: tenants.ags,
        kreisName: tenants.kreisName,
        population: tenants.population,
        status: tenants.status,
        deletionDueAt: tenants.deletionDueAt,
        updatedAt: tenants.updatedAt,
      })
      .from(tenants)
      .where(where)
      .orderBy(asc(tenants.kind), asc(tenants.name))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(tenants).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getTenantBySlug(tx: TenantTx, slug: string) {
  const [row] = await tx.select().from(tenants).where(eq(tenants.slug, slug));
  return row ?? null;
}

export async function getTenantById(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(tenants).where(eq(tenants.id, id));
  return row ?? null;
}

/**
 * Marks a Kommune for deletion on `dueAt` (nobody there can sign in from now on; sessions.ts and the login accept only
 * active tenants) or, with `dueAt` null, takes the mark back. Returns the row before and after, or null when the
 * Kommune is not in the state the change starts from.
 */
export async function setTenantDeletion(tx: TenantTx, id: string, dueAt: Date | null) {
  const before = await getTenantById(tx, id);
  if (!before || before.kind === "state") return null;
  if (dueAt ? before.status === "deletion_pending" : before.status !== "deletion_pending") return null;
  const [after] = await tx
    .update(tenants)
    .set({ status: dueAt ? "deletion_pending" : "active", deletionDueAt: dueAt })
    .where(eq(tenants.id, id))
    .returning();
  return { before, after: after! };
}

// The state's administration of the registry. Each runs in the state's transaction and writes the state's audit entry;
// the Kommune's side of a change (ending its sessions, its own audit entry) runs afterwards in the Kommune's
// transaction (packages/auth accounts.ts), never nested.

export type NewTenant = {
  name: string;
  slug: string;
  kind: Exclude<TenantKind, "state">;
  ags?: string;
  kreisName?: string;
  population?: number;
};

export async function createTenant(tx: TenantTx, stateId: string, actor: Actor, input: NewTenant) {
  try {
    const [row] = await tx.insert(tenants).values(input).returning();
    await writeAudit(tx, stateId, actor, {
      action: "tenant.create",
      entityType: "tenant",
      entityId: row!.id,
      after: row,
    });
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("CONFLICT", "Kennung oder AGS ist bereits vergeben.");
    throw error;
  }
}

async function kommuneById(tx: TenantTx, id: string) {
  const row = await getTenantById(tx, id);
  if (!row) throw new DomainError("NOT_FOUND", "Diese Verwaltung gibt es nicht.");
  return row;
}

export async function renameTenant(tx: TenantTx, stateId: string, actor: Actor, id: string, name: string) {
  const before = await kommuneById(tx, id);
  const [row] = await tx.update(tenants).set({ name }).where(eq(tenants.id, id)).returning();
  await writeAudit(tx, stateId, actor, {
    action: "tenant.rename",
    entityType: "tenant",
    entityId: id,
    before: { name: before.name },
    after: { name },
  });
  return row!;
}

/** Suspends or reactivates a Kommune (state side); a suspended Kommune's sessions are refused from the commit on. */
export async function setTenantStatus(
  tx: TenantTx,
  stateId: string,
  actor: Actor,
  id: string,
  status: "active" | "suspended",
) {
  const before = await kommuneById(tx, id);
  if (before.kind === "state") throw new DomainError("BAD_REQUEST", "Das Land kann nicht gesperrt werden.");
  if (before.status === "deletion_pending")
    throw new DomainError(
      "BAD_REQUEST",
      "Diese Kommune ist zur Löschung vorgemerkt. Heben Sie zuerst die Löschung auf.",
    );
  const [row] = await tx.update(tenants).set({ status }).where(eq(tenants.id, id)).returning();
  await writeAudit(tx, stateId, actor, {
    action: status === "suspended" ? "tenant.suspend" : "tenant.reactivate",
    entityType: "tenant",
    entityId: id,
    before: { status: before.status },
    after: { status },
  });
  return row!;
}

/** Marks a Kommune for deletion on `dueAt`; the Kennung typed again (`confirmSlug`) confirms it. */
export async function scheduleTenantDeletion(
  tx: TenantTx,
  stateId: string,
  actor: Actor,
  id: string,
  confirmSlug: string,
  dueAt: Date,
) {
  const current = await kommuneById(tx, id);
  if (current.kind === "state") throw new DomainError("BAD_REQUEST", "Das Land kann nicht gelöscht werden.");
  if (confirmSlug.trim() !== current.slug)
    throw new DomainError(
      "BAD_REQUEST",
      `Zur Bestätigung bitte die Kennung „${current.slug}“ eingeben.`,
      "confirmSlug",
    );
  const changed = await setTenantDeletion(tx, id, dueAt);
  if (!changed) throw new DomainError("CONFLICT", "Diese Kommune ist bereits zur Löschung vorgemerkt.");
  await writeAudit(tx, stateId, actor, {
    action: "tenant.schedule_deletion",
    entityType: "tenant",
    entityId: id,
    before: { status: changed.before.status },
    after: { status: changed.after.status, deletionDueAt: dueAt },
  });
  return changed.after;
}

export async function cancelTenantDeletion(tx: TenantTx, stateId: string, actor: Actor, id: string) {
  const changed = await setTenantDeletion(tx, id, null);
  if (!changed) throw new DomainError("NOT_FOUND", "Für diese Verwaltung ist keine Löschung vorgemerkt.");
  await writeAudit(tx, stateId, actor, {
    action: "tenant.cancel_deletion",
    entityType: "tenant",
    entityId: id,
    before: { status: changed.before.status, deletionDueAt: changed.before.deletionDueAt },
    after: { status: changed.after.status },
  });
  return changed.after;
}

/** The state's own record that it invited a Kommune's administration (the Kommune records the invitation itself). */
export async function recordAdminInvitation(
  tx: TenantTx,
  stateId: string,
  actor: Actor,
  tenantId: string,
  email: string,
) {
  await writeAudit(tx, stateId, actor, {
    action: "tenant.invite_admin",
    entityType: "tenant",
    entityId: tenantId,
    after: { email },
  });
}
