CREATE TABLE "project_risks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"probability" integer NOT NULL,
	"impact" integer NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"treatment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_risks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "project_risks_status_check" CHECK ("project_risks"."status" in ('open', 'in_treatment', 'closed')),
	CONSTRAINT "project_risks_scale_check" CHECK ("project_risks"."probability" between 1 and 5 and "project_risks"."impact" between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "project_risks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "project_status_reports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reported_on" date NOT NULL,
	"schedule" text NOT NULL,
	"cost" text NOT NULL,
	"quality" text NOT NULL,
	"resources" text NOT NULL,
	"summary" text NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"decisions_needed" text DEFAULT '' NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_status_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "project_status_reports_schedule_check" CHECK ("project_status_reports"."schedule" in ('green', 'yellow', 'red')),
	CONSTRAINT "project_status_reports_cost_check" CHECK ("project_status_reports"."cost" in ('green', 'yellow', 'red')),
	CONSTRAINT "project_status_reports_quality_check" CHECK ("project_status_reports"."quality" in ('green', 'yellow', 'red')),
	CONSTRAINT "project_status_reports_resources_check" CHECK ("project_status_reports"."resources" in ('green', 'yellow', 'red'))
);
--> statement-breakpoint
ALTER TABLE "project_status_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "project_risks" ADD CONSTRAINT "project_risks_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_status_reports" ADD CONSTRAINT "project_status_reports_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_status_reports" ADD CONSTRAINT "project_status_reports_tenant_id_author_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","author_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_risks_project_idx" ON "project_risks" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE INDEX "project_risks_open_idx" ON "project_risks" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "project_status_reports_latest_idx" ON "project_status_reports" USING btree ("tenant_id","project_id","reported_on","created_at");--> statement-breakpoint
CREATE POLICY "project_risks_tenant_isolation" ON "project_risks" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "project_status_reports_tenant_isolation" ON "project_status_reports" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));