// Queries on the tenant registry: the public directory (login picker) and the state's administration.
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
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
    .set({ status: dueAt ? "deletion_pending" : "active", deletionDueAt: dueAt, updatedAt: new Date() })
    .where(eq(tenants.id, id))
    .returning();
  return { before, after: after! };
}
