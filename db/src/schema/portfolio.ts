// The PMO portfolio of a Kommune: projects with milestones and the PM standards they follow, saved list filters per
// user, and the yearly registration round (proposals scored against weighted criteria and decided by the PMO).
// Maturity measures name the project that delivers them (measures.project_id; see completeProject in queries/projects.ts).
import {
  PM_STANDARDS,
  PROPOSAL_STATUSES,
  projectMethods,
  projectPriorities,
  projectStatuses,
  ROUND_STATUSES,
} from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { users } from "./identity.ts";
import { orgUnits } from "./org-units.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";

/** Effort in Personentage, exact to three decimals (numeric, read as a JS number). */
const effortDays = (name: string) => numeric(name, { precision: 15, scale: 3, mode: "number" });
/** Money in euro cents; bigint read as a JS number (the largest budget, 999.999.999.999,99 €, fits exactly). */
const cents = (name: string) => bigint(name, { mode: "number" });

export const projects = pgTable(
  "projects",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    gbId: uuid("gb_id").notNull(),
    rId: uuid("r_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    /** Inclusive; the duration is derived (never stored). */
    endDate: date("end_date", { mode: "string" }).notNull(),
    status: text("status", { enum: projectStatuses }).notNull(),
    priority: text("priority", { enum: projectPriorities }),
    method: text("method", { enum: projectMethods }),
    leadName: text("lead_name"),
    /** The user who leads the project and may edit it (role project_lead); optional. */
    leadUserId: uuid("lead_user_id"),
    budgetCents: cents("budget_cents"),
    effortDays: effortDays("effort_days"),
    notes: text("notes"),
    /** The Projekt-ID of the Kommune's own list, if any; re-imports match on it (or on the SPATZ id). */
    externalId: text("external_id"),
    /** GB + R + name, normalised (@spatz/portfolio projectNaturalKey): re-imports without an ID match on it. */
    naturalKey: text("natural_key").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** How often the project reports its status, in weeks (set by the PMO); null: the default of four. */
    statusReportWeeks: integer("status_report_weeks"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("projects_status_check", t.status, projectStatuses),
    check("projects_status_report_weeks_check", sql`${t.statusReportWeeks} between 1 and 26`),
    enumCheck("projects_priority_check", t.priority, projectPriorities),
    enumCheck("projects_method_check", t.method, projectMethods),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.gbId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.rId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.leadUserId], foreignColumns: [users.tenantId, users.id] }),
    uniqueIndex("projects_tenant_natural_key").on(t.tenantId, t.naturalKey),
    uniqueIndex("projects_tenant_external_id_key")
      .on(t.tenantId, t.externalId)
      .where(sql`external_id is not null`),
    // The list sorts by start by default and filters by year (start/end overlap), status, GB/R and lead.
    index("projects_tenant_start_idx").on(t.tenantId, t.startDate, t.name),
    index("projects_tenant_end_idx").on(t.tenantId, t.endDate),
    index("projects_tenant_name_idx").on(t.tenantId, t.name),
    index("projects_tenant_status_idx").on(t.tenantId, t.status),
    index("projects_tenant_gb_r_idx").on(t.tenantId, t.gbId, t.rId),
    index("projects_tenant_lead_user_idx").on(t.tenantId, t.leadUserId),
    index("projects_tenant_lead_name_idx").on(t.tenantId, t.leadName),
    tenantPolicy("projects"),
  ],
).enableRLS();

export const projectMilestones = pgTable(
  "project_milestones",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    projectId: uuid("project_id").notNull(),
    title: text("title").notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    done: boolean("done").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    index("project_milestones_tenant_project_idx").on(t.tenantId, t.projectId, t.dueDate),
    // Overdue milestones: open and due before today.
    index("project_milestones_tenant_open_due_idx").on(t.tenantId, t.dueDate).where(sql`not done`),
    tenantPolicy("project_milestones"),
  ],
).enableRLS();

/** One row per PM standard a project follows (Projektsteckbrief, Meilensteinplan, …); no row = not (yet) followed. */
export const projectStandards = pgTable(
  "project_standards",
  {
    tenantId: tenantIdColumn(),
    projectId: uuid("project_id").notNull(),
    standard: text("standard", { enum: PM_STANDARDS }).notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    enumCheck("project_standards_standard_check", t.standard, PM_STANDARDS),
    primaryKey({ columns: [t.tenantId, t.projectId, t.standard] }),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    index("project_standards_tenant_standard_idx").on(t.tenantId, t.standard),
    tenantPolicy("project_standards"),
  ],
).enableRLS();

/** A user's named list filter ("Meine laufenden Projekte OB"); only its owner sees it. */
export const savedProjectFilters = pgTable(
  "saved_project_filters",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    filter: jsonb("filter").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete(
      "cascade",
    ),
    uniqueIndex("saved_project_filters_tenant_user_name_key").on(t.tenantId, t.userId, t.name),
    tenantPolicy("saved_project_filters"),
  ],
).enableRLS();

export const registrationRounds = pgTable(
  "registration_rounds",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    /** The year the proposals are for ("Anmeldung für 2024"). */
    year: integer("year").notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: ROUND_STATUSES }).notNull().default("open"),
    deadline: date("deadline", { mode: "string" }),
    /** Weight per criterion in percent: { strategicFit, urgency, dependencies, cost }. */
    weights: jsonb("weights").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    enumCheck("registration_rounds_status_check", t.status, ROUND_STATUSES),
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("registration_rounds_tenant_year_key").on(t.tenantId, t.year),
    tenantPolicy("registration_rounds"),
  ],
).enableRLS();

export const projectProposals = pgTable(
  "project_proposals",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    roundId: uuid("round_id").notNull(),
    gbId: uuid("gb_id").notNull(),
    rId: uuid("r_id").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    justification: text("justification").notNull().default(""),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    method: text("method", { enum: projectMethods }),
    leadName: text("lead_name"),
    budgetCents: cents("budget_cents"),
    effortDays: effortDays("effort_days"),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("submitted"),
    submittedBy: uuid("submitted_by"),
    /** Scores 0–5 per criterion; the weighted score is computed with the round's current weights. */
    scores: jsonb("scores"),
    scoreNote: text("score_note"),
    assessedAt: timestamp("assessed_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The project an approved proposal became. */
    projectId: uuid("project_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("project_proposals_method_check", t.method, projectMethods),
    enumCheck("project_proposals_status_check", t.status, PROPOSAL_STATUSES),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.roundId],
      foreignColumns: [registrationRounds.tenantId, registrationRounds.id],
    }),
    foreignKey({ columns: [t.tenantId, t.gbId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.rId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    foreignKey({ columns: [t.tenantId, t.submittedBy], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [projects.tenantId, projects.id] }),
    index("project_proposals_tenant_round_idx").on(t.tenantId, t.roundId),
    index("project_proposals_tenant_project_idx").on(t.tenantId, t.projectId),
    tenantPolicy("project_proposals"),
  ],
).enableRLS();

export type Project = typeof projects.$inferSelect;
export type ProjectMilestone = typeof projectMilestones.$inferSelect;
export type RegistrationRound = typeof registrationRounds.$inferSelect;
export type ProjectProposal = typeof projectProposals.$inferSelect;
