-- The PM-Koffer (0035). The Land's handbook is global like the maturity models: everyone reads, the state writes, and a
-- published version never changes – it is superseded by the next one; only a draft can be deleted. A Kommune's own
-- chapters and its acknowledgement are tenant data with FORCE row-level security.
ALTER TABLE handbook_versions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handbook_chapters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON handbook_versions, handbook_chapters TO spatz_app;
--> statement-breakpoint
ALTER TABLE handbook_local_chapters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE handbook_acknowledgements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON handbook_local_chapters TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON handbook_acknowledgements TO spatz_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION handbook_version_guard() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public
  AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status <> 'draft' THEN
      RAISE EXCEPTION 'a new PM-Koffer version must start as a draft' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'PM-Koffer version % is published: only drafts can be deleted', OLD.version
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'PM-Koffer version % is published and immutable', OLD.version USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER handbook_versions_guard BEFORE INSERT OR UPDATE OR DELETE ON handbook_versions
  FOR EACH ROW EXECUTE FUNCTION handbook_version_guard();
--> statement-breakpoint
-- Chapters change only while their version is a draft (a cascade from deleting a draft finds no parent and passes).
CREATE OR REPLACE FUNCTION handbook_chapter_guard() RETURNS trigger
  LANGUAGE plpgsql SET search_path = public
  AS $$
DECLARE
  old_status text;
  new_status text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT status INTO old_status FROM handbook_versions WHERE id = OLD.version_id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT status INTO new_status FROM handbook_versions WHERE id = NEW.version_id;
  END IF;
  IF (old_status IS NOT NULL AND old_status <> 'draft') OR (new_status IS NOT NULL AND new_status <> 'draft') THEN
    RAISE EXCEPTION 'the chapters of a published PM-Koffer version are immutable' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER handbook_chapters_guard BEFORE INSERT OR UPDATE OR DELETE ON handbook_chapters
  FOR EACH ROW EXECUTE FUNCTION handbook_chapter_guard();
