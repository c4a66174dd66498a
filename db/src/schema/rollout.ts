// OZG/EfA rollout: the state's service catalogue (global tables), the Kommunen's rollout records and the state PMO's
// comments, cost scenarios and operating-model scores (tenant tables).
//
// Who may see and write what (DESIGN.md §2 "Rollout status is the state's programme and visible to the state by name"):
// - Catalogue tables (ozg_*) and rollout_land_stats are global: everyone reads them, only a transaction of the state
//   tenant writes them (the `tenants` pattern).
// - rollout_records: a Kommune reads and writes only its own rows (tenant policy). The state tenant may additionally
//   SELECT every Kommune's rows (`rollout_records_visible_to_state`), never INSERT/UPDATE/DELETE them: there is no write
//   policy for the state, so its writes find zero rows or fail the tenant policy's WITH CHECK.
// - rollout_comments (design): a comment is stored in the tenant of its *author* (tenant_id) and names the Kommune
//   whose record it is about (kommune_tenant_id, service_id – the record's natural key, because records are created
//   lazily and a PMO may comment on a service a Kommune has not touched yet). So the state writes only rows of its
//   own tenant and never a row of a Kommune. Reading:
//     * the author's tenant reads its own comments (tenant policy);
//     * the Kommune the comment is about reads it (`rollout_comments_addressee_read`: kommune_tenant_id = current);
//     * the state reads all comments, including a Kommune's replies (`rollout_comments_visible_to_state`).
//   Any other Kommune matches none of the three, so it never sees them. A restrictive policy
//   (`rollout_comments_own_kommune_only`) stops a Kommune from addressing a comment to another Kommune; only the
//   state may address other tenants. Comments are append-only (no UPDATE/DELETE grant), like the audit log.
import { reuseRoutes, rolloutStatuses, servicePriorities } from "@spatz/rollout";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { appRole, tenantIdColumn, tenantPolicy } from "./rls.ts";
import { stateWrites, tenants } from "./tenants.ts";

/**
 * Evaluated once per statement (an InitPlan), not once per row: the state dashboards scan every record. The extra
 * policies are named "…_visible_to_state" on purpose: PostgreSQL 15 OR-s permissive policies in reverse name order, so
 * this name puts the cheap InitPlan before the tenant comparison and a state scan short-circuits it (3× faster scan
 * of 74,000 records, measured). The name changes nothing about who may read what.
 */
const isState = sql`(select app_current_tenant_is_state())`;

const stateDeletes = (table: string) =>
  pgPolicy(`${table}_state_delete`, { as: "permissive", for: "delete", to: appRole, using: isState });

export const ozgThemenfelder = pgTable(
  "ozg_themenfelder",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    /** false once a newer catalogue no longer lists it (kept: services and records refer to it). */
    inCatalogue: boolean("in_catalogue").notNull().default(true),
  },
  () => [...stateWrites("ozg_themenfelder")],
).enableRLS();

export const ozgLagen = pgTable(
  "ozg_lagen",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    themenfeldId: text("themenfeld_id")
      .notNull()
      .references(() => ozgThemenfelder.id),
    position: integer("position").notNull(),
    inCatalogue: boolean("in_catalogue").notNull().default(true),
  },
  (t) => [index("ozg_lagen_themenfeld_idx").on(t.themenfeldId), ...stateWrites("ozg_lagen")],
).enableRLS();

export const ozgServices = pgTable(
  "ozg_services",
  {
    /** OZG-ID (10000 …). */
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    lageId: text("lage_id")
      .notNull()
      .references(() => ozgLagen.id),
    themenfeldId: text("themenfeld_id")
      .notNull()
      .references(() => ozgThemenfelder.id),
    position: integer("position").notNull(),
    inCatalogue: boolean("in_catalogue").notNull().default(true),
    leikaTypes: text("leika_types").array().notNull().default(sql`'{}'::text[]`),
    catalogueUpdatedAt: timestamp("catalogue_updated_at", { withTimezone: true }).notNull().defaultNow(),

    // Derived by @spatz/rollout deriveResponsibility at every import (never edited by hand).
    derivedMunicipal: boolean("derived_municipal").notNull(),
    derivedKinds: text("derived_kinds").array().notNull(),
    derivedReason: text("derived_reason").notNull(),
    derivedRuleId: text("derived_rule_id").notNull(),

    // The state PMO's correction; null = follow the derivation. Kept across re-imports.
    overrideMunicipal: boolean("override_municipal"),
    overrideKinds: text("override_kinds").array(),
    overrideReason: text("override_reason"),
    overrideBy: text("override_by"),
    overrideAt: timestamp("override_at", { withTimezone: true }),

    /** Effective values = override ?? derived; maintained by the import and the correction (dashboards join on them). */
    municipalExecution: boolean("municipal_execution").notNull(),
    responsibleKinds: text("responsible_kinds").array().notNull(),

    // The state PMO's fields. A re-import never touches them.
    efaAvailable: boolean("efa_available").notNull().default(false),
    efaProvidingLand: text("efa_providing_land"),
    efaSince: date("efa_since", { mode: "string" }),
    priority: text("priority", { enum: servicePriorities }),
    maturityModel: text("maturity_model"),
    maturityLevel: integer("maturity_level"),
    notes: text("notes"),
    pmoUpdatedBy: text("pmo_updated_by"),
    pmoUpdatedAt: timestamp("pmo_updated_at", { withTimezone: true }),
  },
  (t) => [
    enumCheck("ozg_services_priority_check", t.priority, servicePriorities),
    index("ozg_services_themenfeld_idx").on(t.themenfeldId),
    index("ozg_services_lage_idx").on(t.lageId),
    check("ozg_services_maturity_level_range", sql`${t.maturityLevel} between 0 and 4`),
    ...stateWrites("ozg_services"),
  ],
).enableRLS();

