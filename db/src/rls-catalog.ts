// The isolation rules read back from the database catalog. Used by the RLS tests and by the API at start-up: a
// database whose tables, policies or grants break the rules is refused, whatever the migrations said.
import type postgres from "postgres";

/** Tables that are global by design: the tenant registry, the reference list of Gemeinden and the state's catalogues. */
export const GLOBAL_TABLES: ReadonlySet<string> = new Set([
  "tenants",
  "municipalities",
  // The state's maturity model versions (DESIGN.md §2): every Kommune reads them, only the state writes them, and
  // published versions are immutable (triggers, tested in maturity-model.test.ts). They hold no Kommune data.
  "maturity_models",
  "maturity_dimensions",
  "maturity_levels",
  "maturity_criteria",
  "maturity_criterion_mappings",
  // The Land's PM-Koffer (docs/adr/0017): every Kommune reads it, only the state writes it, published versions are
  // immutable (triggers, tested in integration/pm-koffer.test.ts). No Kommune data.
  "handbook_versions",
  "handbook_chapters",
  // The state's OZG catalogue: everyone reads it, only the state writes it (rollout module).
  "ozg_themenfelder",
  "ozg_lagen",
  "ozg_services",
  "ozg_leika",
  // Land-wide rollout counts (no Kommune names or ids), written by the state's job, read by every Kommune.
  "rollout_land_stats",
  // The k-anonymous maturity benchmarks (no Kommune names or ids, no group below k; docs/adr/0009): read by everyone,
  // written only by the definer role spatz_benchmark (the runtime role has no write grant), and their k.
  "maturity_benchmarks",
  "benchmark_settings",
]);

/**
 * Policies beyond the tenant policy, each reviewed: `table:policy` → command and expression. Permissive policies are
 * OR-ed with the tenant policy and widen access, so each one is a documented cross-tenant rule (DESIGN.md §2).
 */
export const REVIEWED_POLICIES: Readonly<Record<string, string>> = {
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
  // Named sharing (docs/adr/0009): another tenant reads a Kommune's maturity snapshots only where that Kommune shares
  // them with it – the state where it shares with the Land, a Kommune where it shares with Kommunen. The list comes
  // from the SECURITY DEFINER function benchmark_shared_tenants(), evaluated once per statement; revoking takes effect
  // with the next statement. SELECT only.
  "maturity_snapshots:maturity_snapshots_shared_read":
    "SELECT (tenant_id = ANY ((SELECT benchmark_shared_tenants() AS benchmark_shared_tenants)::uuid[]))",
  // Reports (docs/adr/0012): the state reads a Kommune's Reifegradbericht of the whole administration only while the
  // Kommune shares its figures with the Land by name; a Landkreis reads the state's Rollout-Stand of its own Kreis.
  "report_archive:report_archive_state_reads_shared":
    "SELECT ((kind = 'reifegradbericht'::text) AND (scope = ''::text) AND (SELECT app_current_tenant_is_state() AS app_current_tenant_is_state) AND (tenant_id = ANY ((SELECT benchmark_shared_tenants() AS benchmark_shared_tenants)::uuid[])))",
  "report_archive:report_archive_landkreis_reads_its_kreis":
    "SELECT ((kind = 'rollout_stand'::text) AND (tenant_id = (SELECT tenants.id FROM tenants WHERE (tenants.kind = 'state'::text))) AND (scope = (SELECT tenants.kreis_ags FROM tenants WHERE ((tenants.id = (SELECT app_current_tenant() AS app_current_tenant)) AND (tenants.kind = 'landkreis'::text)))))",
  // Restrictive: retention may delete a report only once its Stichtag is more than a year past.
  "report_archive:report_archive_kept_a_year":
    "DELETE RESTRICTIVE (stichtag < (CURRENT_DATE - '1 year'::interval))",
  // Restrictive: only the draft of the RACI matrix may be discarded; a published version stays (docs/adr/0015; its
  // content is kept unchanged by a trigger).
  "governance_raci_versions:governance_raci_versions_draft_delete":
    "DELETE RESTRICTIVE (published_on IS NULL)",
  // Restrictive: the rollout aggregates (per-Kommune counts the state already reads by name) belong to the state's
  // transaction only; a Kommune can neither read them nor put rows into its own tenant there.
  ...Object.fromEntries(
    ["cells", "kommunen", "golives", "months", "services", "kreise", "state"].map((t) => [
      `rollout_agg_${t}:rollout_agg_${t}_state_only`,
      "ALL RESTRICTIVE (SELECT app_current_tenant_is_state() AS app_current_tenant_is_state)",
    ]),
  ),
};

