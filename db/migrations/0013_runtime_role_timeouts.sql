-- Limits for the runtime role, so that no request or job can hold a connection, a lock or an open transaction
-- indefinitely (a stuck client would otherwise take the pool down for every tenant). The API maps the resulting
-- errors to a German message; a job that needs longer statements raises its own limit with SET LOCAL
-- (TransactionOptions.statementTimeoutMs). Operators may change them with ALTER ROLE; DB_STATEMENT_TIMEOUT_MS and
-- friends override them per process.
ALTER ROLE spatz_app SET statement_timeout = '15s';
--> statement-breakpoint
ALTER ROLE spatz_app SET lock_timeout = '5s';
--> statement-breakpoint
ALTER ROLE spatz_app SET idle_in_transaction_session_timeout = '30s';
