// Project steering (issue 17, docs/adr/0014-project-steering.md): the status reports of a project (append-only: a
// report is a record of what was said then; a correction is the next report) and the risk register of a project or of
// a strategy (the table keeps its first name, project_risks).
import { AMPEL, RISK_STATUSES } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { users } from "./identity.ts";
import { measures } from "./measures.ts";
import { projects } from "./portfolio.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { strategies } from "./strategies.ts";

export const projectStatusReports = pgTable(
  "project_status_reports",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    reportedOn: date("reported_on", { mode: "string" }).notNull(),
    schedule: text("schedule", { enum: AMPEL }).notNull(),
    cost: text("cost", { enum: AMPEL }).notNull(),
    quality: text("quality", { enum: AMPEL }).notNull(),
    resources: text("resources", { enum: AMPEL }).notNull(),
    summary: text("summary").notNull(),
    nextSteps: text("next_steps").notNull().default(""),
    decisionsNeeded: text("decisions_needed").notNull().default(""),
    authorUserId: uuid("author_user_id"),
    authorName: text("author_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    enumCheck("project_status_reports_schedule_check", t.schedule, AMPEL),
    enumCheck("project_status_reports_cost_check", t.cost, AMPEL),
    enumCheck("project_status_reports_quality_check", t.quality, AMPEL),
    enumCheck("project_status_reports_resources_check", t.resources, AMPEL),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.authorUserId], foreignColumns: [users.tenantId, users.id] }),
    index("project_status_reports_latest_idx").on(t.tenantId, t.projectId, t.reportedOn, t.createdAt),
    tenantPolicy("project_status_reports"),
  ],
).enableRLS();

export const projectRisks = pgTable(
  "project_risks",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    /** The project the risk belongs to – or, for a risk of a (org-unit) strategy, `strategyId`: exactly one. */
    projectId: uuid("project_id"),
    strategyId: uuid("strategy_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    probability: integer("probability").notNull(),
    impact: integer("impact").notNull(),
    ownerName: text("owner_name").notNull().default(""),
    treatment: text("treatment").notNull().default(""),
    /** The maturity measure that treats the risk, if one does (of the same Kommune: composite key). */
    measureId: uuid("measure_id"),
    status: text("status", { enum: RISK_STATUSES }).notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("project_risks_status_check", t.status, RISK_STATUSES),
    check("project_risks_scale_check", sql`${t.probability} between 1 and 5 and ${t.impact} between 1 and 5`),
    check("project_risks_one_subject", sql`num_nonnulls(${t.projectId}, ${t.strategyId}) = 1`),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.strategyId],
      foreignColumns: [strategies.tenantId, strategies.id],
    }).onDelete("cascade"),
    // ON DELETE SET NULL (measure_id) in migration 0030: only the link goes, the risk keeps its tenant.
    foreignKey({
      columns: [t.tenantId, t.measureId],
      foreignColumns: [measures.tenantId, measures.id],
    }).onDelete("set null"),
    index("project_risks_project_idx").on(t.tenantId, t.projectId),
    index("project_risks_strategy_idx").on(t.tenantId, t.strategyId),
    // The leadership's start page: open risks by score.
    index("project_risks_open_idx").on(t.tenantId, t.status),
    tenantPolicy("project_risks"),
  ],
).enableRLS();
