// The database itself enforces isolation: these checks read the catalog, so a new tenant table without RLS, FORCE,
// a tenant policy or tenant-first unique keys fails here, as does a grant that lets the runtime role edit the audit log.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(inject("ownerUrl"), { max: 1, onnotice: () => {} });
});
afterAll(() => sql.end());

/** Tables that are global by design: the tenant registry and the reference list of Gemeinden. */
const GLOBAL_TABLES = new Set([
  "tenants",
  "municipalities",
  // The state's maturity model versions (DESIGN.md §2): every Kommune reads them, only the state writes them, and
  // published versions are immutable (triggers, tested in maturity-model.test.ts). They hold no Kommune data.
  "maturity_models",
  "maturity_dimensions",
  "maturity_levels",
  "maturity_criteria",
  "maturity_criterion_mappings",
]);

async function publicTables(): Promise<
  { name: string; rls: boolean; force: boolean; owner: string; hasTenantId: boolean }[]
> {
  return sql`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as force, pg_get_userbyid(c.relowner) as owner,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "hasTenantId"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by 1`;
}

describe("row-level security invariants", () => {
  it("every table has RLS enabled and forced, and every non-global table carries tenant_id", async () => {
    const tables = await publicTables();
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const t of tables) {
      expect({ table: t.name, rls: t.rls, force: t.force }).toEqual({
        table: t.name,
        rls: true,
        force: true,
      });
      if (!GLOBAL_TABLES.has(t.name))
        expect({ table: t.name, hasTenantId: t.hasTenantId }).toEqual({ table: t.name, hasTenantId: true });
    }
  });

  it("every tenant table has a policy for the runtime role that checks the tenant on read and write", async () => {
    const tables = (await publicTables()).filter((t) => !GLOBAL_TABLES.has(t.name));
    const policies = await sql<
      { table: string; cmd: string; qual: string | null; check: string | null; roles: string[] }[]
    >`
      select tablename as table, cmd, qual, with_check as check, roles from pg_policies where schemaname = 'public'`;
    for (const t of tables) {
      const own = policies.filter((p) => p.table === t.name);
      const isolation = own.find(
        (p) =>
          p.cmd === "ALL" &&
          p.qual?.includes("app_current_tenant()") &&
          p.check?.includes("app_current_tenant()"),
      );
      expect(isolation, `tenant policy on ${t.name}`).toBeDefined();
      expect(isolation!.roles).toEqual(["spatz_app"]);
      // Any other permissive policy would widen access (policies are OR-ed): each must be reviewed and listed here.
      const others = own.filter((p) => p !== isolation).map((p) => `${p.table}:${p.cmd}`);
      expect(others).toEqual([]);
    }
  });

  it("global tables are written only in a transaction of the state tenant", async () => {
    const policies = await sql<{ table: string; cmd: string; qual: string | null; check: string | null }[]>`
      select tablename as table, cmd, qual, with_check as check from pg_policies where schemaname = 'public'`;
    for (const table of GLOBAL_TABLES) {
      const writes = policies.filter((p) => p.table === table && p.cmd !== "SELECT");
      expect(writes.length, `write policies on ${table}`).toBeGreaterThan(0);
      for (const p of writes) {
        for (const expr of [p.qual, p.check].filter((e) => e !== null)) {
          expect(expr, `${table}:${p.cmd}`).toContain("app_current_tenant_is_state()");
        }
      }
    }
  });

  it("unique keys and primary keys of tenant tables start with tenant_id", async () => {
    const rows = await sql<{ table: string; index: string; first: string }[]>`
      select t.relname as table, i.relname as index, a.attname as first
      from pg_index x
      join pg_class t on t.oid = x.indrelid
      join pg_class i on i.oid = x.indexrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
      where n.nspname = 'public' and x.indisunique`;
    const tenantTables = new Set(
      (await publicTables()).filter((t) => !GLOBAL_TABLES.has(t.name)).map((t) => t.name),
    );
    const offending = rows.filter((r) => tenantTables.has(r.table) && r.first !== "tenant_id");
    expect(offending).toEqual([]);
  });

  it("the runtime role owns nothing, cannot bypass RLS and cannot change the audit log", async () => {
    const [role] =
      await sql`select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = 'spatz_app'`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const owned = (await publicTables()).filter((t) => t.owner === "spatz_app");
    expect(owned).toEqual([]);
    const [audit] = await sql`
      select has_table_privilege('spatz_app', 'audit_log', 'UPDATE') as upd,
             has_table_privilege('spatz_app', 'audit_log', 'DELETE') as del,
             has_table_privilege('spatz_app', 'audit_log', 'TRUNCATE') as trunc,
             has_table_privilege('spatz_app', 'audit_log', 'INSERT') as ins`;
    expect(audit).toEqual({ upd: false, del: false, trunc: false, ins: true });
    // Approved strategy versions are history in the same way.
    const [versions] = await sql`
      select has_table_privilege('spatz_app', 'strategy_versions', 'UPDATE') as upd,
             has_table_privilege('spatz_app', 'strategy_versions', 'DELETE') as del,
             has_table_privilege('spatz_app', 'strategy_versions', 'INSERT') as ins`;
    expect(versions).toEqual({ upd: false, del: false, ins: true });
  });
});
