// Measurable goals (issue 17, docs/adr/0018-strategy-kpis.md): key figures of a strategy's goals with baseline and
// target, and the values measured over time (one per day; a correction replaces the day's value, audited).
import { sql } from "drizzle-orm";
import {
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";
import { tenantIdColumn, tenantPolicy } from "./rls.ts";
import { strategies } from "./strategies.ts";

export const strategyKpis = pgTable(
  "strategy_kpis",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    strategyId: uuid("strategy_id").notNull(),
    /** The goal's text as it stood when the figure was made (goals are texts of the strategy). */
    goal: text("goal").notNull(),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    baseline: doublePrecision("baseline").notNull(),
    baselineOn: date("baseline_on", { mode: "string" }).notNull(),
    target: doublePrecision("target").notNull(),
    targetOn: date("target_on", { mode: "string" }).notNull(),
    source: text("source").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.strategyId],
      foreignColumns: [strategies.tenantId, strategies.id],
    }).onDelete("cascade"),
    check("strategy_kpis_dates_ordered", sql`${t.baselineOn} < ${t.targetOn}`),
    check("strategy_kpis_target_differs", sql`${t.target} <> ${t.baseline}`),
    index("strategy_kpis_strategy_idx").on(t.tenantId, t.strategyId),
    tenantPolicy("strategy_kpis"),
  ],
).enableRLS();

export const strategyKpiValues = pgTable(
  "strategy_kpi_values",
  {
    tenantId: tenantIdColumn(),
    id: uuid("id").notNull().defaultRandom(),
    kpiId: uuid("kpi_id").notNull(),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    value: doublePrecision("value").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: text("recorded_by").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.kpiId],
      foreignColumns: [strategyKpis.tenantId, strategyKpis.id],
    }).onDelete("cascade"),
    uniqueIndex("strategy_kpi_values_day_key").on(t.tenantId, t.kpiId, t.measuredOn),
    tenantPolicy("strategy_kpi_values"),
  ],
).enableRLS();
