ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('admin', 'leadership', 'coordinator', 'project_lead', 'viewer', 'state_admin', 'state_pmo'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('admin', 'leadership', 'coordinator', 'project_lead', 'viewer', 'state_admin', 'state_pmo'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_status_check" CHECK ("users"."status" in ('active', 'disabled'));--> statement-breakpoint
ALTER TABLE "maturity_models" ADD CONSTRAINT "maturity_models_status_check" CHECK ("maturity_models"."status" in ('draft', 'published', 'superseded'));--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_status_check" CHECK ("measures"."status" in ('planned', 'in_progress', 'completed', 'discarded'));--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_kind_check" CHECK ("org_units"."kind" in ('gb', 'r', 'other'));--> statement-breakpoint
ALTER TABLE "project_proposals" ADD CONSTRAINT "project_proposals_method_check" CHECK ("project_proposals"."method" in ('classic', 'agile', 'hybrid'));--> statement-breakpoint
ALTER TABLE "project_proposals" ADD CONSTRAINT "project_proposals_status_check" CHECK ("project_proposals"."status" in ('submitted', 'assessed', 'approved', 'rejected'));--> statement-breakpoint
ALTER TABLE "project_standards" ADD CONSTRAINT "project_standards_standard_check" CHECK ("project_standards"."standard" in ('charter', 'milestone_plan', 'risk_register', 'status_report', 'acceptance'));--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_status_check" CHECK ("projects"."status" in ('registered', 'assessed', 'approved', 'in_progress', 'completed', 'rejected', 'stopped'));--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_priority_check" CHECK ("projects"."priority" in ('high', 'medium', 'low'));--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_method_check" CHECK ("projects"."method" in ('classic', 'agile', 'hybrid'));--> statement-breakpoint
ALTER TABLE "registration_rounds" ADD CONSTRAINT "registration_rounds_status_check" CHECK ("registration_rounds"."status" in ('open', 'closed'));--> statement-breakpoint
ALTER TABLE "ozg_services" ADD CONSTRAINT "ozg_services_priority_check" CHECK ("ozg_services"."priority" in ('ozg_booster', 'high', 'medium', 'low'));--> statement-breakpoint
ALTER TABLE "rollout_records" ADD CONSTRAINT "rollout_records_status_check" CHECK ("rollout_records"."status" in ('not_started', 'planning', 'implementing', 'online', 'not_responsible'));--> statement-breakpoint
ALTER TABLE "rollout_records" ADD CONSTRAINT "rollout_records_reuse_route_check" CHECK ("rollout_records"."reuse_route" in ('efa_marketplace', 'kitu_inhouse', 'fit_store', 'kommunalvertreter', 'own_solution', 'other'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_kind_check" CHECK ("tenants"."kind" in ('state', 'kreisfreie_stadt', 'landkreis', 'einheitsgemeinde', 'verbandsgemeinde'));--> statement-breakpoint
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_status_check" CHECK ("tenants"."status" in ('active', 'suspended', 'deletion_pending'));