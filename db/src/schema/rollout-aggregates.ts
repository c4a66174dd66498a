// Rollout coverage aggregates for the state PMO's dashboards (issue 13): maintained by jobs, read by the dashboards
// instead of scanning every record. They are the state tenant's own data (tenant_id = the state; tenant policy, RLS
// forced): they hold per-Kommune counts, which only the state may read — a Kommune sees the Land only through the
// anonymous `rollout_land_stats`.
//
// Grain: the base tables are recomputed from the records per Kreis (one debounced job per changed Kreis) and in full
// every night; the derived tables are sums over them. "nicht begonnen" is not stored: it is pairs − the other statuses
// (a missing record counts as "nicht begonnen"), exactly as in the dashboards' SQL (queries/rollout-dashboards.ts).
import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, tenantIdColumn, tenantPolicy } from "./rls.ts";
import { tenants } from "./tenants.ts";

/** Only the state's transaction reads or writes them: a Kommune cannot even put rows into its own tenant here. */
const stateOnly = (table: string) => [
  tenantPolicy(table),
  pgPolicy(`${table}_state_only`, {
    as: "restrictive",
    for: "all",
    to: appRole,
    using: sql`(select app_current_tenant_is_state())`,
    withCheck: sql`(select app_current_tenant_is_state())`,
  }),
];

/** The status counts every aggregate row carries. */
const counts = () => ({
  /** Kommune × service pairs: the Kommune's kind is among the service's responsible kinds. */
  pairs: integer("pairs").notNull(),
  planning: integer("planning").notNull(),
  implementing: integer("implementing").notNull(),
  online: integer("online").notNull(),
  notResponsible: integer("not_responsible").notNull(),
  /** "in Umsetzung" with the planned go-live in the past (as of the job's day in Berlin). */
  overdue: integer("overdue").notNull(),
  computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
});

const countChecks = (table: string) =>
  check(
    `${table}_counts_fit`,
    sql`planning >= 0 and implementing >= 0 and online >= 0 and not_responsible >= 0 and overdue >= 0
        and planning + implementing + online + not_responsible <= pairs`,
  );

/** One service in one Kreis. */
export const rolloutAggCells = pgTable(
  "rollout_agg_cells",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    serviceId: text("service_id").notNull(),
    kreisAgs: text("kreis_ags").notNull(),
    ...counts(),
    populationPairs: bigint("population_pairs", { mode: "number" }).notNull(),
    populationOnline: bigint("population_online", { mode: "number" }).notNull(),
    populationNotResponsible: bigint("population_not_responsible", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceId, t.kreisAgs] }),
    index("rollout_agg_cells_kreis_idx").on(t.tenantId, t.kreisAgs),
    countChecks("rollout_agg_cells"),
    ...stateOnly("rollout_agg_cells"),
  ],
).enableRLS();

/** One Kommune over all its services. `share` (online / relevant) is stored for server-side sorting. */
export const rolloutAggKommunen = pgTable(
  "rollout_agg_kommunen",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    kommuneId: uuid("kommune_id").notNull(),
    kreisAgs: text("kreis_ags").notNull(),
    ...counts(),
    share: real("share"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kommuneId] }),
    index("rollout_agg_kommunen_kreis_idx").on(t.tenantId, t.kreisAgs),
    index("rollout_agg_kommunen_share_idx").on(t.tenantId, t.share),
    countChecks("rollout_agg_kommunen"),
    ...stateOnly("rollout_agg_kommunen"),
  ],
).enableRLS();

/** Go-lives per month of one service in one Kreis: actual (online since) and planned (planned go-live, not yet online). */
export const rolloutAggGolives = pgTable(
  "rollout_agg_golives",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    serviceId: text("service_id").notNull(),
    kreisAgs: text("kreis_ags").notNull(),
    /** First day of the month. */
    month: date("month", { mode: "string" }).notNull(),
    actual: integer("actual").notNull(),
    planned: integer("planned").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceId, t.kreisAgs, t.month] }),
    index("rollout_agg_golives_month_idx").on(t.tenantId, t.month),
    // A Kreis's go-lives for its forecast (the primary key starts with the service).
    index("rollout_agg_golives_kreis_idx").on(t.tenantId, t.kreisAgs),
    check("rollout_agg_golives_month_start", sql`extract(day from ${t.month}) = 1`),
    check("rollout_agg_golives_counts", sql`${t.actual} >= 0 and ${t.planned} >= 0`),
    ...stateOnly("rollout_agg_golives"),
  ],
).enableRLS();

/**
 * Derived: go-lives per month over the whole Land (the Land's progress and forecast read a few dozen rows instead of
 * every service × Kreis × month). A Kreis job moves its own contribution (subtract the old, add the new); the full
 * recompute rebuilds it and the drift check compares it too.
 */
export const rolloutAggMonths = pgTable(
  "rollout_agg_months",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    month: date("month", { mode: "string" }).notNull(),
    actual: integer("actual").notNull(),
    planned: integer("planned").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.month] }),
    check("rollout_agg_months_month_start", sql`extract(day from ${t.month}) = 1`),
    check("rollout_agg_months_counts", sql`${t.actual} >= 0 and ${t.planned} >= 0`),
    ...stateOnly("rollout_agg_months"),
  ],
).enableRLS();

/** Derived: one service over all Kreise, with the medians only a full pass can compute. */
export const rolloutAggServices = pgTable(
  "rollout_agg_services",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    serviceId: text("service_id").notNull(),
    ...counts(),
    populationPairs: bigint("population_pairs", { mode: "number" }).notNull(),
    populationOnline: bigint("population_online", { mode: "number" }).notNull(),
    populationNotResponsible: bigint("population_not_responsible", { mode: "number" }).notNull(),
    /** Median days from the first step ("in Planung" or "in Umsetzung") to "online verfügbar", over online records. */
    medianDaysToOnline: integer("median_days_to_online"),
    /** Median days the records now "in Umsetzung" have been in it. */
    medianDaysImplementing: integer("median_days_implementing"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.serviceId] }),
    countChecks("rollout_agg_services"),
    ...stateOnly("rollout_agg_services"),
  ],
).enableRLS();

/** Derived: one Kreis over its Kommunen. */
export const rolloutAggKreise = pgTable(
  "rollout_agg_kreise",
  {
    tenantId: tenantIdColumn().references(() => tenants.id),
    kreisAgs: text("kreis_ags").notNull(),
    kommunen: integer("kommunen").notNull(),
    ...counts(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.kreisAgs] }),
    countChecks("rollout_agg_kreise"),
    ...stateOnly("rollout_agg_kreise"),
  ],
).enableRLS();

/** As of when the aggregates are, and what the last full recompute found against the incremental ones. */
export const rolloutAggState = pgTable(
  "rollout_agg_state",
  {
    tenantId: tenantIdColumn()
      .primaryKey()
      .references(() => tenants.id),
    /** The last change a job took in (incremental or full). */
    incrementalAt: timestamp("incremental_at", { withTimezone: true }),
    fullAt: timestamp("full_at", { withTimezone: true }),
    /** Rows the last full recompute found different from the incremental ones, and a sample of them. */
    driftRows: integer("drift_rows").notNull().default(0),
    drift: jsonb("drift").$type<{ table: string; key: string }[]>().notNull().default(sql`'[]'::jsonb`),
  },
  () => stateOnly("rollout_agg_state"),
).enableRLS();
