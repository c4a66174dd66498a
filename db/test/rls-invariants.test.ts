// The database itself enforces isolation: these checks read the catalog (db/src/rls-catalog.ts), so a new tenant table
// without RLS, FORCE, the tenant policy or tenant-first unique keys fails here, as does an unreviewed policy or a grant
// that lets the runtime role change append-only history. The second block proves the checks fail when a rule breaks.

import { createMigratedTestDatabase, type TestDatabase } from "@spatz/local/test-services";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runMigrations } from "../src/migrate.ts";
import { findRlsProblems, GLOBAL_TABLES } from "../src/rls-catalog.ts";

let sql: postgres.Sql;
beforeAll(() => {
  sql = postgres(inject("ownerUrl"), { max: 1, onnotice: () => {} });
});
afterAll(() => sql.end());

describe("row-level security invariants", () => {
  it("hold for every table, policy, key and grant of the migrated database", async () => {
    expect(await findRlsProblems(sql)).toEqual([]);
  });

  it("know every table: the migrated schema has tenant tables and the global registries", async () => {
    const rows = await sql<{ name: string }[]>`
      select relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`;
    const names = rows.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(["users", "sessions", "audit_log", "projects", "measures", "rollout_records"]),
    );
    for (const table of GLOBAL_TABLES) expect(names, table).toContain(table);
  });

  it("the state may read but never write a Kommune's rollout records (no write policy mentions the state)", async () => {
    const rows = await sql<{ name: string; cmd: string }[]>`
      select policyname as name, cmd from pg_policies
      where schemaname = 'public' and tablename = 'rollout_records' and (qual ilike '%is_state%' or with_check ilike '%is_state%')`;
    expect(rows).toEqual([{ name: "rollout_records_visible_to_state", cmd: "SELECT" }]);
  });
});

describe("the invariant checks catch a broken rule", () => {
  let scratch: TestDatabase;
  let admin: postgres.Sql;
  beforeAll(async () => {
    // Other test packages migrate at the same time: under their lock (roles are cluster-wide).
    scratch = await createMigratedTestDatabase(inject("superuserUrl"), "spatz_rls_broken", runMigrations);
    admin = postgres(scratch.ownerUrl.replace("spatz_owner@", "postgres@"), { max: 1, onnotice: () => {} });
  }, 120_000);
  afterAll(async () => {
    await admin?.end();
    await scratch?.drop();
  });

  it("reports a removed policy, a widened policy, an unreviewed policy, a missing FORCE, a grant on the audit log and a key that breaks co-location", async () => {
    await admin.unsafe(`
      drop policy users_tenant_isolation on users;
      alter policy sessions_tenant_isolation on sessions using (tenant_id = (select app_current_tenant()) or true);
      create policy projects_peek on projects for select to spatz_app using (true);
      alter table measures no force row level security;
      grant update on audit_log to spatz_app;
      alter table measures add constraint measures_by_id_only unique (id);
      alter table measure_evidence_files add constraint evidence_measure_by_id foreign key (measure_id) references measures (id);`);
    const problems = await findRlsProblems(admin);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^users: needs the policy users_tenant_isolation/),
        expect.stringMatching(/^sessions: needs the policy sessions_tenant_isolation/),
        expect.stringMatching(/^projects:projects_peek: policy not reviewed/),
        "measures: row-level security must be enabled and forced",
        "audit_log: append-only, but spatz_app may change it",
        "measures: unique key measures_by_id_only must start with tenant_id",
        "measure_evidence_files: foreign key evidence_measure_by_id to measures must start with tenant_id",
      ]),
    );
    expect(problems).toHaveLength(7);
  });
});
