CREATE TABLE "report_archive" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"scope_label" text NOT NULL,
	"stichtag" date NOT NULL,
	"model_version" integer,
	"triggered_by" text NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_base" text NOT NULL,
	"pdf" "bytea" NOT NULL,
	"csv" "bytea" NOT NULL,
	"xlsx" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"csv_sha256" text NOT NULL,
	"xlsx_sha256" text NOT NULL,
	CONSTRAINT "report_archive_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "report_archive_kind_check" CHECK ("report_archive"."kind" in ('reifegradbericht')),
	CONSTRAINT "report_archive_sha256" CHECK ("report_archive"."pdf_sha256" ~ '^[0-9a-f]{64}$' and "report_archive"."csv_sha256" ~ '^[0-9a-f]{64}$' and "report_archive"."xlsx_sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
ALTER TABLE "report_archive" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "report_archive" ADD CONSTRAINT "report_archive_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_archive_period_key" ON "report_archive" USING btree ("tenant_id","kind","scope","stichtag");--> statement-breakpoint
CREATE INDEX "report_archive_list_idx" ON "report_archive" USING btree ("tenant_id","generated_at");--> statement-breakpoint
CREATE POLICY "report_archive_tenant_isolation" ON "report_archive" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));