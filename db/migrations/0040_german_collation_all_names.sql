-- Every name and title column sorts the German way, not only the eight of migration 0029 and the governance ones:
-- strategies, KPIs, milestones, risks, proposals, cost scenarios, saved filters, leads' names, the catalogue's Lagen and
-- Themenfelder … (issue 15). db/test/collation.test.ts checks that no name or title column is left out.
ALTER TABLE governance_decisions ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE governance_process_reviews ALTER COLUMN reviewer_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE governance_processes ALTER COLUMN owner_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE governance_raci_versions ALTER COLUMN published_by_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE handbook_chapters ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE handbook_local_chapters ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE handbook_versions ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE invitations ALTER COLUMN display_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE maturity_criteria ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE maturity_dimensions ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE maturity_levels ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE maturity_models ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE measure_evidence_files ALTER COLUMN file_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE municipalities ALTER COLUMN kreis_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE municipalities ALTER COLUMN verband_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE ozg_lagen ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE ozg_leika ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE ozg_themenfelder ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE project_milestones ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE project_proposals ALTER COLUMN lead_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE project_proposals ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE project_risks ALTER COLUMN owner_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE project_risks ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE project_status_reports ALTER COLUMN author_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE projects ALTER COLUMN lead_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE registration_rounds ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE rollout_comments ALTER COLUMN author_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE rollout_cost_scenarios ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE saved_project_filters ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE strategies ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE strategy_kpis ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE strategy_versions ALTER COLUMN approved_by_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE strategy_versions ALTER COLUMN title TYPE text COLLATE spatz_de;
