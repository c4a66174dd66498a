// Cross-Kommune maturity benchmarks (DESIGN.md §2 "Benchmarks and reports", docs/adr/0009-benchmark-privacy.md).
//
// - maturity_snapshots: tenant data. Each Kommune's own assessment (index and per dimension level, score, completed and
//   open measures) as a current snapshot and one per month end, written by the `benchmark.snapshot` job in the
//   Kommune's own transaction. Besides the tenant policy, one reviewed SELECT policy lets another tenant read a
//   Kommune's rows only where that Kommune shares them (benchmark_shares): the state where it shares with the Land,
//   another Kommune where it shares with Kommunen. The check is a SECURITY DEFINER function
//   (benchmark_shared_tenants()), so the policy does not depend on the caller seeing the shares table.
// - benchmark_shares: tenant data. What a Kommune shares by name; set by its leadership or admin, audited.
// - maturity_benchmarks: global, readable by everyone: k-anonymous figures per group, Stichtag and metric. Only the
//   NOLOGIN role spatz_benchmark writes it, through SECURITY DEFINER functions (migration benchmark_security); the
//   runtime role has no write grant. A CHECK and a trigger make a published row with n < k impossible and a
//   suppressed row carry no figures.
// - benchmark_settings: global, one row: k (at least 3), changed by the state.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { enumCheck } from "./columns.ts";
import { maturityModels } from "./maturity-model.ts";
import { appRole, benchmarkRole, tenantIdColumn, tenantPolicy } from "./rls.ts";
import { stateWrites, tenants } from "./tenants.ts";

export const SNAPSHOT_PERIODS = ["current", "month_end"] as const;
export const SUPPRESSION_REASONS = ["below_k", "differencing"] as const;

/** The definer role reads every row: it aggregates, and writes only maturity_benchmarks. */
const benchmarkReads = (table: string) =>
  pgPolicy(`${table}_benchmark_read`, {
    as: "permissive",
    for: "select",
    to: benchmarkRole,
    using: sql`true`,
  });

export const maturitySnapshots = pgTable(
  "maturity_snapshots",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    period: text("period", { enum: SNAPSHOT_PERIODS }).notNull(),
    /** The month end, or for the current snapshot the day it was computed (Europe/Berlin). */
    stichtag: date("stichtag", { mode: "string" }).notNull(),
    /** "index" or a dimension key of the model version. */
    metric: text("metric").notNull(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => maturityModels.id),
    modelVersion: integer("model_version").notNull(),
    /** The dimension's level 0–4; null for the index. */
    level: smallint("level"),
    /** The dimension's score (level + share of the next level) or the index, 0–4. */
    score: doublePrecision("score").notNull(),
    completedMeasures: integer("completed_measures").notNull(),
    openMeasures: integer("open_measures").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.period, t.stichtag, t.metric] }),
    // One current snapshot per Kommune: it is upserted, month ends are written once.
    uniqueIndex("maturity_snapshots_current_key").on(t.tenantId, t.metric).where(sql`period = 'current'`),
    // The aggregation reads one period and Stichtag across every Kommune.
    index("maturity_snapshots_slot_idx").on(t.period, t.stichtag, t.metric),
    enumCheck("maturity_snapshots_period_check", t.period, SNAPSHOT_PERIODS),
    check("maturity_snapshots_level_range", sql`${t.level} between 0 and 4`),
    check("maturity_snapshots_score_range", sql`${t.score} between 0 and 4`),
    check(
      "maturity_snapshots_level_only_for_dimensions",
      sql`(${t.metric} = 'index') = (${t.level} is null)`,
    ),
    check("maturity_snapshots_counts", sql`${t.completedMeasures} >= 0 and ${t.openMeasures} >= 0`),
    tenantPolicy("maturity_snapshots"),
    // Named sharing: another tenant reads a Kommune's snapshots only where that Kommune shares them with it.
    pgPolicy("maturity_snapshots_shared_read", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`tenant_id = any ((select benchmark_shared_tenants())::uuid[])`,
    }),
    benchmarkReads("maturity_snapshots"),
  ],
).enableRLS();

