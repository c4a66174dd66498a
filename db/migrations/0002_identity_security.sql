-- What drizzle-kit does not write: the state super-tenant, FORCE ROW LEVEL SECURITY and the runtime role's grants.
-- The Land is a fixed fact of the platform (exactly one state tenant), so it is created here with a well-known id.
INSERT INTO tenants (id, slug, name, kind, ags)
VALUES ('00000000-0000-4000-8000-000000000001', 'land-sachsen-anhalt', 'Land Sachsen-Anhalt', 'state', '15')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
ALTER TABLE tenants FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE municipalities FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE users FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON tenants, municipalities TO spatz_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, invitations TO spatz_app;
--> statement-breakpoint
-- Append-only: no UPDATE or DELETE for anyone at run time.
GRANT SELECT, INSERT ON audit_log TO spatz_app;
