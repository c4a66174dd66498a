-- The state's read policies call app_current_tenant_is_state(). Declared PARALLEL UNSAFE (the default), it kept every
-- query that reads Kommune data in the state's transaction – the rollout aggregation over millions of records among
-- them – from using parallel workers. It only reads `tenants` and the transaction's tenant setting (which PostgreSQL
-- passes to parallel workers), so it is parallel safe.
ALTER FUNCTION app_current_tenant_is_state() PARALLEL SAFE;