export const benchmarkShares = pgTable(
  "benchmark_shares",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    /** The Land sees this Kommune's figures by name. */
    withLand: boolean("with_land").notNull().default(false),
    /** Other Kommunen see this Kommune's figures by name. */
    withKommunen: boolean("with_kommunen").notNull().default(false),
    changedByUserId: uuid("changed_by_user_id"),
    changedBy: text("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId] }),
    tenantPolicy("benchmark_shares"),
    benchmarkReads("benchmark_shares"),
  ],
).enableRLS();

export const maturityBenchmarks = pgTable(
  "maturity_benchmarks",
  {
    /** "all", "kind:…", "size:…" or "kreis:<Kreis-AGS>" (@spatz/benchmark groups.ts). */
    groupId: text("group_id").notNull(),
    period: text("period", { enum: SNAPSHOT_PERIODS }).notNull(),
    /** The month end, or for the current figures the day of the aggregation. */
    stichtag: date("stichtag", { mode: "string" }).notNull(),
    metric: text("metric").notNull(),
    suppressed: boolean("suppressed").notNull(),
    /** Why a row is suppressed: the group is below k, or publishing it would reveal fewer than k by subtraction. */
    suppressionReason: text("suppression_reason", { enum: SUPPRESSION_REASONS }),
    n: integer("n"),
    min: doublePrecision("min"),
    p25: doublePrecision("p25"),
    median: doublePrecision("median"),
    p75: doublePrecision("p75"),
    max: doublePrecision("max"),
    mean: doublePrecision("mean"),
    /** Kommunen at level 0..4 (dimensions only). */
    levelCounts: integer("level_counts").array(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.period, t.stichtag, t.metric] }),
    // The Land's views read one Stichtag and metric across groups (Kreis map, level counts).
    index("maturity_benchmarks_slot_idx").on(t.period, t.stichtag, t.metric),
    enumCheck("maturity_benchmarks_period_check", t.period, SNAPSHOT_PERIODS),
    enumCheck("maturity_benchmarks_suppression_reason_check", t.suppressionReason, SUPPRESSION_REASONS),
    check("maturity_benchmarks_group_id", sql`${t.groupId} ~ '^(all|(kind|size|kreis):[a-z0-9_]+)$'`),
    // A suppressed row says only that it is suppressed; a published one carries every figure.
    check(
      "maturity_benchmarks_suppressed_has_no_figures",
      sql`(${t.suppressed} and ${t.n} is null and ${t.min} is null and ${t.p25} is null and ${t.median} is null
        and ${t.p75} is null and ${t.max} is null and ${t.mean} is null and ${t.levelCounts} is null)
       or (not ${t.suppressed} and ${t.n} is not null and ${t.min} is not null and ${t.p25} is not null
        and ${t.median} is not null and ${t.p75} is not null and ${t.max} is not null and ${t.mean} is not null)`,
    ),
    check(
      "maturity_benchmarks_suppression_reason",
      sql`(${t.suppressed} = (${t.suppressionReason} is not null))
       and (${t.suppressionReason} is null or ${t.suppressionReason} in ('below_k', 'differencing'))`,
    ),
    // Never below the smallest k the settings allow; the trigger benchmark_rows_respect_k checks the current k.
    check("maturity_benchmarks_n_at_least_3", sql`${t.n} >= 3`),
    check(
      "maturity_benchmarks_level_counts",
      sql`${t.levelCounts} is null or (cardinality(${t.levelCounts}) = 5 and ${t.metric} <> 'index')`,
    ),
    pgPolicy("maturity_benchmarks_read_all", {
      as: "permissive",
      for: "select",
      to: appRole,
      using: sql`true`,
    }),
    pgPolicy("maturity_benchmarks_benchmark_write", {
      as: "permissive",
      for: "all",
      to: benchmarkRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();

export const benchmarkSettings = pgTable(
  "benchmark_settings",
  {
    /** Always true: the table holds exactly one row. */
    id: boolean("id").primaryKey().default(true),
    k: integer("k").notNull().default(5),
    changedBy: text("changed_by"),
    changedAt: timestamp("changed_at", { withTimezone: true }),
  },
  (t) => [
    check("benchmark_settings_single_row", sql`${t.id}`),
    check("benchmark_settings_k_range", sql`${t.k} between 3 and 50`),
    ...stateWrites("benchmark_settings"),
    benchmarkReads("benchmark_settings"),
  ],
).enableRLS();

export type MaturitySnapshot = typeof maturitySnapshots.$inferSelect;
export type MaturityBenchmark = typeof maturityBenchmarks.$inferSelect;
