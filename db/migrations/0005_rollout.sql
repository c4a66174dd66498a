CREATE TABLE "ozg_lagen" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"themenfeld_id" text NOT NULL,
	"position" integer NOT NULL,
	"in_catalogue" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ozg_lagen" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ozg_leika" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ozg_leika_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"leika_key" text,
	"name" text NOT NULL,
	"type" text,
	"types" text[] NOT NULL,
	"service_id" text
);
--> statement-breakpoint
ALTER TABLE "ozg_leika" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ozg_services" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lage_id" text NOT NULL,
	"themenfeld_id" text NOT NULL,
	"position" integer NOT NULL,
	"in_catalogue" boolean DEFAULT true NOT NULL,
	"leika_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"catalogue_updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"derived_municipal" boolean NOT NULL,
	"derived_kinds" text[] NOT NULL,
	"derived_reason" text NOT NULL,
	"derived_rule_id" text NOT NULL,
	"override_municipal" boolean,
	"override_kinds" text[],
	"override_reason" text,
	"override_by" text,
	"override_at" timestamp with time zone,
	"municipal_execution" boolean NOT NULL,
	"responsible_kinds" text[] NOT NULL,
	"efa_available" boolean DEFAULT false NOT NULL,
	"efa_providing_land" text,
	"efa_since" date,
	"priority" text,
	"maturity_model" text,
	"maturity_level" integer,
	"notes" text,
	"pmo_updated_by" text,
	"pmo_updated_at" timestamp with time zone,
	CONSTRAINT "ozg_services_maturity_level_range" CHECK ("ozg_services"."maturity_level" between 0 and 4)
);
--> statement-breakpoint
ALTER TABLE "ozg_services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "ozg_themenfelder" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"in_catalogue" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ozg_themenfelder" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_comments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kommune_tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"author_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_comments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "rollout_comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_cost_scenarios" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"params" jsonb NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_cost_scenarios_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "rollout_cost_scenarios" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_land_stats" (
	"id" text PRIMARY KEY NOT NULL,
	"stats" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rollout_land_stats" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_operating_model_scores" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"criteria" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"note" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_operating_model_scores_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "rollout_operating_model_scores" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_records" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"service_id" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"status_reason" text,
	"planning_since" date,
	"implementing_since" date,
	"online_since" date,
	"not_responsible_since" date,
	"reuse_route" text,
	"planned_online" date,
	"fachverfahren" text,
	"interface_needed" boolean,
	"contact" text,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "rollout_records" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "ozg_lagen" ADD CONSTRAINT "ozg_lagen_themenfeld_id_ozg_themenfelder_id_fk" FOREIGN KEY ("themenfeld_id") REFERENCES "public"."ozg_themenfelder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozg_leika" ADD CONSTRAINT "ozg_leika_service_id_ozg_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."ozg_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozg_services" ADD CONSTRAINT "ozg_services_lage_id_ozg_lagen_id_fk" FOREIGN KEY ("lage_id") REFERENCES "public"."ozg_lagen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozg_services" ADD CONSTRAINT "ozg_services_themenfeld_id_ozg_themenfelder_id_fk" FOREIGN KEY ("themenfeld_id") REFERENCES "public"."ozg_themenfelder"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_comments" ADD CONSTRAINT "rollout_comments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_comments" ADD CONSTRAINT "rollout_comments_kommune_tenant_id_tenants_id_fk" FOREIGN KEY ("kommune_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_comments" ADD CONSTRAINT "rollout_comments_service_id_ozg_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."ozg_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_cost_scenarios" ADD CONSTRAINT "rollout_cost_scenarios_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_operating_model_scores" ADD CONSTRAINT "rollout_operating_model_scores_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_records" ADD CONSTRAINT "rollout_records_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_records" ADD CONSTRAINT "rollout_records_service_id_ozg_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."ozg_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ozg_lagen_themenfeld_idx" ON "ozg_lagen" USING btree ("themenfeld_id");--> statement-breakpoint
CREATE INDEX "ozg_leika_service_idx" ON "ozg_leika" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "ozg_services_themenfeld_idx" ON "ozg_services" USING btree ("themenfeld_id");--> statement-breakpoint
CREATE INDEX "ozg_services_lage_idx" ON "ozg_services" USING btree ("lage_id");--> statement-breakpoint
CREATE INDEX "rollout_comments_record_idx" ON "rollout_comments" USING btree ("kommune_tenant_id","service_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rollout_cost_scenarios_tenant_name_key" ON "rollout_cost_scenarios" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "rollout_operating_model_scores_tenant_key" ON "rollout_operating_model_scores" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rollout_records_tenant_service_key" ON "rollout_records" USING btree ("tenant_id","service_id");--> statement-breakpoint
CREATE INDEX "rollout_records_service_status_idx" ON "rollout_records" USING btree ("service_id","status");--> statement-breakpoint
CREATE INDEX "rollout_records_status_idx" ON "rollout_records" USING btree ("status","implementing_since");--> statement-breakpoint
CREATE POLICY "ozg_lagen_read_all" ON "ozg_lagen" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "ozg_lagen_state_insert" ON "ozg_lagen" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_lagen_state_update" ON "ozg_lagen" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_leika_read_all" ON "ozg_leika" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "ozg_leika_state_insert" ON "ozg_leika" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_leika_state_update" ON "ozg_leika" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_leika_state_delete" ON "ozg_leika" AS PERMISSIVE FOR DELETE TO "spatz_app" USING ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "ozg_services_read_all" ON "ozg_services" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "ozg_services_state_insert" ON "ozg_services" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_services_state_update" ON "ozg_services" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_themenfelder_read_all" ON "ozg_themenfelder" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "ozg_themenfelder_state_insert" ON "ozg_themenfelder" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "ozg_themenfelder_state_update" ON "ozg_themenfelder" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "rollout_comments_tenant_isolation" ON "rollout_comments" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "rollout_comments_addressee_read" ON "rollout_comments" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (kommune_tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "rollout_comments_visible_to_state" ON "rollout_comments" AS PERMISSIVE FOR SELECT TO "spatz_app" USING ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_comments_own_kommune_only" ON "rollout_comments" AS RESTRICTIVE FOR INSERT TO "spatz_app" WITH CHECK (kommune_tenant_id = tenant_id or (select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_cost_scenarios_tenant_isolation" ON "rollout_cost_scenarios" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "rollout_land_stats_read_all" ON "rollout_land_stats" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "rollout_land_stats_state_insert" ON "rollout_land_stats" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "rollout_land_stats_state_update" ON "rollout_land_stats" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "rollout_operating_model_scores_tenant_isolation" ON "rollout_operating_model_scores" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "rollout_records_tenant_isolation" ON "rollout_records" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "rollout_records_visible_to_state" ON "rollout_records" AS PERMISSIVE FOR SELECT TO "spatz_app" USING ((select app_current_tenant_is_state()));