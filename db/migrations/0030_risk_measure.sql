ALTER TABLE "project_risks" ADD COLUMN "measure_id" uuid;--> statement-breakpoint
-- SET NULL of the measure only (PostgreSQL 15 column list): the risk stays in its tenant and loses the link. Measures
-- are never deleted by the application; this keeps a tenant's purge (which orders deletions by these keys) acyclic.
ALTER TABLE "project_risks" ADD CONSTRAINT "project_risks_tenant_id_measure_id_measures_tenant_id_id_fk" FOREIGN KEY ("tenant_id","measure_id") REFERENCES "public"."measures"("tenant_id","id") ON DELETE SET NULL ("measure_id") ON UPDATE no action;
