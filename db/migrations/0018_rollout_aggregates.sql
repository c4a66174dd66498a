CREATE TABLE "rollout_agg_cells" (
	"tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"kreis_ags" text NOT NULL,
	"pairs" integer NOT NULL,
	"planning" integer NOT NULL,
	"implementing" integer NOT NULL,
	"online" integer NOT NULL,
	"not_responsible" integer NOT NULL,
	"overdue" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"population_pairs" bigint NOT NULL,
	"population_online" bigint NOT NULL,
	"population_not_responsible" bigint NOT NULL,
	CONSTRAINT "rollout_agg_cells_tenant_id_service_id_kreis_ags_pk" PRIMARY KEY("tenant_id","service_id","kreis_ags"),
	CONSTRAINT "rollout_agg_cells_counts_fit" CHECK (planning >= 0 and implementing >= 0 and online >= 0 and not_responsible >= 0 and overdue >= 0
        and planning + implementing + online + not_responsible <= pairs)
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_cells" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_agg_golives" (
	"tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"kreis_ags" text NOT NULL,
	"month" date NOT NULL,
	"actual" integer NOT NULL,
	"planned" integer NOT NULL,
	CONSTRAINT "rollout_agg_golives_tenant_id_service_id_kreis_ags_month_pk" PRIMARY KEY("tenant_id","service_id","kreis_ags","month"),
	CONSTRAINT "rollout_agg_golives_month_start" CHECK (extract(day from "rollout_agg_golives"."month") = 1),
	CONSTRAINT "rollout_agg_golives_counts" CHECK ("rollout_agg_golives"."actual" >= 0 and "rollout_agg_golives"."planned" >= 0)
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_golives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_agg_kommunen" (
	"tenant_id" uuid NOT NULL,
	"kommune_id" uuid NOT NULL,
	"kreis_ags" text NOT NULL,
	"pairs" integer NOT NULL,
	"planning" integer NOT NULL,
	"implementing" integer NOT NULL,
	"online" integer NOT NULL,
	"not_responsible" integer NOT NULL,
	"overdue" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"share" real,
	CONSTRAINT "rollout_agg_kommunen_tenant_id_kommune_id_pk" PRIMARY KEY("tenant_id","kommune_id"),
	CONSTRAINT "rollout_agg_kommunen_counts_fit" CHECK (planning >= 0 and implementing >= 0 and online >= 0 and not_responsible >= 0 and overdue >= 0
        and planning + implementing + online + not_responsible <= pairs)
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_kommunen" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_agg_kreise" (
	"tenant_id" uuid NOT NULL,
	"kreis_ags" text NOT NULL,
	"kommunen" integer NOT NULL,
	"pairs" integer NOT NULL,
	"planning" integer NOT NULL,
	"implementing" integer NOT NULL,
	"online" integer NOT NULL,
	"not_responsible" integer NOT NULL,
	"overdue" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rollout_agg_kreise_tenant_id_kreis_ags_pk" PRIMARY KEY("tenant_id","kreis_ags"),
	CONSTRAINT "rollout_agg_kreise_counts_fit" CHECK (planning >= 0 and implementing >= 0 and online >= 0 and not_responsible >= 0 and overdue >= 0
        and planning + implementing + online + not_responsible <= pairs)
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_kreise" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_agg_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"actual" integer NOT NULL,
	"planned" integer NOT NULL,
	CONSTRAINT "rollout_agg_months_tenant_id_month_pk" PRIMARY KEY("tenant_id","month"),
	CONSTRAINT "rollout_agg_months_month_start" CHECK (extract(day from "rollout_agg_months"."month") = 1),
	CONSTRAINT "rollout_agg_months_counts" CHECK ("rollout_agg_months"."actual" >= 0 and "rollout_agg_months"."planned" >= 0)
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_months" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_agg_services" (
	"tenant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"pairs" integer NOT NULL,
	"planning" integer NOT NULL,
	"implementing" integer NOT NULL,
	"online" integer NOT NULL,
	"not_responsible" integer NOT NULL,
	"overdue" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"population_pairs" bigint NOT NULL,
	"population_online" bigint NOT NULL,
	"population_not_responsible" bigint NOT NULL,
	"median_days_to_online" integer,
	"median_days_implementing" integer,
	CONSTRAINT "rollout_agg_services_tenant_id_service_id_pk" PRIMARY KEY("tenant_id","service_id"),
	CONSTRAINT "rollout_agg_services_counts_fit" CHECK (planning >= 0 and implementing >= 0 and online >= 0 and not_responsible >= 0 and overdue >= 0
        and planning + implementing + online + not_responsible <= pairs)
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_services" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "rollout_agg_state" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"incremental_at" timestamp with time zone,
	"full_at" timestamp with time zone,
	"drift_rows" integer DEFAULT 0 NOT NULL,
	"drift" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "rollout_agg_state" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "rollout_agg_cells" ADD CONSTRAINT "rollout_agg_cells_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_agg_golives" ADD CONSTRAINT "rollout_agg_golives_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_agg_kommunen" ADD CONSTRAINT "rollout_agg_kommunen_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_agg_kreise" ADD CONSTRAINT "rollout_agg_kreise_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_agg_months" ADD CONSTRAINT "rollout_agg_months_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_agg_services" ADD CONSTRAINT "rollout_agg_services_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_agg_state" ADD CONSTRAINT "rollout_agg_state_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rollout_agg_cells_kreis_idx" ON "rollout_agg_cells" USING btree ("tenant_id","kreis_ags");--> statement-breakpoint
CREATE INDEX "rollout_agg_golives_month_idx" ON "rollout_agg_golives" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "rollout_agg_golives_kreis_idx" ON "rollout_agg_golives" USING btree ("tenant_id","kreis_ags");--> statement-breakpoint
CREATE INDEX "rollout_agg_kommunen_kreis_idx" ON "rollout_agg_kommunen" USING btree ("tenant_id","kreis_ags");--> statement-breakpoint
CREATE INDEX "rollout_agg_kommunen_share_idx" ON "rollout_agg_kommunen" USING btree ("tenant_id","share");--> statement-breakpoint
CREATE INDEX "rollout_records_updated_idx" ON "rollout_records" USING btree ("updated_at");--> statement-breakpoint
CREATE POLICY "rollout_agg_cells_tenant_isolation" ON "rollout_agg_cells" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_cells_state_only" ON "rollout_agg_cells" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_agg_golives_tenant_isolation" ON "rollout_agg_golives" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_golives_state_only" ON "rollout_agg_golives" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_agg_kommunen_tenant_isolation" ON "rollout_agg_kommunen" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_kommunen_state_only" ON "rollout_agg_kommunen" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_agg_kreise_tenant_isolation" ON "rollout_agg_kreise" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_kreise_state_only" ON "rollout_agg_kreise" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_agg_months_tenant_isolation" ON "rollout_agg_months" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_months_state_only" ON "rollout_agg_months" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_agg_services_tenant_isolation" ON "rollout_agg_services" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_services_state_only" ON "rollout_agg_services" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));--> statement-breakpoint
CREATE POLICY "rollout_agg_state_tenant_isolation" ON "rollout_agg_state" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "rollout_agg_state_state_only" ON "rollout_agg_state" AS RESTRICTIVE FOR ALL TO "spatz_app" USING ((select app_current_tenant_is_state())) WITH CHECK ((select app_current_tenant_is_state()));