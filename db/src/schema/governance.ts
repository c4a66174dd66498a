// IT-Governance of a Kommune (issue 17, docs/adr/0015-it-governance.md): Gremien with members and meetings, the
// Beschlüsse taken in them (with what they decide about), versions of the RACI matrix, and named processes with their
// reviews. Beschlüsse, published RACI versions and process reviews are evidence for maturity criteria.
import { DECISION_STATUSES, MEETING_RHYTHMS, MEMBER_FUNCTIONS, type RaciMatrix } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { users } from "./identity.ts";
import { measures } from "./measures.ts";
import { projects } from "./portfolio.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { strategyVersions } from "./strategies.ts";
import { tenants } from "./tenants.ts";

const criterionKeys = () => text("criterion_keys").array().notNull().default(sql`'{}'::text[]`);

export const governanceBodies = pgTable(
  "governance_bodies",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    rhythm: text("rhythm", { enum: MEETING_RHYTHMS }).notNull().default("as_needed"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("governance_bodies_rhythm_check", t.rhythm, MEETING_RHYTHMS),
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("governance_bodies_tenant_name_key").on(t.tenantId, t.name),
    tenantPolicy("governance_bodies"),
  ],
).enableRLS();

/** A Gremium's members: users of the Kommune or named external people (replaced as a whole when the body is saved). */
export const governanceMembers = pgTable(
  "governance_members",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    bodyId: uuid("body_id").notNull(),
    position: integer("position").notNull(),
    userId: uuid("user_id"),
    /** The person's name (for a user: as shown when saved, kept if the account goes). */
    name: text("name").notNull(),
    organisation: text("organisation").notNull().default(""),
    function: text("function", { enum: MEMBER_FUNCTIONS }).notNull().default("member"),
  },
  (t) => [
    enumCheck("governance_members_function_check", t.function, MEMBER_FUNCTIONS),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.bodyId],
      foreignColumns: [governanceBodies.tenantId, governanceBodies.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }),
    // At most one chair per Gremium.
    uniqueIndex("governance_members_one_chair_key").on(t.tenantId, t.bodyId).where(sql`function = 'chair'`),
    index("governance_members_body_idx").on(t.tenantId, t.bodyId, t.position),
    tenantPolicy("governance_members"),
  ],
).enableRLS();

export const governanceMeetings = pgTable(
  "governance_meetings",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    bodyId: uuid("body_id").notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    agenda: text("agenda").notNull().default(""),
    minutesUrl: text("minutes_url"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // RESTRICT: a Gremium with meetings is kept (its Beschlüsse are evidence); deleting one is refused.
    foreignKey({
      columns: [t.tenantId, t.bodyId],
      foreignColumns: [governanceBodies.tenantId, governanceBodies.id],
    }).onDelete("restrict"),
    index("governance_meetings_body_idx").on(t.tenantId, t.bodyId, t.heldOn),
    tenantPolicy("governance_meetings"),
  ],
).enableRLS();

export const governanceDecisions = pgTable(
  "governance_decisions",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    meetingId: uuid("meeting_id").notNull(),
    /** The Beschlussnummer, unique in the Kommune (e.g. "VA 2023/017"). */
    number: text("number").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull().default(""),
    status: text("status", { enum: DECISION_STATUSES }).notNull().default("adopted"),
    /** From this day on a revoked Beschluss no longer counts. */
    revokedOn: date("revoked_on", { mode: "string" }),
    criterionKeys: criterionKeys(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("governance_decisions_status_check", t.status, DECISION_STATUSES),
    check(
      "governance_decisions_revoked_has_date",
      sql`(${t.status} = 'revoked') = (${t.revokedOn} is not null)`,
    ),
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.meetingId],
      foreignColumns: [governanceMeetings.tenantId, governanceMeetings.id],
    }).onDelete("restrict"),
    uniqueIndex("governance_decisions_tenant_number_key").on(t.tenantId, t.number),
    index("governance_decisions_meeting_idx").on(t.tenantId, t.meetingId),
    tenantPolicy("governance_decisions"),
  ],
).enableRLS();

