// Final deletion of Kommunen whose deletion the state scheduled and whose grace period has passed (`pnpm spatz
// purge-tenants`, a daily CronJob in infra/k8s). Everything comes from the catalog: the tenant tables (rls-catalog.ts),
// the order their foreign keys need, and every other column that points at the tenant. One transaction per Kommune,
// which checks before it commits that no row of the Kommune is left in any table, and writes its audit entry in the
// state's log.
//
// It runs on the maintenance connection, a role that bypasses row-level security (a superuser, or BYPASSRLS with
// pg_read_all_data and pg_write_all_data): the runtime role spatz_app can never delete a Kommune's audit log or
// strategy history (append-only), and should not be able to.
import { sql } from "drizzle-orm";
import { type Actor, writeAudit } from "./audit.ts";
import type { Database } from "./client.ts";
import { STATE_TENANT_ID } from "./constants.ts";
import { TENANT_TABLES_QUERY, type TenantTable, tenantTables } from "./rls-catalog.ts";
import { type TenantTx, withTenant } from "./tenant-tx.ts";

export class TenantPurgeError extends Error {
  override name = "TenantPurgeError";
}

export type PurgedTenant = {
  id: string;
  slug: string;
  name: string;
  deletionDueAt: string;
  /** Rows per table as they were before the deletion (cascaded rows counted in their own table). */
  rowsDeleted: Record<string, number>;
};

type ForeignKey = { child: string; parent: string; onDelete: string };
type Reference = { table: string; column: string; nullable: boolean };

/**
 * The order to empty the tenant tables in: a table referenced without ON DELETE CASCADE after the tables that
 * reference it; a table referenced with CASCADE before them, so that its own cascade removes their rows (a trigger
 * such as "a completed measure keeps its evidence" then never sees a measure without its files).
 */
export function deletionOrder(tables: readonly string[], keys: readonly ForeignKey[]): string[] {
  const names = new Set(tables);
  const before = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  for (const k of keys) {
    if (k.child === k.parent || !names.has(k.child) || !names.has(k.parent)) continue;
    if (k.onDelete === "c") before.get(k.child)!.add(k.parent);
    else if (k.onDelete === "a" || k.onDelete === "r") before.get(k.parent)!.add(k.child);
  }
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = [...tables]
      .sort()
      .find((t) => !done.has(t) && [...before.get(t)!].every((b) => done.has(b)));
    if (!ready) throw new TenantPurgeError(`foreign keys form a cycle among ${[...names].join(", ")}`);
    order.push(ready);
    done.add(ready);
  }
  return order;
}

async function assertBypassesRls(db: Database): Promise<void> {
  const [role] = await db.$client<{ bypass: boolean }[]>`
    select rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user`;
  if (!role?.bypass) {
    throw new TenantPurgeError(
      "Die endgültige Löschung braucht die Wartungsrolle (MAINTENANCE_DATABASE_URL: Superuser oder BYPASSRLS); " +
        "die Laufzeitrolle sieht die Zeilen einer Kommune nicht. / Purging needs the maintenance role.",
    );
  }
}

async function countRows(tx: TenantTx, table: string, column: string, tenantId: string): Promise<number> {
  const [row] = await tx.execute<{ n: string }>(
    sql`select count(*) as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${tenantId}`,
  );
  return Number(row!.n);
}

