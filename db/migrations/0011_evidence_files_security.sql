-- What drizzle-kit does not write for evidence files: the rule "a completed measure has evidence" across both tables,
-- FORCE ROW LEVEL SECURITY and the runtime role's grants.
-- Evidence is text, a link or a file (issue 4: "Text, Link oder Datei"). A CHECK cannot look into another table, so the
-- rule that 0007 kept as a CHECK on measures (text or link) is now a trigger on both tables: completing or editing a
-- measure needs text, link or at least one file, and deleting a completed measure's last file needs text or link. The
-- completion date stays a CHECK (measures_completed_has_date). The trigger runs as the caller (row-level security
-- applies) and reads only the measure in question.
CREATE OR REPLACE FUNCTION measure_evidence_required() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public
  AS $$
DECLARE
  m_tenant uuid;
  m_id uuid;
BEGIN
  IF TG_TABLE_NAME = 'measures' THEN
    IF NEW.status <> 'completed' OR NEW.evidence_text IS NOT NULL OR NEW.evidence_url IS NOT NULL THEN
      RETURN NULL;
    END IF;
    m_tenant := NEW.tenant_id;
    m_id := NEW.id;
  ELSE
    m_tenant := OLD.tenant_id;
    m_id := OLD.measure_id;
  END IF;
  IF EXISTS (
    SELECT 1 FROM measures m
    WHERE m.tenant_id = m_tenant AND m.id = m_id AND m.status = 'completed'
      AND m.evidence_text IS NULL AND m.evidence_url IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM measure_evidence_files f WHERE f.tenant_id = m.tenant_id AND f.measure_id = m.id
      )
  ) THEN
    RAISE EXCEPTION 'measures_completed_has_evidence: completed measure % needs evidence (text, link or file)', m_id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER measures_completed_has_evidence AFTER INSERT OR UPDATE OF status, evidence_text, evidence_url
  ON measures FOR EACH ROW EXECUTE FUNCTION measure_evidence_required();
--> statement-breakpoint
CREATE TRIGGER measure_evidence_files_keep_evidence AFTER DELETE OR UPDATE OF measure_id
  ON measure_evidence_files FOR EACH ROW EXECUTE FUNCTION measure_evidence_required();
--> statement-breakpoint
ALTER TABLE measure_evidence_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Files are added and removed, never changed: no UPDATE.
GRANT SELECT, INSERT, DELETE ON measure_evidence_files TO spatz_app;