/**
 * The catalog query behind `tenantTables`: every table of the public schema with a tenant_id column, with its columns
 * (in table order), their types and its primary key. One definition for the export, the purge and their tests.
 */
export const TENANT_TABLES_QUERY = `
  select c.relname as name,
         array_agg(a.attname::text order by a.attnum) as columns,
         array_agg(format_type(a.atttypid, a.atttypmod) order by a.attnum) as types,
         coalesce((select array_agg(k.attname::text order by array_position(x.indkey::int2[], k.attnum))
                   from pg_index x join pg_attribute k on k.attrelid = x.indrelid and k.attnum = any(x.indkey)
                   where x.indrelid = c.oid and x.indisprimary), '{}') as "primaryKey"
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
  where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> '__drizzle_migrations'
    and exists (select 1 from pg_attribute t where t.attrelid = c.oid and t.attname = 'tenant_id' and not t.attisdropped)
  group by c.oid, c.relname
  order by c.relname`;

export type TenantTable = { name: string; columns: string[]; types: string[]; primaryKey: string[] };

/**
 * The tables a tenant's data lives in, read from the catalog (never a hand-kept list): those with a tenant_id that are
 * not global by design. A table added by a migration is exported and purged without further code.
 */
export function tenantTables(rows: readonly TenantTable[]): TenantTable[] {
  return rows.filter((t) => !GLOBAL_TABLES.has(t.name));
}

/** The NOLOGIN role that owns the benchmark's SECURITY DEFINER functions; nobody logs in as it. */
export const DEFINER_ROLE = "spatz_benchmark";

/**
 * Policies for the definer role, each reviewed (`table:policy` → command and expression): it reads what the
 * aggregation needs (every snapshot, the sharing choices, the registry, k) and writes only the aggregate table.
 */
export const DEFINER_POLICIES: Readonly<Record<string, string>> = {
  "tenants:tenants_benchmark_read": "SELECT true",
  "maturity_snapshots:maturity_snapshots_benchmark_read": "SELECT true",
  "benchmark_shares:benchmark_shares_benchmark_read": "SELECT true",
  "benchmark_settings:benchmark_settings_benchmark_read": "SELECT true",
  "maturity_benchmarks:maturity_benchmarks_benchmark_write": "ALL true",
};

/** The only table the definer role may change. */
const DEFINER_WRITES: ReadonlySet<string> = new Set(["maturity_benchmarks"]);

/**
 * The SECURITY DEFINER functions, each reviewed: owned by the definer role, with a fixed search_path, not executable
 * by PUBLIC. Anything else running with another role's rights is a problem.
 */
export const DEFINER_FUNCTIONS: ReadonlySet<string> = new Set([
  "benchmark_shared_tenants",
  "benchmark_require_state",
  "benchmark_memberships",
  "benchmark_write",
  "benchmark_rows_respect_k",
  "benchmark_settings_suppress_below_k",
]);

/** History the runtime role may append to but never change. */
export const APPEND_ONLY_TABLES: readonly string[] = [
  "audit_log",
  "strategy_versions",
  "project_status_reports",
  "governance_process_reviews",
];

const TENANT_RULE = "(tenant_id = (SELECT app_current_tenant() AS app_current_tenant))";

/** pg_get_expr output compared with collapsed whitespace. */
function normalize(expr: string): string {
  return expr.replace(/\s+/g, " ").replace(/\(\s+/g, "(").replace(/\s+\)/g, ")").trim();
}

type Table = { name: string; rls: boolean; force: boolean; owner: string; hasTenantId: boolean };
type Policy = {
  table: string;
  name: string;
  permissive: string;
  cmd: string;
  qual: string | null;
  check: string | null;
  roles: string[];
};

