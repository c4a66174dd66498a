// The state's maturity models (Reifegradmodelle): global tables that every Kommune reads and only the state writes.
// A version is a draft until it is published; published versions are immutable and are superseded by the next one.
// Immutability is also enforced by triggers (migration maturity_security), not only by the procedures.
import { MODEL_STATUSES } from "@spatz/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  doublePrecision,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, enumCheck, updatedAt } from "./columns.ts";
import { stateOwned } from "./tenants.ts";

export const maturityModels = pgTable(
  "maturity_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    status: text("status", { enum: MODEL_STATUSES }).notNull().default("draft"),
    /** The version a draft was copied from; its criterion mapping leads from there to here. */
    basedOnId: uuid("based_on_id").references((): AnyPgColumn => maturityModels.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    enumCheck("maturity_models_status_check", t.status, MODEL_STATUSES),
    uniqueIndex("maturity_models_version_key").on(t.version),
    // At most one published version (the current one) and one draft (the next one) at a time.
    uniqueIndex("maturity_models_single_published_key").on(t.status).where(sql`status = 'published'`),
    uniqueIndex("maturity_models_single_draft_key").on(t.status).where(sql`status = 'draft'`),
    check("maturity_models_version_positive", sql`${t.version} > 0`),
    ...stateOwned("maturity_models"),
  ],
).enableRLS();

export const maturityDimensions = pgTable(
  "maturity_dimensions",
  {
    modelId: uuid("model_id")
      .notNull()
      .references(() => maturityModels.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    weight: doublePrecision("weight").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.modelId, t.key] }),
    check("maturity_dimensions_weight_positive", sql`${t.weight} > 0`),
    ...stateOwned("maturity_dimensions"),
  ],
).enableRLS();

export const maturityLevels = pgTable(
  "maturity_levels",
  {
    modelId: uuid("model_id").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    level: integer("level").notNull(),
    name: text("name").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.modelId, t.dimensionKey, t.level] }),
    foreignKey({
      columns: [t.modelId, t.dimensionKey],
      foreignColumns: [maturityDimensions.modelId, maturityDimensions.key],
    }).onDelete("cascade"),
    check("maturity_levels_level_range", sql`${t.level} between 1 and 4`),
    ...stateOwned("maturity_levels"),
  ],
).enableRLS();

export const maturityCriteria = pgTable(
  "maturity_criteria",
  {
    modelId: uuid("model_id").notNull(),
    /** Stable across versions: measures link to it. */
    key: text("key").notNull(),
    dimensionKey: text("dimension_key").notNull(),
    level: integer("level").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    explanation: text("explanation").notNull().default(""),
    /** Months a completion stays valid; null = indefinitely. */
    validityMonths: integer("validity_months"),
  },
  (t) => [
    primaryKey({ columns: [t.modelId, t.key] }),
    foreignKey({
      columns: [t.modelId, t.dimensionKey, t.level],
      foreignColumns: [maturityLevels.modelId, maturityLevels.dimensionKey, maturityLevels.level],
    }).onDelete("cascade"),
    check("maturity_criteria_validity_positive", sql`${t.validityMonths} is null or ${t.validityMonths} > 0`),
    ...stateOwned("maturity_criteria"),
  ],
).enableRLS();

/** How the criteria of the previous version map onto this version (old key → new keys; empty = retired). */
export const maturityCriterionMappings = pgTable(
  "maturity_criterion_mappings",
  {
    modelId: uuid("model_id")
      .notNull()
      .references(() => maturityModels.id, { onDelete: "cascade" }),
    oldKey: text("old_key").notNull(),
    newKeys: text("new_keys").array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.oldKey] }), ...stateOwned("maturity_criterion_mappings")],
).enableRLS();

export type MaturityModelRow = typeof maturityModels.$inferSelect;
export type ModelStatus = MaturityModelRow["status"];
