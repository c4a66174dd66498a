// Row-level security building blocks shared by every table: one policy shape for tenant tables.
import { sql } from "drizzle-orm";
import { pgPolicy, pgRole, uuid } from "drizzle-orm/pg-core";

/** The runtime role the API and worker connect as; created in migration 0000 (drizzle must not create roles). */
export const appRole = pgRole("spatz_app").existing();

/** `app_current_tenant()` reads the transaction-local `app.tenant_id`; an unset or empty setting yields NULL → zero rows. */
export const currentTenant = sql`app_current_tenant()`;

export const tenantIdColumn = () => uuid("tenant_id").notNull();

/**
 * The one policy every tenant table carries: reads and writes only within the tenant of the transaction.
 * `evaluateOnce` wraps the tenant in a scalar subquery, which PostgreSQL runs once per statement as an InitPlan
 * instead of once per row (the inlined function reads the setting for every row a scan touches). Same rule, about
 * twice as fast on large scans and aggregates (measured with test/bench/portfolio.bench.ts); used by the portfolio
 * tables and a candidate for all tables.
 */
export function tenantPolicy(table: string, opts: { evaluateOnce?: boolean } = {}) {
  const tenant = opts.evaluateOnce ? sql`(select app_current_tenant())` : sql`app_current_tenant()`;
  return pgPolicy(`${table}_tenant_isolation`, {
    as: "permissive",
    for: "all",
    to: appRole,
    using: sql`tenant_id = ${tenant}`,
    withCheck: sql`tenant_id = ${tenant}`,
  });
}
