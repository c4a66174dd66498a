-- Names sort as German readers expect (issue 15: "Möser" before "Muldestausee", "Ärztekammer" among the A's, "Amt 2"
-- before "Amt 10"), whatever the database's own locale: an ICU collation for German with numeric ordering, set on the
-- name columns that lists are sorted by, so that every ORDER BY on them (and their indexes) uses it. Deterministic,
-- so equality and uniqueness are unchanged. A server built without ICU keeps byte order (the fallback) rather than
-- failing the migration.
DO $$
BEGIN
  CREATE COLLATION IF NOT EXISTS spatz_de (provider = icu, locale = 'de-u-kn-true');
EXCEPTION WHEN OTHERS THEN
  CREATE COLLATION IF NOT EXISTS spatz_de FROM "C";
END $$;
--> statement-breakpoint
ALTER TABLE tenants ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE tenants ALTER COLUMN kreis_name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE municipalities ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE ozg_services ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE projects ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE measures ALTER COLUMN title TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE org_units ALTER COLUMN name TYPE text COLLATE spatz_de;
--> statement-breakpoint
ALTER TABLE users ALTER COLUMN display_name TYPE text COLLATE spatz_de;
