-- Roles and helper functions every later migration relies on. Idempotent: roles are cluster-wide and a server may
-- hold several SPATZ databases (tests), so never a bare CREATE ROLE.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'spatz_app') THEN
    -- The runtime role: logs in, owns nothing, no BYPASSRLS. Production sets its password out of band.
    CREATE ROLE spatz_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;
--> statement-breakpoint
-- The tenant of the current transaction; NULL (→ zero rows, failed writes) when unset or empty.
-- After a transaction ends, a pooled connection reports '' rather than NULL, hence nullif.
CREATE OR REPLACE FUNCTION app_current_tenant() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;
--> statement-breakpoint
-- True when the current transaction acts for the state super-tenant (plpgsql: the tenants table comes later).
CREATE OR REPLACE FUNCTION app_current_tenant_is_state() RETURNS boolean
  LANGUAGE plpgsql STABLE SET search_path = public
  AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM tenants WHERE id = app_current_tenant() AND kind = 'state');
END
$$;
--> statement-breakpoint
REVOKE ALL ON SCHEMA public FROM PUBLIC;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO spatz_app;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_current_tenant(), app_current_tenant_is_state() TO spatz_app;
