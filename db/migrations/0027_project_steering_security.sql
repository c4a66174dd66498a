-- Project steering (0026): tenant data with FORCE row-level security. A status report is written once and never
-- changed or deleted by the application (append-only, like the audit log: a correction is the next report); a risk
-- is added and updated (closed, not deleted). Both go with their project (ON DELETE CASCADE runs as the owner).
ALTER TABLE project_status_reports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE project_risks FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT ON project_status_reports TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON project_risks TO spatz_app;
