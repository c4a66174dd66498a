CREATE TABLE "capacity_sources" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"gb_id" uuid,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"person_days" numeric(15, 3) NOT NULL,
	"consumed_days" numeric(15, 3) DEFAULT 0 NOT NULL,
	"decision_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_sources_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "capacity_sources_kind_check" CHECK ("capacity_sources"."kind" in ('internal', 'framework_contract')),
	CONSTRAINT "capacity_sources_year_range" CHECK ("capacity_sources"."year" between 2000 and 2100),
	CONSTRAINT "capacity_sources_days_check" CHECK ("capacity_sources"."person_days" > 0 and "capacity_sources"."consumed_days" >= 0 and "capacity_sources"."consumed_days" <= "capacity_sources"."person_days"),
	CONSTRAINT "capacity_sources_internal_not_consumed" CHECK ("capacity_sources"."kind" = 'framework_contract' or "capacity_sources"."consumed_days" = 0)
);
--> statement-breakpoint
ALTER TABLE "capacity_sources" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "capacity_sources" ADD CONSTRAINT "capacity_sources_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_sources" ADD CONSTRAINT "capacity_sources_tenant_id_gb_id_org_units_tenant_id_id_fk" FOREIGN KEY ("tenant_id","gb_id") REFERENCES "public"."org_units"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_sources" ADD CONSTRAINT "capacity_sources_tenant_id_decision_id_governance_decisions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","decision_id") REFERENCES "public"."governance_decisions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capacity_sources_year_idx" ON "capacity_sources" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE POLICY "capacity_sources_tenant_isolation" ON "capacity_sources" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));