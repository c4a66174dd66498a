// The database itself enforces isolation: these checks read the catalog, so a new tenant table without RLS, FORCE,
// a tenant policy or tenant-first unique keys fails here, as does a grant that lets the runtime role edit the audit log.
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(inject("ownerUrl"), { max: 1, onnotice: () => {} });
});
afterAll(() => sql.end());

/** Tables that are global by design: the tenant registry, the reference list of Gemeinden and the state's catalogues. */
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
  // The state's OZG catalogue: everyone reads it, only the state writes it (rollout module).
  "ozg_themenfelder",
  "ozg_lagen",
  "ozg_services",
  "ozg_leika",
  // Land-wide rollout counts (no Kommune names or ids), written by the state's job, read by every Kommune.
  "rollout_land_stats",
]);

/**
 * Policies beyond the tenant policy, each reviewed: `table:policy` → why it is allowed. Permissive policies are OR-ed
 * with the tenant policy and widen access, so each one here is a documented cross-tenant rule (DESIGN.md §2).
 */
const REVIEWED_POLICIES: Record<string, string> = {
  // The rollout status is the state's programme: the state reads every Kommune's records by name. SELECT only: the
  // state has no write policy, so it can never change a Kommune's record (isolation suite proves both).
  "rollout_records:rollout_records_visible_to_state":
    "SELECT (SELECT app_current_tenant_is_state() AS app_current_tenant_is_state)",
  // A comment lives in its author's tenant; the Kommune it is about reads it (and no other Kommune does).
  "rollout_comments:rollout_comments_addressee_read": "SELECT (kommune_tenant_id = app_current_tenant())",
  // The state reads all comments on its programme, including the Kommunen's replies.
  "rollout_comments:rollout_comments_visible_to_state":
    "SELECT (SELECT app_current_tenant_is_state() AS app_current_tenant_is_state)",
  // Restrictive (AND-ed, narrows access): a Kommune may only address comments to itself; only the state addresses others.
  "rollout_comments:rollout_comments_own_kommune_only":
    "INSERT RESTRICTIVE ((kommune_tenant_id = tenant_id) OR (SELECT app_current_tenant_is_state() AS app_current_tenant_is_state))",
};

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

/** pg_get_expr output compared with collapsed whitespace. */
function normalize(expr: string): string {
  return expr.replace(/\s+/g, " ").replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").trim();
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
      {
        table: string;
        name: string;
        permissive: string;
        cmd: string;
        qual: string | null;
        check: string | null;
        roles: string[];
      }[]
    >`
      select tablename as table, policyname as name, permissive, cmd, qual, with_check as check, roles
      from pg_policies where schemaname = 'public'`;
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
      // Any other permissive policy would widen access (policies are OR-ed): each must be reviewed and listed in
      // REVIEWED_POLICIES, with exactly the command and expression reviewed.
      const others = own.filter((p) => p !== isolation);
      for (const p of others) {
        const key = `${p.table}:${p.name}`;
        expect(REVIEWED_POLICIES[key], `unreviewed policy ${key}`).toBeDefined();
        expect(p.roles).toEqual(["spatz_app"]);
        const expr = [p.cmd, p.permissive === "RESTRICTIVE" ? "RESTRICTIVE" : "", p.qual ?? p.check ?? ""]
          .filter(Boolean)
          .join(" ");
        expect(normalize(expr), key).toBe(normalize(REVIEWED_POLICIES[key]!));
      }
    }
    // Every reviewed policy still exists (a renamed one must be reviewed again).
    const present = new Set(policies.map((p) => `${p.table}:${p.name}`));
    for (const key of Object.keys(REVIEWED_POLICIES)) expect(present.has(key), key).toBe(true);
  });

  it("the state may read but never write a Kommune's rollout records (no write policy mentions the state)", async () => {
    const rows = await sql<{ name: string; cmd: string }[]>`
      select policyname as name, cmd from pg_policies
      where schemaname = 'public' and tablename = 'rollout_records' and (qual ilike '%is_state%' or with_check ilike '%is_state%')`;
    expect(rows).toEqual([{ name: "rollout_records_visible_to_state", cmd: "SELECT" }]);
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
