-- The report archive is tenant data (tenant policy from 0021) and immutable for the runtime role: it inserts a finished
-- report in one statement and reads it; it never changes or deletes one (retention is an operator's task).
ALTER TABLE report_archive FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON report_archive TO spatz_app;
