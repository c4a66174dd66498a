CREATE TABLE "strategy_kpi_values" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kpi_id" uuid NOT NULL,
	"measured_on" date NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_kpi_values_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "strategy_kpi_values" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "strategy_kpis" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"name" text NOT NULL,
	"unit" text DEFAULT '' NOT NULL,
	"baseline" double precision NOT NULL,
	"baseline_on" date NOT NULL,
	"target" double precision NOT NULL,
	"target_on" date NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_kpis_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "strategy_kpis_dates_ordered" CHECK ("strategy_kpis"."baseline_on" < "strategy_kpis"."target_on"),
	CONSTRAINT "strategy_kpis_target_differs" CHECK ("strategy_kpis"."target" <> "strategy_kpis"."baseline")
);
--> statement-breakpoint
ALTER TABLE "strategy_kpis" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "strategy_kpi_values" ADD CONSTRAINT "strategy_kpi_values_tenant_id_kpi_id_strategy_kpis_tenant_id_id_fk" FOREIGN KEY ("tenant_id","kpi_id") REFERENCES "public"."strategy_kpis"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_kpis" ADD CONSTRAINT "strategy_kpis_tenant_id_strategy_id_strategies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "public"."strategies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_kpi_values_day_key" ON "strategy_kpi_values" USING btree ("tenant_id","kpi_id","measured_on");--> statement-breakpoint
CREATE INDEX "strategy_kpis_strategy_idx" ON "strategy_kpis" USING btree ("tenant_id","strategy_id");--> statement-breakpoint
CREATE POLICY "strategy_kpi_values_tenant_isolation" ON "strategy_kpi_values" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "strategy_kpis_tenant_isolation" ON "strategy_kpis" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));