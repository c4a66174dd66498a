CREATE TABLE "handbook_acknowledgements" (
	"tenant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"acknowledged_by" text NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handbook_acknowledgements_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "handbook_acknowledgements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "handbook_chapters" (
	"version_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"kind" text DEFAULT 'chapter' NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"standard" text,
	"form" text,
	CONSTRAINT "handbook_chapters_version_id_key_pk" PRIMARY KEY("version_id","key"),
	CONSTRAINT "handbook_chapters_kind_check" CHECK ("handbook_chapters"."kind" in ('chapter', 'template')),
	CONSTRAINT "handbook_chapters_standard_check" CHECK ("handbook_chapters"."standard" in ('charter', 'milestone_plan', 'risk_register', 'status_report', 'acceptance')),
	CONSTRAINT "handbook_chapters_form_check" CHECK ("handbook_chapters"."form" in ('status_report', 'risk_register'))
);
--> statement-breakpoint
ALTER TABLE "handbook_chapters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "handbook_local_chapters" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text DEFAULT 'chapter' NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handbook_local_chapters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "handbook_local_chapters_kind_check" CHECK ("handbook_local_chapters"."kind" in ('chapter', 'template'))
);
--> statement-breakpoint
ALTER TABLE "handbook_local_chapters" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "handbook_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"changes" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "handbook_versions_status_check" CHECK ("handbook_versions"."status" in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "handbook_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "handbook_acknowledgements" ADD CONSTRAINT "handbook_acknowledgements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_chapters" ADD CONSTRAINT "handbook_chapters_version_id_handbook_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."handbook_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handbook_local_chapters" ADD CONSTRAINT "handbook_local_chapters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handbook_versions_version_key" ON "handbook_versions" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "handbook_versions_single_draft_key" ON "handbook_versions" USING btree ("status") WHERE status = 'draft';--> statement-breakpoint
CREATE POLICY "handbook_acknowledgements_tenant_isolation" ON "handbook_acknowledgements" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "handbook_chapters_read_all" ON "handbook_chapters" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "handbook_chapters_state_insert" ON "handbook_chapters" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "handbook_chapters_state_update" ON "handbook_chapters" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "handbook_chapters_state_delete" ON "handbook_chapters" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "handbook_local_chapters_tenant_isolation" ON "handbook_local_chapters" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "handbook_versions_read_all" ON "handbook_versions" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "handbook_versions_state_insert" ON "handbook_versions" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "handbook_versions_state_update" ON "handbook_versions" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "handbook_versions_state_delete" ON "handbook_versions" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());