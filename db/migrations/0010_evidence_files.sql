CREATE TABLE "measure_evidence_files" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_evidence_files_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "measure_evidence_files_size_matches" CHECK ("measure_evidence_files"."size_bytes" = octet_length("measure_evidence_files"."content")),
	CONSTRAINT "measure_evidence_files_not_empty" CHECK ("measure_evidence_files"."size_bytes" > 0),
	CONSTRAINT "measure_evidence_files_sha256_hex" CHECK ("measure_evidence_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "measure_evidence_files_name_present" CHECK (length("measure_evidence_files"."file_name") between 1 and 255)
);
--> statement-breakpoint
ALTER TABLE "measure_evidence_files" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "measures" DROP CONSTRAINT "measures_completed_has_date_and_evidence";--> statement-breakpoint
ALTER TABLE "measure_evidence_files" ADD CONSTRAINT "measure_evidence_files_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evidence_files" ADD CONSTRAINT "measure_evidence_files_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_evidence_files" ADD CONSTRAINT "measure_evidence_files_tenant_id_uploaded_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","uploaded_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measure_evidence_files_measure_sha256_key" ON "measure_evidence_files" USING btree ("tenant_id","measure_id","sha256");--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_completed_has_date" CHECK ("measures"."status" <> 'completed' or "measures"."completed_on" is not null);--> statement-breakpoint
CREATE POLICY "measure_evidence_files_tenant_isolation" ON "measure_evidence_files" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));