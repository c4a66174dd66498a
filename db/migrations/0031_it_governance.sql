CREATE TABLE "governance_bodies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"rhythm" text DEFAULT 'as_needed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_bodies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_bodies_rhythm_check" CHECK ("governance_bodies"."rhythm" in ('weekly', 'biweekly', 'monthly', 'quarterly', 'half_yearly', 'yearly', 'as_needed'))
);
--> statement-breakpoint
ALTER TABLE "governance_bodies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_decision_links" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"decision_id" uuid NOT NULL,
	"measure_id" uuid,
	"project_id" uuid,
	"strategy_version_id" uuid,
	CONSTRAINT "governance_decision_links_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_decision_links_one_target" CHECK (num_nonnulls("governance_decision_links"."measure_id", "governance_decision_links"."project_id", "governance_decision_links"."strategy_version_id") = 1)
);
--> statement-breakpoint
ALTER TABLE "governance_decision_links" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_decisions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'adopted' NOT NULL,
	"revoked_on" date,
	"criterion_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_decisions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_decisions_status_check" CHECK ("governance_decisions"."status" in ('adopted', 'rejected', 'deferred', 'revoked')),
	CONSTRAINT "governance_decisions_revoked_has_date" CHECK (("governance_decisions"."status" = 'revoked') = ("governance_decisions"."revoked_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "governance_decisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes_url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "governance_meetings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"user_id" uuid,
	"name" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"function" text DEFAULT 'member' NOT NULL,
	CONSTRAINT "governance_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_members_function_check" CHECK ("governance_members"."function" in ('chair', 'deputy', 'member', 'guest'))
);
--> statement-breakpoint
ALTER TABLE "governance_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_process_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"process_id" uuid NOT NULL,
	"reviewed_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reviewer_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_process_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_process_reviews_ordered" CHECK ("governance_process_reviews"."reviewed_on" < "governance_process_reviews"."valid_until")
);
--> statement-breakpoint
ALTER TABLE "governance_process_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_processes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"document_url" text,
	"review_every_months" integer DEFAULT 12 NOT NULL,
	"criterion_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_processes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_processes_review_range" CHECK ("governance_processes"."review_every_months" between 1 and 60)
);
--> statement-breakpoint
ALTER TABLE "governance_processes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "governance_raci_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"matrix" jsonb NOT NULL,
	"criterion_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"decision_id" uuid,
	"published_on" date,
	"published_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "governance_raci_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "governance_raci_versions_published_by" CHECK (("governance_raci_versions"."published_on" is null) = ("governance_raci_versions"."published_by_name" is null))
);
--> statement-breakpoint
ALTER TABLE "governance_raci_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "governance_bodies" ADD CONSTRAINT "governance_bodies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decision_links" ADD CONSTRAINT "governance_decision_links_tenant_id_decision_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decision_links" ADD CONSTRAINT "governance_decision_links_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decision_links" ADD CONSTRAINT "governance_decision_links_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decision_links" ADD CONSTRAINT "governance_decision_links_tenant_id_strategy_version_id_strategy_versions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_version_id") REFERENCES "public"."strategy_versions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_decisions" ADD CONSTRAINT "governance_decisions_tenant_id_meeting_id_governance_meetings_tenant_id_id_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."governance_meetings"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_tenant_id_body_id_governance_bodies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","body_id") REFERENCES "public"."governance_bodies"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_tenant_id_body_id_governance_bodies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","body_id") REFERENCES "public"."governance_bodies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_members" ADD CONSTRAINT "governance_members_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_process_reviews" ADD CONSTRAINT "governance_process_reviews_tenant_id_process_id_governance_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."governance_processes"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_processes" ADD CONSTRAINT "governance_processes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_raci_versions" ADD CONSTRAINT "governance_raci_versions_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_raci_versions" ADD CONSTRAINT "governance_raci_versions_tenant_id_decision_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_bodies_tenant_name_key" ON "governance_bodies" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "governance_decision_links_decision_idx" ON "governance_decision_links" USING btree ("tenant_id","decision_id");--> statement-breakpoint
CREATE INDEX "governance_decision_links_strategy_idx" ON "governance_decision_links" USING btree ("tenant_id","strategy_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_decisions_tenant_number_key" ON "governance_decisions" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "governance_decisions_meeting_idx" ON "governance_decisions" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "governance_meetings_body_idx" ON "governance_meetings" USING btree ("tenant_id","body_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_members_one_chair_key" ON "governance_members" USING btree ("tenant_id","body_id") WHERE function = 'chair';--> statement-breakpoint
CREATE INDEX "governance_members_body_idx" ON "governance_members" USING btree ("tenant_id","body_id","position");--> statement-breakpoint
CREATE INDEX "governance_process_reviews_process_idx" ON "governance_process_reviews" USING btree ("tenant_id","process_id","reviewed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_processes_tenant_name_key" ON "governance_processes" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_raci_versions_tenant_version_key" ON "governance_raci_versions" USING btree ("tenant_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_raci_versions_one_draft_key" ON "governance_raci_versions" USING btree ("tenant_id") WHERE published_on is null;--> statement-breakpoint
CREATE POLICY "governance_bodies_tenant_isolation" ON "governance_bodies" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_decision_links_tenant_isolation" ON "governance_decision_links" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_decisions_tenant_isolation" ON "governance_decisions" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_meetings_tenant_isolation" ON "governance_meetings" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_members_tenant_isolation" ON "governance_members" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_process_reviews_tenant_isolation" ON "governance_process_reviews" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_processes_tenant_isolation" ON "governance_processes" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "governance_raci_versions_tenant_isolation" ON "governance_raci_versions" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));