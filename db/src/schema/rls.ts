// Row-level security building blocks shared by every table: one policy shape for tenant tables.
import { sql } from "drizzle-orm";
import { pgPolicy, pgRole, uuid } from "drizzle-orm/pg-core";

/** The runtime role the API and worker connect as; created in migration 0000 (drizzle must not create roles). */
export const appRole = pgRole("spatz_app").existing();

/**
 * The NOLOGIN role that owns the benchmark's SECURITY DEFINER functions (migration benchmark_security): it reads every
 * Kommune's maturity snapshots and writes only the k-anonymous aggregate table. Nobody logs in as it.
 */
export const benchmarkRole = pgRole("spatz_benchmark").existing();

/** `app_current_tenant()` reads the transaction-local `app.tenant_id`; an unset or empty setting yields NULL → zero rows. */
export const currentTenant = sql`app_current_tenant()`;

export const tenantIdColumn = () => uuid("tenant_id").notNull();

/**
 * The one policy every tenant table carries: reads and writes only within the tenant of the transaction. The tenant
 * is a scalar subquery, which PostgreSQL evaluates once per statement (an InitPlan) instead of once per row; the same
 * rule, about twice as fast on large scans and aggregates (test/bench/portfolio.bench.ts).
 */
export function tenantPolicy(table: string) {
  return pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`tenant_id = (select app_current_tenant())`,
    withCheck: sql`tenant_id = (select app_current_tenant())`,
  });
}