/** Every broken rule as one readable line; an empty list means the database keeps tenants apart as designed. */
export async function findRlsProblems(sql: postgres.Sql, appRole = "spatz_app"): Promise<string[]> {
  const problems: string[] = [];
  const tables = await sql<Table[]>`
    select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as force, pg_get_userbyid(c.relowner) as owner,
           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as "hasTenantId"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> '__drizzle_migrations'
    order by 1`;
  const policies = await sql<Policy[]>`
    select tablename as table, policyname as name, permissive, cmd, qual, with_check as check, roles
    from pg_policies where schemaname = 'public'`;
  const tenantTables = tables.filter((t) => !GLOBAL_TABLES.has(t.name));

  for (const t of tables) {
    if (!t.rls || !t.force) problems.push(`${t.name}: row-level security must be enabled and forced`);
    if (t.owner === appRole) problems.push(`${t.name}: owned by the runtime role ${appRole}`);
  }
  for (const t of tenantTables) {
    if (!t.hasTenantId)
      problems.push(`${t.name}: tenant table without tenant_id (or missing from GLOBAL_TABLES)`);
    const own = policies.filter((p) => p.table === t.name);
    const isolation = own.find((p) => p.name === `${t.name}_tenant_isolation`);
    if (
      isolation?.cmd !== "ALL" ||
      isolation.permissive !== "PERMISSIVE" ||
      normalize(isolation.qual ?? "") !== TENANT_RULE ||
      normalize(isolation.check ?? "") !== TENANT_RULE ||
      isolation.roles.join() !== appRole
    ) {
      problems.push(
        `${t.name}: needs the policy ${t.name}_tenant_isolation FOR ALL TO ${appRole} USING/WITH CHECK ${TENANT_RULE}`,
      );
    }
    for (const p of own.filter((p) => p !== isolation && p.roles.join() === appRole)) {
      const key = `${p.table}:${p.name}`;
      const expr = [p.cmd, p.permissive === "RESTRICTIVE" ? "RESTRICTIVE" : "", p.qual ?? p.check ?? ""]
        .filter(Boolean)
        .join(" ");
      if (REVIEWED_POLICIES[key] === undefined)
        problems.push(`${key}: policy not reviewed (${normalize(expr)})`);
      else if (normalize(expr) !== normalize(REVIEWED_POLICIES[key]))
        problems.push(`${key}: policy differs from its review: ${normalize(expr)}`);
    }
  }
  // Policies for any other role: only the reviewed ones of the definer role.
  for (const p of policies.filter((p) => p.roles.join() !== appRole)) {
    const key = `${p.table}:${p.name}`;
    const expr = normalize(
      [p.cmd, p.permissive === "RESTRICTIVE" ? "RESTRICTIVE" : "", p.qual ?? p.check ?? ""]
        .filter(Boolean)
        .join(" "),
    );
    if (DEFINER_POLICIES[key] === undefined || p.roles.join() !== DEFINER_ROLE)
      problems.push(`${key}: policy for ${p.roles.join()} not reviewed (${expr})`);
    else if (expr !== normalize(DEFINER_POLICIES[key]))
      problems.push(`${key}: policy differs from its review: ${expr}`);
  }
  const present = new Set(policies.map((p) => `${p.table}:${p.name}`));
  for (const key of [...Object.keys(REVIEWED_POLICIES), ...Object.keys(DEFINER_POLICIES)])
    if (!present.has(key)) problems.push(`${key}: reviewed policy is missing`);

  for (const table of GLOBAL_TABLES) {
    if (!tables.some((t) => t.name === table)) continue;
    for (const p of policies.filter(
      (p) => p.table === table && p.cmd !== "SELECT" && p.roles.join() === appRole,
    )) {
      for (const expr of [p.qual, p.check]) {
        if (expr !== null && !expr.includes("app_current_tenant_is_state()")) {
          problems.push(`${table}:${p.name}: a write to a global table must require the state tenant`);
        }
      }
    }
  }

  const keys = await sql<{ table: string; index: string; first: string }[]>`
    select t.relname as table, i.relname as index, a.attname as first
    from pg_index x
    join pg_class t on t.oid = x.indrelid
    join pg_class i on i.oid = x.indexrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
    where n.nspname = 'public' and x.indisunique`;
  const tenantNames = new Set(tenantTables.map((t) => t.name));
  for (const k of keys) {
    if (tenantNames.has(k.table) && k.first !== "tenant_id")
      problems.push(`${k.table}: unique key ${k.index} must start with tenant_id`);
  }
  // Co-location (Citus distributes by tenant_id): a foreign key between two tenant tables must join on tenant_id first,
  // so that a row can point only into its own tenant and both rows live on the same shard.
  const foreignKeys = await sql<
    { table: string; ref: string; name: string; first: string; refFirst: string }[]
  >`
    select t.relname as table, r.relname as ref, c.conname as name, a.attname as first, ra.attname as "refFirst"
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class r on r.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_attribute a on a.attrelid = t.oid and a.attnum = c.conkey[1]
    join pg_attribute ra on ra.attrelid = r.oid and ra.attnum = c.confkey[1]
    where c.contype = 'f' and n.nspname = 'public'`;
  for (const fk of foreignKeys) {
    if (
      tenantNames.has(fk.table) &&
      tenantNames.has(fk.ref) &&
      (fk.first !== "tenant_id" || fk.refFirst !== "tenant_id")
    )
      problems.push(`${fk.table}: foreign key ${fk.name} to ${fk.ref} must start with tenant_id`);
  }

  const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean }[]>`
    select rolsuper, rolbypassrls from pg_roles where rolname = ${appRole}`;
  if (!role) problems.push(`role ${appRole} does not exist`);
  else if (role.rolsuper || role.rolbypassrls) problems.push(`role ${appRole} can bypass row-level security`);

  for (const table of APPEND_ONLY_TABLES) {
    if (!tables.some((t) => t.name === table)) continue;
    const [grants] = await sql<{ upd: boolean; del: boolean; trunc: boolean }[]>`
      select has_table_privilege(${appRole}, ${table}, 'UPDATE') as upd, has_table_privilege(${appRole}, ${table}, 'DELETE') as del,
             has_table_privilege(${appRole}, ${table}, 'TRUNCATE') as trunc`;
    if (grants!.upd || grants!.del || grants!.trunc)
      problems.push(`${table}: append-only, but ${appRole} may change it`);
  }
  problems.push(
    ...(await definerProblems(
      sql,
      appRole,
      tables.map((t) => t.name),
    )),
  );
  return problems;
}