/** What a Beschluss decides about: exactly one of a measure, a project or an approved strategy version. */
export const governanceDecisionLinks = pgTable(
  "governance_decision_links",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    decisionId: uuid("decision_id").notNull(),
    measureId: uuid("measure_id"),
    projectId: uuid("project_id"),
    strategyVersionId: uuid("strategy_version_id"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check(
      "governance_decision_links_one_target",
      sql`num_nonnulls(${t.measureId}, ${t.projectId}, ${t.strategyVersionId}) = 1`,
    ),
    foreignKey({
      columns: [t.tenantId, t.decisionId],
      foreignColumns: [governanceDecisions.tenantId, governanceDecisions.id],
    }).onDelete("cascade"),
    // A measure or project that goes takes its link with it (the Beschluss stays); strategy versions never go.
    foreignKey({
      columns: [t.tenantId, t.measureId],
      foreignColumns: [measures.tenantId, measures.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.projectId],
      foreignColumns: [projects.tenantId, projects.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.tenantId, t.strategyVersionId],
      foreignColumns: [strategyVersions.tenantId, strategyVersions.id],
    }),
    index("governance_decision_links_decision_idx").on(t.tenantId, t.decisionId),
    index("governance_decision_links_strategy_idx").on(t.tenantId, t.strategyVersionId),
    tenantPolicy("governance_decision_links"),
  ],
).enableRLS();

/**
 * Versions of the Kommune's RACI matrix: one draft that is edited, published versions whose content never changes (a
 * trigger in migration 0032; only their criterion links follow a newer model version). The latest published is in force.
 */
export const governanceRaciVersions = pgTable(
  "governance_raci_versions",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    version: integer("version").notNull(),
    matrix: jsonb("matrix").$type<RaciMatrix>().notNull(),
    criterionKeys: criterionKeys(),
    /** The Beschluss that adopts the matrix, if any. */
    decisionId: uuid("decision_id"),
    publishedOn: date("published_on", { mode: "string" }),
    publishedByName: text("published_by_name"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("governance_raci_versions_tenant_version_key").on(t.tenantId, t.version),
    // One draft at a time.
    uniqueIndex("governance_raci_versions_one_draft_key").on(t.tenantId).where(sql`published_on is null`),
    check(
      "governance_raci_versions_published_by",
      sql`(${t.publishedOn} is null) = (${t.publishedByName} is null)`,
    ),
    foreignKey({
      columns: [t.tenantId, t.decisionId],
      foreignColumns: [governanceDecisions.tenantId, governanceDecisions.id],
    }),
    tenantPolicy("governance_raci_versions"),
  ],
).enableRLS();

export const governanceProcesses = pgTable(
  "governance_processes",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    ownerName: text("owner_name").notNull().default(""),
    description: text("description").notNull().default(""),
    documentUrl: text("document_url"),
    reviewEveryMonths: integer("review_every_months").notNull().default(12),
    criterionKeys: criterionKeys(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("governance_processes_tenant_name_key").on(t.tenantId, t.name),
    check("governance_processes_review_range", sql`${t.reviewEveryMonths} between 1 and 60`),
    tenantPolicy("governance_processes"),
  ],
).enableRLS();

/** Reviews of a process (append-only): each counts as evidence from its day until the next review is due. */
export const governanceProcessReviews = pgTable(
  "governance_process_reviews",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    processId: uuid("process_id").notNull(),
    reviewedOn: date("reviewed_on", { mode: "string" }).notNull(),
    /** Exclusive: the review counts until the day before. */
    validUntil: date("valid_until", { mode: "string" }).notNull(),
    note: text("note").notNull().default(""),
    reviewerName: text("reviewer_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check("governance_process_reviews_ordered", sql`${t.reviewedOn} < ${t.validUntil}`),
    foreignKey({
      columns: [t.tenantId, t.processId],
      foreignColumns: [governanceProcesses.tenantId, governanceProcesses.id],
    }).onDelete("restrict"),
    index("governance_process_reviews_process_idx").on(t.tenantId, t.processId, t.reviewedOn),
    tenantPolicy("governance_process_reviews"),
  ],
).enableRLS();
