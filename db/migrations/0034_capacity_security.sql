-- Capacity (0033): tenant data with FORCE row-level security; entries are added, corrected and removed by the PMO.
ALTER TABLE capacity_sources FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON capacity_sources TO spatz_app;
--> statement-breakpoint
ALTER TABLE capacity_sources ALTER COLUMN name TYPE text COLLATE spatz_de;