/** The definer role and its functions: NOLOGIN, no bypass, writes only the aggregates, functions reviewed and fixed. */
async function definerProblems(sql: postgres.Sql, appRole: string, tables: string[]): Promise<string[]> {
  const problems: string[] = [];
  const [role] = await sql<{ rolcanlogin: boolean; rolsuper: boolean; rolbypassrls: boolean }[]>`
    select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = ${DEFINER_ROLE}`;
  if (!role) return [`role ${DEFINER_ROLE} does not exist`];
  if (role.rolcanlogin || role.rolsuper || role.rolbypassrls)
    problems.push(`role ${DEFINER_ROLE} must be NOLOGIN without SUPERUSER or BYPASSRLS`);
  const writes = await sql<{ table: string; role: string }[]>`
    select t as table, r as role from unnest(${tables}::text[]) as t, unnest(${[DEFINER_ROLE, appRole]}::text[]) as r
    where has_table_privilege(r, t, 'INSERT') or has_table_privilege(r, t, 'UPDATE')
       or has_table_privilege(r, t, 'DELETE') or has_table_privilege(r, t, 'TRUNCATE')`;
  for (const w of writes) {
    if (w.role === DEFINER_ROLE && !DEFINER_WRITES.has(w.table))
      problems.push(
        `${w.table}: ${DEFINER_ROLE} may write it, but may write only ${[...DEFINER_WRITES].join(", ")}`,
      );
    if (w.role === appRole && DEFINER_WRITES.has(w.table))
      problems.push(`${w.table}: ${appRole} may write it; only ${DEFINER_ROLE}'s functions may`);
  }
  const functions = await sql<{ name: string; owner: string; config: string[] | null; public: boolean }[]>`
    select p.proname as name, pg_get_userbyid(p.proowner) as owner, p.proconfig as config,
           has_function_privilege('public', p.oid, 'EXECUTE') as public
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'public' and p.prosecdef`;
  for (const f of functions) {
    if (!DEFINER_FUNCTIONS.has(f.name)) problems.push(`${f.name}: SECURITY DEFINER function not reviewed`);
    if (f.owner !== DEFINER_ROLE) problems.push(`${f.name}: SECURITY DEFINER, but owned by ${f.owner}`);
    if (!(f.config ?? []).some((c) => c.startsWith("search_path=")))
      problems.push(`${f.name}: SECURITY DEFINER without a fixed search_path`);
    if (f.public) problems.push(`${f.name}: SECURITY DEFINER and executable by PUBLIC`);
  }
  for (const name of DEFINER_FUNCTIONS)
    if (!functions.some((f) => f.name === name))
      problems.push(`${name}: reviewed definer function is missing`);
  return problems;
}
