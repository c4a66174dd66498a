CREATE TABLE "mail_outbox" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"dedupe_key" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "mail_outbox_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "report_subscriptions" (
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_subscriptions_tenant_id_user_id_kind_scope_pk" PRIMARY KEY("tenant_id","user_id","kind","scope"),
	CONSTRAINT "report_subscriptions_kind_check" CHECK ("report_subscriptions"."kind" in ('reifegradbericht', 'lagebericht', 'rollout_stand'))
);
--> statement-breakpoint
ALTER TABLE "report_subscriptions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_archive" DROP CONSTRAINT "report_archive_kind_check";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mail_outbox_dedupe_key" ON "mail_outbox" USING btree ("tenant_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("tenant_id","created_at") WHERE sent_at is null;--> statement-breakpoint
ALTER TABLE "report_archive" ADD CONSTRAINT "report_archive_kind_check" CHECK ("report_archive"."kind" in ('reifegradbericht', 'lagebericht', 'rollout_stand'));--> statement-breakpoint
CREATE POLICY "report_archive_state_reads_shared" ON "report_archive" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (kind = 'reifegradbericht' and scope = '' and (select app_current_tenant_is_state())
        and tenant_id = any ((select benchmark_shared_tenants())::uuid[]));--> statement-breakpoint
CREATE POLICY "report_archive_landkreis_reads_its_kreis" ON "report_archive" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (kind = 'rollout_stand' and tenant_id = (select id from tenants where kind = 'state')
        and scope = (select kreis_ags from tenants where id = (select app_current_tenant()) and kind = 'landkreis'));--> statement-breakpoint
CREATE POLICY "mail_outbox_tenant_isolation" ON "mail_outbox" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "report_subscriptions_tenant_isolation" ON "report_subscriptions" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));