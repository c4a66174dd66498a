// The digital strategy of a Kommune (or of one org unit): vision, goals and Soll targets per dimension. Coordinators
// edit the working copy; leadership approves it, which appends an immutable version (the targets that count).
import { sql } from "drizzle-orm";
import {
  date,
  foreignKey,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";
import { maturityModels } from "./maturity-model.ts";
import { orgUnits } from "./org-units.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

export type StrategyTarget = { dimensionKey: string; level: number; dueOn: string };

export const strategies = pgTable(
  "strategies",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    id: uuid("id").notNull().defaultRandom(),
    /** null = the whole administration. */
    orgUnitId: uuid("org_unit_id"),
    title: text("title").notNull(),
    vision: text("vision").notNull().default(""),
    goals: jsonb("goals").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    targets: jsonb("targets").$type<StrategyTarget[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    // One strategy per scope: one for the whole administration, one per org unit.
    uniqueIndex("strategies_tenant_whole_key").on(t.tenantId).where(sql`org_unit_id is null`),
    uniqueIndex("strategies_tenant_org_unit_key")
      .on(t.tenantId, t.orgUnitId)
      .where(sql`org_unit_id is not null`),
    tenantPolicy("strategies"),
  ],
).enableRLS();

/** Approved target sets: append-only (the runtime role may insert and read, never change). */
export const strategyVersions = pgTable(
  "strategy_versions",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    strategyId: uuid("strategy_id").notNull(),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    vision: text("vision").notNull(),
    goals: jsonb("goals").$type<string[]>().notNull(),
    targets: jsonb("targets").$type<StrategyTarget[]>().notNull(),
    /** The model version the targets' dimensions belong to. */
    modelId: uuid("model_id")
      .notNull()
      .references(() => maturityModels.id),
    approvedOn: date("approved_on", { mode: "string" }).notNull(),
    approvedByUserId: uuid("approved_by_user_id"),
    approvedByName: text("approved_by_name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.strategyId],
      foreignColumns: [strategies.tenantId, strategies.id],
    }),
    uniqueIndex("strategy_versions_tenant_strategy_version_key").on(t.tenantId, t.strategyId, t.version),
    tenantPolicy("strategy_versions"),
  ],
).enableRLS();

export type Strategy = typeof strategies.$inferSelect;
export type StrategyVersion = typeof strategyVersions.$inferSelect;
