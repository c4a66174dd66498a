CREATE TABLE "maturity_criteria" (
	"model_id" uuid NOT NULL,
	"key" text NOT NULL,
	"dimension_key" text NOT NULL,
	"level" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"explanation" text DEFAULT '' NOT NULL,
	"validity_months" integer,
	CONSTRAINT "maturity_criteria_model_id_key_pk" PRIMARY KEY("model_id","key"),
	CONSTRAINT "maturity_criteria_validity_positive" CHECK ("maturity_criteria"."validity_months" is null or "maturity_criteria"."validity_months" > 0)
);
--> statement-breakpoint
ALTER TABLE "maturity_criteria" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_criterion_mappings" (
	"model_id" uuid NOT NULL,
	"old_key" text NOT NULL,
	"new_keys" text[] NOT NULL,
	CONSTRAINT "maturity_criterion_mappings_model_id_old_key_pk" PRIMARY KEY("model_id","old_key")
);
--> statement-breakpoint
ALTER TABLE "maturity_criterion_mappings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_dimensions" (
	"model_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"weight" double precision DEFAULT 1 NOT NULL,
	CONSTRAINT "maturity_dimensions_model_id_key_pk" PRIMARY KEY("model_id","key"),
	CONSTRAINT "maturity_dimensions_weight_positive" CHECK ("maturity_dimensions"."weight" > 0)
);
--> statement-breakpoint
ALTER TABLE "maturity_dimensions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_levels" (
	"model_id" uuid NOT NULL,
	"dimension_key" text NOT NULL,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "maturity_levels_model_id_dimension_key_level_pk" PRIMARY KEY("model_id","dimension_key","level"),
	CONSTRAINT "maturity_levels_level_range" CHECK ("maturity_levels"."level" between 1 and 4)
);
--> statement-breakpoint
ALTER TABLE "maturity_levels" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"based_on_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" text,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "maturity_models_version_positive" CHECK ("maturity_models"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "maturity_models" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_settings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"adopted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maturity_settings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "maturity_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "measures" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"org_unit_id" uuid,
	"responsible_user_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_start" date,
	"planned_end" date,
	"completed_on" date,
	"evidence_text" text,
	"evidence_url" text,
	"criterion_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "measures_completed_has_date_and_evidence" CHECK ("measures"."status" <> 'completed' or ("measures"."completed_on" is not null and coalesce("measures"."evidence_text", "measures"."evidence_url") is not null)),
	CONSTRAINT "measures_planned_dates_ordered" CHECK ("measures"."planned_start" is null or "measures"."planned_end" is null or "measures"."planned_start" <= "measures"."planned_end")
);
--> statement-breakpoint
ALTER TABLE "measures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "strategies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_unit_id" uuid,
	"title" text NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "strategies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "strategy_versions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"vision" text NOT NULL,
	"goals" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"model_id" uuid NOT NULL,
	"approved_on" date NOT NULL,
	"approved_by_user_id" uuid,
	"approved_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "strategy_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "maturity_criteria" ADD CONSTRAINT "maturity_criteria_model_id_dimension_key_level_maturity_levels_model_id_dimension_key_level_fk" FOREIGN KEY ("model_id","dimension_key","level") REFERENCES "public"."maturity_levels"("model_id","dimension_key","level") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_criterion_mappings" ADD CONSTRAINT "maturity_criterion_mappings_model_id_maturity_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."maturity_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_dimensions" ADD CONSTRAINT "maturity_dimensions_model_id_maturity_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."maturity_models"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_levels" ADD CONSTRAINT "maturity_levels_model_id_dimension_key_maturity_dimensions_model_id_key_fk" FOREIGN KEY ("model_id","dimension_key") REFERENCES "public"."maturity_dimensions"("model_id","key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_models" ADD CONSTRAINT "maturity_models_based_on_id_maturity_models_id_fk" FOREIGN KEY ("based_on_id") REFERENCES "public"."maturity_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_settings" ADD CONSTRAINT "maturity_settings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_settings" ADD CONSTRAINT "maturity_settings_model_id_maturity_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."maturity_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_tenant_id_org_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_tenant_id_responsible_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","responsible_user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_tenant_id_project_id_projects_tenant_id_id_fk" FOREIGN KEY ("tenant_id","project_id") REFERENCES "public"."projects"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_tenant_id_org_unit_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_model_id_maturity_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."maturity_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_versions" ADD CONSTRAINT "strategy_versions_tenant_id_strategy_id_strategies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "public"."strategies"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_models_version_key" ON "maturity_models" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_models_single_published_key" ON "maturity_models" USING btree ("status") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_models_single_draft_key" ON "maturity_models" USING btree ("status") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_settings_tenant_key" ON "maturity_settings" USING btree ("tenant_id");--> statement-breakpoint
CREATE INDEX "measures_tenant_status_idx" ON "measures" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "measures_tenant_responsible_idx" ON "measures" USING btree ("tenant_id","responsible_user_id");--> statement-breakpoint
CREATE INDEX "measures_tenant_org_unit_idx" ON "measures" USING btree ("tenant_id","org_unit_id");--> statement-breakpoint
CREATE INDEX "measures_tenant_project_idx" ON "measures" USING btree ("tenant_id","project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_tenant_whole_key" ON "strategies" USING btree ("tenant_id") WHERE org_unit_id is null;--> statement-breakpoint
CREATE UNIQUE INDEX "strategies_tenant_org_unit_key" ON "strategies" USING btree ("tenant_id","org_unit_id") WHERE org_unit_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_versions_tenant_strategy_version_key" ON "strategy_versions" USING btree ("tenant_id","strategy_id","version");--> statement-breakpoint
CREATE POLICY "maturity_criteria_read_all" ON "maturity_criteria" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_criteria_state_insert" ON "maturity_criteria" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_criteria_state_update" ON "maturity_criteria" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_criteria_state_delete" ON "maturity_criteria" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_criterion_mappings_read_all" ON "maturity_criterion_mappings" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_criterion_mappings_state_insert" ON "maturity_criterion_mappings" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_criterion_mappings_state_update" ON "maturity_criterion_mappings" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_criterion_mappings_state_delete" ON "maturity_criterion_mappings" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_dimensions_read_all" ON "maturity_dimensions" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_dimensions_state_insert" ON "maturity_dimensions" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_dimensions_state_update" ON "maturity_dimensions" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_dimensions_state_delete" ON "maturity_dimensions" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_levels_read_all" ON "maturity_levels" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_levels_state_insert" ON "maturity_levels" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_levels_state_update" ON "maturity_levels" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_levels_state_delete" ON "maturity_levels" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_models_read_all" ON "maturity_models" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_models_state_insert" ON "maturity_models" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_models_state_update" ON "maturity_models" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_models_state_delete" ON "maturity_models" AS PERMISSIVE FOR DELETE TO "spatz_app" USING (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "maturity_settings_tenant_isolation" ON "maturity_settings" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "measures_tenant_isolation" ON "measures" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "strategies_tenant_isolation" ON "strategies" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());--> statement-breakpoint
CREATE POLICY "strategy_versions_tenant_isolation" ON "strategy_versions" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());