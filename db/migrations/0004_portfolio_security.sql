-- What drizzle-kit does not write for the portfolio tables: FORCE ROW LEVEL SECURITY and the runtime role's grants.
ALTER TABLE org_units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE projects FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE project_milestones FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE project_standards FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE saved_project_filters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE registration_rounds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE project_proposals FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Org units, projects, milestones, standards, saved filters and proposals can be removed by their owners in the app.
GRANT SELECT, INSERT, UPDATE, DELETE ON org_units, projects, project_milestones, project_standards,
  saved_project_filters, project_proposals TO spatz_app;
--> statement-breakpoint
-- A registration round is closed, never deleted: its proposals and decisions stay on record.
GRANT SELECT, INSERT, UPDATE ON registration_rounds TO spatz_app;
