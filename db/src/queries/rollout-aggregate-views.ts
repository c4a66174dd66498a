// What the state's rollout pages read from the job-maintained aggregates besides the coverage tables
// (rollout-dashboards.ts): as of when the figures are and whether changes are still being taken in, the paged and
// server-sorted Kommune list, and the go-lives per month that the forecasts extrapolate.
import type { MonthCount } from "@spatz/domain";
import type { KommuneKind, KommunenPageInput } from "@spatz/rollout";
import { type SQL, sql } from "drizzle-orm";
import type { TenantTx } from "../tenant-tx.ts";

export type RolloutStand = {
  /** The last time a job took changes in (null: never computed). */
  asOf: Date | null;
  /** The last full recompute (nightly or after a catalogue change). */
  fullAt: Date | null;
  /** Rows the last nightly check found different from the incremental aggregates (repaired by it). */
  driftRows: number;
  /** The oldest change to a record that its Kreis's aggregates do not contain yet (null: all taken in). */
  pendingSince: Date | null;
};

export async function rolloutStand(tx: TenantTx): Promise<RolloutStand> {
  const [state] = await tx.execute<{
    asOf: string | null;
    fullAt: string | null;
    driftRows: number;
    oldestKreis: string | null;
  }>(sql`
    select incremental_at as "asOf", full_at as "fullAt", drift_rows as "driftRows",
           (select min(computed_at) from rollout_agg_kreise where tenant_id = (select app_current_tenant()))::text
             as "oldestKreis"
    from rollout_agg_state where tenant_id = (select app_current_tenant())`);
  const date = (v: string | null | undefined) => (v ? new Date(v) : null);
  if (!state) return { asOf: null, fullAt: null, driftRows: 0, pendingSince: null };
  // Only records changed after the oldest Kreis computation can be pending. The bound is a value, not a sub-select,
  // and the walk is in index order with LIMIT 1, so the planner reads the newest changes by index, never the table.
  const [pending] = await tx.execute<{ at: string }>(sql`
    select r.updated_at as at from rollout_records r
    join tenants t on t.id = r.tenant_id
    left join rollout_agg_kreise k on k.tenant_id = (select app_current_tenant()) and k.kreis_ags = coalesce(t.kreis_ags, '')
    where r.updated_at > ${state.oldestKreis ?? "-infinity"}::timestamptz
      and (k.computed_at is null or r.updated_at > k.computed_at)
    order by r.updated_at limit 1`);
  return {
    asOf: date(state.asOf),
    fullAt: date(state.fullAt),
    driftRows: state.driftRows,
    pendingSince: date(pending?.at),
  };
}

export type KommuneAggregateRow = {
  kommuneId: string;
  name: string;
  kind: KommuneKind;
  kreisAgs: string;
  kreisName: string;
  population: number;
  relevant: number;
  online: number;
  implementing: number;
  planning: number;
  overdue: number;
  share: number | null;
};

const KOMMUNE_ORDER: Record<KommunenPageInput["sort"], SQL> = {
  name: sql`t.name`,
  kreis: sql`coalesce(t.kreis_name, '')`,
  population: sql`t.population`,
  share: sql`a.share`,
  online: sql`a.online`,
  implementing: sql`a.implementing`,
  overdue: sql`a.overdue`,
};

/** One page of the Kommunen with their coverage, filtered and sorted in the database. */
export async function rolloutKommunenPage(tx: TenantTx, input: KommunenPageInput) {
  const where: SQL[] = [sql`t.kind <> 'state'`];
  if (input.kreisAgs !== undefined) where.push(sql`coalesce(t.kreis_ags, '') = ${input.kreisAgs}`);
  if (input.kind) where.push(sql`t.kind = ${input.kind}`);
  if (input.search) where.push(sql`t.name ilike ${`%${input.search.replace(/[\\%_]/g, "\\$&")}%`}`);
  const filter = sql.join(where, sql` and `);
  const dir = input.dir === "desc" ? sql`desc nulls last` : sql`asc nulls first`;
  const from = sql`
    from tenants t
    left join rollout_agg_kommunen a on a.kommune_id = t.id and a.tenant_id = (select app_current_tenant())
    where ${filter}`;
  const [{ total } = { total: 0 }] = await tx.execute<{ total: number }>(
    sql`select count(*)::int as total ${from}`,
  );
  const items = await tx.execute<KommuneAggregateRow>(sql`
    select t.id as "kommuneId", t.name, t.kind, coalesce(t.kreis_ags, '') as "kreisAgs",
           coalesce(t.kreis_name, '') as "kreisName", coalesce(t.population, 0)::int as population,
           coalesce(a.pairs - a.not_responsible, 0) as relevant, coalesce(a.online, 0) as online,
           coalesce(a.implementing, 0) as implementing, coalesce(a.planning, 0) as planning,
           coalesce(a.overdue, 0) as overdue, a.share
    ${from}
    order by ${KOMMUNE_ORDER[input.sort]} ${dir}, t.name, t.id
    limit ${input.pageSize} offset ${(input.page - 1) * input.pageSize}`);
  return { items: [...items], total, page: input.page, pageSize: input.pageSize };
}

/**
 * Go-lives per month (actual) and the current online/relevant pairs: the Land (per-month sums, per-service totals),
 * one service (its rows lead the primary key) or one Kreis (indexed) – never a scan of every service × Kreis × month.
 */
export async function rolloutGoLives(
  tx: TenantTx,
  scope: { serviceId?: string | undefined; kreisAgs?: string | undefined },
): Promise<{ goLives: MonthCount[]; online: number; relevant: number }> {
  const state = sql`(select app_current_tenant())`;
  const [goLives, totals] = scope.serviceId
    ? [
        sql`select month, sum(actual) as count from rollout_agg_golives
            where tenant_id = ${state} and service_id = ${scope.serviceId} group by month`,
        sql`select online, pairs - not_responsible as relevant from rollout_agg_services
            where tenant_id = ${state} and service_id = ${scope.serviceId}`,
      ]
    : scope.kreisAgs !== undefined
      ? [
          sql`select month, sum(actual) as count from rollout_agg_golives
              where tenant_id = ${state} and kreis_ags = ${scope.kreisAgs} group by month`,
          sql`select online, pairs - not_responsible as relevant from rollout_agg_kreise
              where tenant_id = ${state} and kreis_ags = ${scope.kreisAgs}`,
        ]
      : [
          sql`select month, actual as count from rollout_agg_months where tenant_id = ${state}`,
          sql`select sum(online) as online, sum(pairs - not_responsible) as relevant from rollout_agg_services
              where tenant_id = ${state}`,
        ];
  const months = await tx.execute<MonthCount>(sql`
    select to_char(month, 'YYYY-MM') as month, count::int as count from (${goLives}) g
    where count > 0 order by month`);
  const [total] = await tx.execute<{ online: number | null; relevant: number | null }>(sql`
    select online::int as online, relevant::int as relevant from (${totals}) t`);
  return { goLives: [...months], online: total?.online ?? 0, relevant: total?.relevant ?? 0 };
}
