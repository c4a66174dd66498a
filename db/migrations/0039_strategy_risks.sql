ALTER TABLE "project_risks" ALTER COLUMN "project_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "project_risks" ADD COLUMN "strategy_id" uuid;--> statement-breakpoint
ALTER TABLE "project_risks" ADD CONSTRAINT "project_risks_tenant_id_strategy_id_strategies_tenant_id_id_fk" FOREIGN KEY ("tenant_id","strategy_id") REFERENCES "public"."strategies"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_risks_strategy_idx" ON "project_risks" USING btree ("tenant_id","strategy_id");--> statement-breakpoint
ALTER TABLE "project_risks" ADD CONSTRAINT "project_risks_one_subject" CHECK (num_nonnulls("project_risks"."project_id", "project_risks"."strategy_id") = 1);