/** LeiKa rows of the catalogue; replaced as a whole by each import (they carry no PMO fields). */
export const ozgLeika = pgTable(
  "ozg_leika",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    /** 14-digit LeiKa-Schlüssel; null for rows "nicht im LeiKa". */
    leikaKey: text("leika_key"),
    name: text("name").notNull(),
    type: text("type"),
    types: text("types").array().notNull(),
    serviceId: text("service_id").references(() => ozgServices.id),
  },
  (t) => [
    index("ozg_leika_service_idx").on(t.serviceId),
    ...stateWrites("ozg_leika"),
    stateDeletes("ozg_leika"),
  ],
).enableRLS();

/**
 * Land-wide aggregates for the Kommunen ("Landesdurchschnitt"): written by the state (the `rollout.landStats` job and
 * the demo seed), read by everyone. Holds counts only, never a Kommune's name or id.
 */
export const rolloutLandStats = pgTable(
  "rollout_land_stats",
  {
    id: text("id").primaryKey(),
    stats: jsonb("stats").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  () => [...stateWrites("rollout_land_stats")],
).enableRLS();

export const rolloutRecords = pgTable(
  "rollout_records",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    serviceId: text("service_id")
      .notNull()
      .references(() => ozgServices.id),
    status: text("status", { enum: rolloutStatuses }).notNull().default("not_started"),
    /** Why the last step went back (required for a step back). */
    statusReason: text("status_reason"),
    /** A date per step: when the record reached it. Steps after the current status are cleared. */
    planningSince: date("planning_since", { mode: "string" }),
    implementingSince: date("implementing_since", { mode: "string" }),
    /** Actual go-live. */
    onlineSince: date("online_since", { mode: "string" }),
    notResponsibleSince: date("not_responsible_since", { mode: "string" }),
    reuseRoute: text("reuse_route", { enum: reuseRoutes }),
    plannedOnline: date("planned_online", { mode: "string" }),
    fachverfahren: text("fachverfahren"),
    interfaceNeeded: boolean("interface_needed"),
    contact: text("contact"),
    note: text("note"),
    /** Optimistic locking: every update bumps it; a stale form gets CONFLICT. */
    version: integer("version").notNull().default(1),
    updatedBy: text("updated_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    enumCheck("rollout_records_status_check", t.status, rolloutStatuses),
    enumCheck("rollout_records_reuse_route_check", t.reuseRoute, reuseRoutes),
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("rollout_records_tenant_service_key").on(t.tenantId, t.serviceId),
    index("rollout_records_service_status_idx").on(t.serviceId, t.status),
    index("rollout_records_status_idx").on(t.status, t.implementingSince),
    // "Are the aggregates behind?": is there a record changed after the last aggregate job (an index probe, no scan).
    index("rollout_records_updated_idx").on(t.updatedAt),
    tenantPolicy("rollout_records"),
    // The state's programme: the state reads every Kommune's records by name, and only reads (no write policy).
    pgPolicy("rollout_records_visible_to_state", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: isState,
    }),
  ],
).enableRLS();

export const rolloutComments = pgTable(
  "rollout_comments",
  {
    /** The author's tenant: the state (PMO comment) or the Kommune itself (reply). */
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    /** The Kommune whose rollout record the comment is about. */
    kommuneTenantId: uuid("kommune_tenant_id")
      .notNull()
      .references(() => tenants.id),
    serviceId: text("service_id")
      .notNull()
      .references(() => ozgServices.id),
    body: text("body").notNull(),
    authorUserId: uuid("author_user_id"),
    authorName: text("author_name").notNull(),
    authorRole: text("author_role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index("rollout_comments_record_idx").on(t.kommuneTenantId, t.serviceId, t.createdAt),
    tenantPolicy("rollout_comments"),
    pgPolicy("rollout_comments_addressee_read", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`kommune_tenant_id = app_current_tenant()`,
    }),
    pgPolicy("rollout_comments_visible_to_state", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: isState,
    }),
    pgPolicy("rollout_comments_own_kommune_only", {
      as: "restrictive",
      for: "insert",
      to: appRole,
      withCheck: sql`kommune_tenant_id = tenant_id or ${isState}`,
    }),
  ],
).enableRLS();

/** The state PMO's named cost scenarios (parameters only; figures are recomputed from the current data). */
export const rolloutCostScenarios = pgTable(
  "rollout_cost_scenarios",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    description: text("description"),
    params: jsonb("params").notNull(),
    updatedBy: text("updated_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("rollout_cost_scenarios_tenant_name_key").on(t.tenantId, t.name),
    tenantPolicy("rollout_cost_scenarios"),
  ],
).enableRLS();

/** The state PMO's weighted criteria and scores for the operating models (one current assessment per tenant). */
export const rolloutOperatingModelScores = pgTable(
  "rollout_operating_model_scores",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    criteria: jsonb("criteria").notNull(),
    scores: jsonb("scores").notNull(),
    note: text("note"),
    updatedBy: text("updated_by"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    uniqueIndex("rollout_operating_model_scores_tenant_key").on(t.tenantId),
    tenantPolicy("rollout_operating_model_scores"),
  ],
).enableRLS();

export type OzgService = typeof ozgServices.$inferSelect;
export type RolloutRecordRow = typeof rolloutRecords.$inferSelect;
export type RolloutComment = typeof rolloutComments.$inferSelect;
export type RolloutCostScenario = typeof rolloutCostScenarios.$inferSelect;
