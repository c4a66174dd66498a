-- Invitation mails go through the outbox too (issue 18: no mail server waited for inside a transaction). Their body
-- holds the single-use link, so the row says so and the worker replaces the body once the mail is sent; an unsent
-- invitation mail is removed when the invitation is revoked.
ALTER TABLE "mail_outbox" ADD COLUMN "secret" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
GRANT UPDATE (body) ON mail_outbox TO spatz_app;
--> statement-breakpoint
GRANT DELETE ON mail_outbox TO spatz_app;