async function purgeOne(
  tx: TenantTx,
  tenantId: string,
  now: Date,
  actor: Actor,
): Promise<PurgedTenant | null> {
  // A deletion can take a while for a large Kommune: no statement timeout of the runtime applies here.
  await tx.execute(sql`set local statement_timeout = 0`);
  const [tenant] = await tx.execute<{
    id: string;
    slug: string;
    name: string;
    kind: string;
    ags: string | null;
    due: string;
  }>(sql`
    select id, slug, name, kind, ags, deletion_due_at::text as due from tenants
    where id = ${tenantId} and status = 'deletion_pending' and deletion_due_at <= ${now.toISOString()}
    for update`);
  // Undone (or already purged) since it was found due.
  if (!tenant) return null;

  const catalog = [...(await tx.execute<TenantTable>(sql.raw(TENANT_TABLES_QUERY)))];
  const tables = tenantTables(catalog).map((t) => t.name);
  const keys = [
    ...(await tx.execute<ForeignKey>(sql`
      select conrelid::regclass::text as child, confrelid::regclass::text as parent, confdeltype::text as "onDelete"
      from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`)),
  ];
  // Every single-column reference to the tenant registry other than a tenant table's own tenant_id, e.g. the state's
  // comments addressed to the Kommune (rollout_comments.kommune_tenant_id) and the Gemeinden it administered.
  const references = [
    ...(await tx.execute<Reference>(sql`
      select c.conrelid::regclass::text as table, a.attname::text as column, not a.attnotnull as nullable
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'public.tenants'::regclass and cardinality(c.conkey) = 1`)),
  ].filter((r) => !(r.column === "tenant_id" && tables.includes(r.table)));

  const rowsDeleted: Record<string, number> = {};
  for (const r of references) {
    const n = await countRows(tx, r.table, r.column, tenantId);
    if (n === 0) continue;
    rowsDeleted[`${r.table}.${r.column}`] = n;
    // A nullable reference (a Gemeinde administered by the Kommune) loses the link; a required one goes with it.
    if (r.nullable)
      await tx.execute(
        sql`update ${sql.identifier(r.table)} set ${sql.identifier(r.column)} = null where ${sql.identifier(r.column)} = ${tenantId}`,
      );
    else
      await tx.execute(
        sql`delete from ${sql.identifier(r.table)} where ${sql.identifier(r.column)} = ${tenantId}`,
      );
  }
  for (const table of tables) rowsDeleted[table] = await countRows(tx, table, "tenant_id", tenantId);
  for (const table of deletionOrder(tables, keys))
    await tx.execute(sql`delete from ${sql.identifier(table)} where tenant_id = ${tenantId}`);
  await tx.execute(sql`delete from tenants where id = ${tenantId}`);

  // Nothing of the Kommune may remain: every column that holds a tenant id, in every table.
  const left: string[] = [];
  for (const t of catalog) if ((await countRows(tx, t.name, "tenant_id", tenantId)) > 0) left.push(t.name);
  for (const r of references)
    if ((await countRows(tx, r.table, r.column, tenantId)) > 0) left.push(`${r.table}.${r.column}`);
  if ((await countRows(tx, "tenants", "id", tenantId)) > 0) left.push("tenants");
  if (left.length > 0)
    throw new TenantPurgeError(`rows of ${tenant.slug} remain in ${left.join(", ")}; nothing was deleted`);

  const purged: PurgedTenant = {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    deletionDueAt: tenant.due,
    rowsDeleted,
  };
  await writeAudit(tx, STATE_TENANT_ID, actor, {
    action: "tenant.purge",
    entityType: "tenant",
    entityId: tenant.id,
    before: {
      slug: tenant.slug,
      name: tenant.name,
      kind: tenant.kind,
      ags: tenant.ags,
      deletionDueAt: tenant.due,
    },
    after: { rowsDeleted },
  });
  return purged;
}

/** Deletes every Kommune whose deletion date has come, each in its own transaction; returns what was deleted. */
export async function purgeDueTenants(
  maintenance: Database,
  opts: { actor: Actor; now?: Date },
): Promise<PurgedTenant[]> {
  await assertBypassesRls(maintenance);
  const now = opts.now ?? new Date();
  const due = await maintenance.$client<{ id: string }[]>`
    select id from tenants where status = 'deletion_pending' and deletion_due_at <= ${now.toISOString()} order by deletion_due_at`;
  const purged: PurgedTenant[] = [];
  for (const { id } of due) {
    const result = await withTenant(maintenance, STATE_TENANT_ID, (tx) => purgeOne(tx, id, now, opts.actor));
    if (result) purged.push(result);
  }
  return purged;
}
