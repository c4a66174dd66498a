-- Subscriptions and the mail outbox are tenant data (tenant policies from 0023): FORCE row-level security and the
-- runtime role's grants. A subscription is added or removed, never changed; an outbox row is written once and later
-- marks its delivery (sent_at, attempts, last_error), nothing else of it changes.
ALTER TABLE report_subscriptions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON report_subscriptions TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON mail_outbox TO spatz_app;
--> statement-breakpoint
GRANT UPDATE (sent_at, attempts, last_error) ON mail_outbox TO spatz_app;
--> statement-breakpoint
-- Retention (docs/adr/0012-reports.md): archived reports stay immutable (no UPDATE); DELETE is granted for the
-- configured retention only, and a restrictive policy keeps every report whose Stichtag is less than a year old, so
-- neither a bug nor a short setting can remove a recent one.
GRANT DELETE ON report_archive TO spatz_app;
--> statement-breakpoint
CREATE POLICY report_archive_kept_a_year ON report_archive AS RESTRICTIVE FOR DELETE TO spatz_app
  USING (stichtag < (current_date - interval '12 months'));
