-- The benchmark's definer role and the sharing check its policy needs (docs/adr/0009-benchmark-privacy.md).
-- spatz_benchmark owns the benchmark's SECURITY DEFINER functions: it reads every Kommune's maturity snapshots and
-- writes only the k-anonymous aggregate table (grants and policies in benchmark_security). NOLOGIN: nobody connects
-- as it; code runs as it only through those functions. Idempotent like spatz_app (roles are cluster-wide).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spatz_benchmark') THEN
    CREATE ROLE spatz_benchmark NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
-- The owner (who runs migrations) hands functions to the role, which needs membership and, while it happens, CREATE
-- on the schema; the CREATE is taken back at the end of each migration that hands over a function.
GRANT spatz_benchmark TO CURRENT_USER;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO spatz_benchmark;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_tenant(), app_current_tenant_is_state() TO spatz_benchmark;
--> statement-breakpoint
-- The tenants whose snapshots the current transaction may read besides its own (policy maturity_snapshots_shared_read,
-- evaluated once per statement): for the state those that share with the Land, for a Kommune those that share with
-- Kommunen, for no tenant none. SECURITY DEFINER, so the policy does not depend on the caller seeing benchmark_shares;
-- plpgsql, because the table is created by the next migration.
CREATE OR REPLACE FUNCTION benchmark_shared_tenants() RETURNS uuid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  viewer uuid := app_current_tenant();
BEGIN
  IF viewer IS NULL THEN
    RETURN '{}';
  END IF;
  IF app_current_tenant_is_state() THEN
    RETURN coalesce((SELECT array_agg(tenant_id) FROM benchmark_shares WHERE with_land), '{}');
  END IF;
  RETURN coalesce(
    (SELECT array_agg(tenant_id) FROM benchmark_shares WHERE with_kommunen AND tenant_id <> viewer), '{}');
END
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION benchmark_shared_tenants() FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION benchmark_shared_tenants() TO spatz_app;
--> statement-breakpoint
GRANT CREATE ON SCHEMA public TO spatz_benchmark;
--> statement-breakpoint
ALTER FUNCTION benchmark_shared_tenants() OWNER TO spatz_benchmark;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM spatz_benchmark;
