// Refuses to serve when connected as a role that could bypass row-level security.
import { findRlsProblems } from "@spatz/db";
import type postgres from "postgres";

export async function assertRuntimeRole(sql: postgres.Sql): Promise<void> {
  const [role] = await sql<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owns: number }[]>`
    select r.rolname, r.rolsuper, r.rolbypassrls,
           (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relowner = r.oid) as owns
    from pg_roles r where r.rolname = current_user`;
  if (!role) throw new Error("cannot read the current database role");
  if (role.rolsuper || role.rolbypassrls || role.owns > 0) {
    throw new Error(
      `DATABASE_URL connects as "${role.rolname}", which ${role.rolsuper ? "is a superuser" : role.rolbypassrls ? "has BYPASSRLS" : "owns tables"}; use the runtime role spatz_app.`,
    );
  }
}

/** Refuses a database whose tables, policies or grants do not keep tenants apart (db/src/rls-catalog.ts). */
export async function assertIsolationRules(sql: postgres.Sql): Promise<void> {
  const problems = await findRlsProblems(sql);
  if (problems.length > 0)
    throw new Error(`tenant isolation rules are broken in this database:\n  ${problems.join("\n  ")}`);
}
