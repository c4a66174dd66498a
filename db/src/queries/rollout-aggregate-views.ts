// What the state's rollout pages read from the job-maintained aggregates besides the coverage tables
// (rollout-dashboards.ts): as of when the figures are and whether changes are still being taken in, the paged and
// server-sorted Kommune list, and the go-lives per month that the forecasts extrapolate.
import type { KommuneKind, KommunenPageInput, MonthCount } from "@spatz/rollout";
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
  const [row] = await tx.execute<{
    asOf: string | null;
    fullAt: string | null;
    driftRows: number | null;
    pendingSince: string | null;
  }>(sql`
    with st as (select incremental_at, full_at, drift_rows from rollout_agg_state
                where tenant_id = (select app_current_tenant())),
    kr as (select kreis_ags, computed_at from rollout_agg_kreise where tenant_id = (select app_current_tenant())),
    -- Only records changed after the oldest Kreis computation can be pending: an index range on updated_at.
    recent as (
      select r.updated_at, coalesce(t.kreis_ags, '') as kreis_ags from rollout_records r
      join tenants t on t.id = r.tenant_id
      where r.updated_at > coalesce((select min(computed_at) from kr), '-infinity'::timestamptz)
    )
    select (select incremental_at from st) as "asOf", (select full_at from st) as "fullAt",
           (select drift_rows from st) as "driftRows",
           (select min(recent.updated_at) from recent left join kr on kr.kreis_ags = recent.kreis_ags
            where kr.computed_at is null or recent.updated_at > kr.computed_at) as "pendingSince"`);
  const date = (v: string | null) => (v === null ? null : new Date(v));
  return {
    asOf: date(row?.asOf ?? null),
    fullAt: date(row?.fullAt ?? null),
    driftRows: row?.driftRows ?? 0,
    // Without any aggregate yet, everything is pending only if there are records at all.
    pendingSince: date(row?.pendingSince ?? null),
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

/** Go-lives per month (actual) and the current online/relevant pairs: the Land, one service or one Kreis. */
export async function rolloutGoLives(
  tx: TenantTx,
  scope: { serviceId?: string | undefined; kreisAgs?: string | undefined },
): Promise<{ goLives: MonthCount[]; online: number; relevant: number }> {
  const only = scope.serviceId
    ? sql`and service_id = ${scope.serviceId}`
    : scope.kreisAgs !== undefined
      ? sql`and kreis_ags = ${scope.kreisAgs}`
      : sql``;
  const goLives = await tx.execute<MonthCount>(sql`
    select to_char(month, 'YYYY-MM') as month, sum(actual)::int as count
    from rollout_agg_golives where tenant_id = (select app_current_tenant()) ${only} and actual > 0
    group by month order by month`);
  const [totals] = await tx.execute<{ online: number; relevant: number }>(sql`
    select coalesce(sum(online), 0)::int as online, coalesce(sum(pairs - not_responsible), 0)::int as relevant
    from rollout_agg_cells where tenant_id = (select app_current_tenant()) ${only}`);
  return { goLives: [...goLives], online: totals?.online ?? 0, relevant: totals?.relevant ?? 0 };
}
