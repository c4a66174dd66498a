-- IT-Governance (0031): tenant data with FORCE row-level security; names sort the German way (like 0029).
-- Beschlüsse are records: changed (status, revoked) but never deleted; process reviews are append-only; a published
-- RACI version never changes (a trigger) and only the draft may be discarded (restrictive policy).
ALTER TABLE governance_bodies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_members FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_meetings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_decisions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_decision_links FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_raci_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_processes FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE governance_process_reviews FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON governance_bodies, governance_members, governance_meetings TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON governance_decisions, governance_processes TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON governance_decision_links TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON governance_raci_versions TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON governance_process_reviews TO spatz_app;
--> statement-breakpoint
-- A published RACI version keeps its content; only its criterion links follow the Kommune to a newer model version
-- (maturity.adoptModel maps them like a measure's).
CREATE OR REPLACE FUNCTION governance_raci_published_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_on IS NOT NULL AND (
    NEW.matrix IS DISTINCT FROM OLD.matrix OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.published_on IS DISTINCT FROM OLD.published_on OR NEW.published_by_name IS DISTINCT FROM OLD.published_by_name
    OR NEW.decision_id IS DISTINCT FROM OLD.decision_id OR NEW.tenant_id IS DISTINCT FROM OLD.tenant_id
  ) THEN
    RAISE EXCEPTION 'Eine veröffentlichte RACI-Matrix kann nicht geändert werden.' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER governance_raci_versions_published_guard BEFORE UPDATE ON governance_raci_versions
  FOR EACH ROW EXECUTE FUNCTION governance_raci_published_guard();
--> statement-breakpoint
CREATE POLICY governance_raci_versions_draft_delete ON governance_raci_versions AS RESTRICTIVE FOR DELETE TO spatz_app
  USING (published_on IS NULL);
--> statement-breakpoint
ALTER TABLE governance_bodies ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE governance_members ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE governance_processes ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE governance_decisions ALTER COLUMN number TYPE text COLLATE spatz_de;
