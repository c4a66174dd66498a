-- Key figures of strategy goals (0037): tenant data with FORCE row-level security; figures and their values are kept by
-- the CDO/PMO (added, corrected, removed – every change audited).
ALTER TABLE strategy_kpis FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE strategy_kpi_values FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON strategy_kpis, strategy_kpi_values TO spatz_app;
