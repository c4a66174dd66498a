-- The rollout aggregates are the state tenant's own data (tenant policy from 0018): FORCE row-level security and the
-- runtime role's grants. The jobs replace their rows, so DELETE is granted; nothing else may read them.
ALTER TABLE rollout_agg_cells FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_agg_kommunen FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_agg_golives FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_agg_months FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_agg_services FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_agg_kreise FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rollout_agg_state FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rollout_agg_cells, rollout_agg_kommunen, rollout_agg_golives,
  rollout_agg_months, rollout_agg_services, rollout_agg_kreise, rollout_agg_state TO spatz_app;
