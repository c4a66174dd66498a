// Measures (Maßnahmen) of a Kommune and which model version it links them to. The maturity level follows from the
// completed measures (DESIGN.md §2): there is no stored assessment, only these facts.
import { MEASURE_STATUSES } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { users } from "./identity.ts";
import { maturityModels } from "./maturity-model.ts";
import { orgUnits } from "./org-units.ts";
import { projects } from "./portfolio.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

/** The published model version a Kommune links its measures to; moved forward by the Kommune itself. */
export const maturitySettings = pgTable(
  "maturity_settings",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => maturityModels.id),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("maturity_settings_tenant_key").on(t.tenantId),
    tenantPolicy("maturity_settings"),
  ],
).enableRLS();

export const measures = pgTable(
  "measures",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    orgUnitId: uuid("org_unit_id"),
    responsibleUserId: uuid("responsible_user_id"),
    status: text("status", { enum: MEASURE_STATUSES }).notNull().default("planned"),
    plannedStart: date("planned_start", { mode: "string" }),
    plannedEnd: date("planned_end", { mode: "string" }),
    completedOn: date("completed_on", { mode: "string" }),
    evidenceText: text("evidence_text"),
    evidenceUrl: text("evidence_url"),
    /** Criterion keys of the tenant's model version (maturity_settings). */
    criterionKeys: text("criterion_keys").array().notNull().default(sql`'{}'::text[]`),
    /** The portfolio project that delivers this measure (completing the project can complete the measure). */
    projectId: uuid("project_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("measures_status_check", t.status, MEASURE_STATUSES),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({
      columns: [t.tenantId, t.responsibleUserId],
      foreignColumns: [users.tenantId, users.id],
    }),
    // RESTRICT, not SET NULL: removing a project unlinks its measures first, with an audit entry per measure
    // (removeProject); a silent SET NULL would lose that history, and SET NULL on a composite key would null the
    // tenant too. Any other path that deletes a linked project fails loudly.
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("restrict"),
    index("measures_tenant_status_idx").on(t.tenantId, t.status),
    index("measures_tenant_responsible_idx").on(t.tenantId, t.responsibleUserId),
    index("measures_tenant_org_unit_idx").on(t.tenantId, t.orgUnitId),
    index("measures_tenant_project_idx").on(t.tenantId, t.projectId),
    // A completed measure always has its date and its evidence (DESIGN.md §2), whatever path wrote it. Evidence is
    // text, a link or a file (measure_evidence_files), so that half is a trigger: measures_completed_has_evidence in
    // 0011_evidence_files_security.
    check("measures_completed_has_date", sql`${t.status} <> 'completed' or ${t.completedOn} is not null`),
    check(
      "measures_planned_dates_ordered",
      sql`${t.plannedStart} is null or ${t.plannedEnd} is null or ${t.plannedStart} <= ${t.plannedEnd}`,
    ),
    tenantPolicy("measures"),
  ],
).enableRLS();

export type Measure = typeof measures.$inferSelect;
export type MeasureStatus = Measure["status"];
