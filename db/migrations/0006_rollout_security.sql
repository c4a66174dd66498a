-- What drizzle-kit does not write for the rollout module: FORCE ROW LEVEL SECURITY and the runtime role's grants.
ALTER TABLE ozg_themenfelder FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ozg_lagen FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ozg_services FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE ozg_leika FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_land_stats FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_records FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_comments FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_cost_scenarios FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_operating_model_scores FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The catalogue is never deleted from (services leave it by in_catalogue = false, records keep their reference);
-- only the LeiKa rows are replaced as a whole by an import.
GRANT SELECT, INSERT, UPDATE ON ozg_themenfelder, ozg_lagen, ozg_services, rollout_land_stats TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ozg_leika TO spatz_app;
--> statement-breakpoint
-- Records are never deleted ("nicht zuständig" is a status); comments are append-only.
GRANT SELECT, INSERT, UPDATE ON rollout_records TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON rollout_comments TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rollout_cost_scenarios TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON rollout_operating_model_scores TO spatz_app;
