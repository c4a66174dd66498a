CREATE TABLE "benchmark_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"k" integer DEFAULT 5 NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone,
	CONSTRAINT "benchmark_settings_single_row" CHECK ("benchmark_settings"."id"),
	CONSTRAINT "benchmark_settings_k_range" CHECK ("benchmark_settings"."k" between 3 and 50)
);
--> statement-breakpoint
ALTER TABLE "benchmark_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "benchmark_shares" (
	"tenant_id" uuid NOT NULL,
	"with_land" boolean DEFAULT false NOT NULL,
	"with_kommunen" boolean DEFAULT false NOT NULL,
	"changed_by_user_id" uuid,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_shares_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
ALTER TABLE "benchmark_shares" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_benchmarks" (
	"group_id" text NOT NULL,
	"period" text NOT NULL,
	"stichtag" date NOT NULL,
	"metric" text NOT NULL,
	"suppressed" boolean NOT NULL,
	"suppression_reason" text,
	"n" integer,
	"min" double precision,
	"p25" double precision,
	"median" double precision,
	"p75" double precision,
	"max" double precision,
	"mean" double precision,
	"level_counts" integer[],
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maturity_benchmarks_group_id_period_stichtag_metric_pk" PRIMARY KEY("group_id","period","stichtag","metric"),
	CONSTRAINT "maturity_benchmarks_period_check" CHECK ("maturity_benchmarks"."period" in ('current', 'month_end')),
	CONSTRAINT "maturity_benchmarks_suppression_reason_check" CHECK ("maturity_benchmarks"."suppression_reason" in ('below_k', 'differencing')),
	CONSTRAINT "maturity_benchmarks_group_id" CHECK ("maturity_benchmarks"."group_id" ~ '^(all|(kind|size|kreis):[a-z0-9_]+)$'),
	CONSTRAINT "maturity_benchmarks_suppressed_has_no_figures" CHECK (("maturity_benchmarks"."suppressed" and "maturity_benchmarks"."n" is null and "maturity_benchmarks"."min" is null and "maturity_benchmarks"."p25" is null and "maturity_benchmarks"."median" is null
        and "maturity_benchmarks"."p75" is null and "maturity_benchmarks"."max" is null and "maturity_benchmarks"."mean" is null and "maturity_benchmarks"."level_counts" is null)
       or (not "maturity_benchmarks"."suppressed" and "maturity_benchmarks"."n" is not null and "maturity_benchmarks"."min" is not null and "maturity_benchmarks"."p25" is not null
        and "maturity_benchmarks"."median" is not null and "maturity_benchmarks"."p75" is not null and "maturity_benchmarks"."max" is not null and "maturity_benchmarks"."mean" is not null)),
	CONSTRAINT "maturity_benchmarks_suppression_reason" CHECK (("maturity_benchmarks"."suppressed" = ("maturity_benchmarks"."suppression_reason" is not null))
       and ("maturity_benchmarks"."suppression_reason" is null or "maturity_benchmarks"."suppression_reason" in ('below_k', 'differencing'))),
	CONSTRAINT "maturity_benchmarks_n_at_least_3" CHECK ("maturity_benchmarks"."n" >= 3),
	CONSTRAINT "maturity_benchmarks_level_counts" CHECK ("maturity_benchmarks"."level_counts" is null or (cardinality("maturity_benchmarks"."level_counts") = 5 and "maturity_benchmarks"."metric" <> 'index'))
);
--> statement-breakpoint
ALTER TABLE "maturity_benchmarks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "maturity_snapshots" (
	"tenant_id" uuid NOT NULL,
	"period" text NOT NULL,
	"stichtag" date NOT NULL,
	"metric" text NOT NULL,
	"model_id" uuid NOT NULL,
	"model_version" integer NOT NULL,
	"level" smallint,
	"score" double precision NOT NULL,
	"completed_measures" integer NOT NULL,
	"open_measures" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "maturity_snapshots_tenant_id_period_stichtag_metric_pk" PRIMARY KEY("tenant_id","period","stichtag","metric"),
	CONSTRAINT "maturity_snapshots_period_check" CHECK ("maturity_snapshots"."period" in ('current', 'month_end')),
	CONSTRAINT "maturity_snapshots_level_range" CHECK ("maturity_snapshots"."level" between 0 and 4),
	CONSTRAINT "maturity_snapshots_score_range" CHECK ("maturity_snapshots"."score" between 0 and 4),
	CONSTRAINT "maturity_snapshots_level_only_for_dimensions" CHECK (("maturity_snapshots"."metric" = 'index') = ("maturity_snapshots"."level" is null)),
	CONSTRAINT "maturity_snapshots_counts" CHECK ("maturity_snapshots"."completed_measures" >= 0 and "maturity_snapshots"."open_measures" >= 0)
);
--> statement-breakpoint
ALTER TABLE "maturity_snapshots" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "benchmark_shares" ADD CONSTRAINT "benchmark_shares_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_snapshots" ADD CONSTRAINT "maturity_snapshots_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maturity_snapshots" ADD CONSTRAINT "maturity_snapshots_model_id_maturity_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."maturity_models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "maturity_benchmarks_slot_idx" ON "maturity_benchmarks" USING btree ("period","stichtag","metric");--> statement-breakpoint
CREATE UNIQUE INDEX "maturity_snapshots_current_key" ON "maturity_snapshots" USING btree ("tenant_id","metric") WHERE period = 'current';--> statement-breakpoint
CREATE INDEX "maturity_snapshots_slot_idx" ON "maturity_snapshots" USING btree ("period","stichtag","metric");--> statement-breakpoint
CREATE POLICY "tenants_benchmark_read" ON "tenants" AS PERMISSIVE FOR SELECT TO "spatz_benchmark" USING (true);--> statement-breakpoint
CREATE POLICY "benchmark_settings_read_all" ON "benchmark_settings" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "benchmark_settings_state_insert" ON "benchmark_settings" AS PERMISSIVE FOR INSERT TO "spatz_app" WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "benchmark_settings_state_update" ON "benchmark_settings" AS PERMISSIVE FOR UPDATE TO "spatz_app" USING (app_current_tenant_is_state()) WITH CHECK (app_current_tenant_is_state());--> statement-breakpoint
CREATE POLICY "benchmark_settings_benchmark_read" ON "benchmark_settings" AS PERMISSIVE FOR SELECT TO "spatz_benchmark" USING (true);--> statement-breakpoint
CREATE POLICY "benchmark_shares_tenant_isolation" ON "benchmark_shares" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "benchmark_shares_benchmark_read" ON "benchmark_shares" AS PERMISSIVE FOR SELECT TO "spatz_benchmark" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_benchmarks_read_all" ON "maturity_benchmarks" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (true);--> statement-breakpoint
CREATE POLICY "maturity_benchmarks_benchmark_write" ON "maturity_benchmarks" AS PERMISSIVE FOR ALL TO "spatz_benchmark" USING (true) WITH CHECK (true);--> statement-breakpoint
CREATE POLICY "maturity_snapshots_tenant_isolation" ON "maturity_snapshots" AS PERMISSIVE FOR ALL TO "spatz_app" USING (tenant_id = (select app_current_tenant())) WITH CHECK (tenant_id = (select app_current_tenant()));--> statement-breakpoint
CREATE POLICY "maturity_snapshots_shared_read" ON "maturity_snapshots" AS PERMISSIVE FOR SELECT TO "spatz_app" USING (tenant_id = any ((select benchmark_shared_tenants())::uuid[]));--> statement-breakpoint
CREATE POLICY "maturity_snapshots_benchmark_read" ON "maturity_snapshots" AS PERMISSIVE FOR SELECT TO "spatz_benchmark" USING (true);