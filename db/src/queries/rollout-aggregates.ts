// Maintaining the rollout aggregates (schema/rollout-aggregates.ts) from the records, in the state's transaction (the
// one that reads every Kommune's records): per Kreis after a change there (incremental, debounced job), and in full
// every night, which also reports any drift between what the incremental jobs left and a fresh computation.
// The definitions are those of the dashboards' record scan (rollout-dashboards.ts): pairs are the Kommunen whose kind
// is responsible for a catalogue service, a missing record is "nicht begonnen", "nicht zuständig" leaves the pair out
// of the relevant ones.
import { type SQL, sql } from "drizzle-orm";
import {
  rolloutAggCells,
  rolloutAggGolives,
  rolloutAggKommunen,
  rolloutAggKreise,
  rolloutAggServices,
  rolloutAggState,
} from "../schema/rollout-aggregates.ts";
import type { TenantTx } from "../tenant-tx.ts";

/** Pairs of one Kreis (or all), joined to their record if any: the one input of every base aggregate. */
function pairs(kreisAgs: string | null): SQL {
  const inKreis = kreisAgs === null ? sql`true` : sql`coalesce(kreis_ags, '') = ${kreisAgs}`;
  return sql`
    s as (select id, responsible_kinds from ozg_services where in_catalogue and municipal_execution),
    k as (
      select id, kind, coalesce(kreis_ags, '') as kreis_ags, coalesce(population, 0)::bigint as population
      from tenants where kind <> 'state' and ${inKreis}
    ),
    p as (
      select s.id as service_id, k.id as kommune_id, k.kreis_ags, k.population,
             coalesce(r.status, 'not_started') as status, r.planned_online, r.online_since,
             r.planning_since, r.implementing_since
      from s join k on k.kind = any(s.responsible_kinds)
      left join rollout_records r on r.tenant_id = k.id and r.service_id = s.id
    )`;
}

const COUNTS = (today: string) => sql`
  count(*)::int as pairs,
  count(*) filter (where status = 'planning')::int as planning,
  count(*) filter (where status = 'implementing')::int as implementing,
  count(*) filter (where status = 'online')::int as online,
  count(*) filter (where status = 'not_responsible')::int as not_responsible,
  count(*) filter (where status = 'implementing' and planned_online < ${today}::date)::int as overdue`;

function cellsSelect(kreisAgs: string | null, stateId: string, today: string): SQL {
  return sql`
    with ${pairs(kreisAgs)}
    select ${stateId}::uuid as tenant_id, service_id, kreis_ags, ${COUNTS(today)},
           coalesce(sum(population), 0)::bigint as population_pairs,
           coalesce(sum(population) filter (where status = 'online'), 0)::bigint as population_online,
           coalesce(sum(population) filter (where status = 'not_responsible'), 0)::bigint as population_not_responsible
    from p group by service_id, kreis_ags`;
}

/** Every Kommune of the Kreis, also one without any responsible service (all zero). */
function kommunenSelect(kreisAgs: string | null, stateId: string, today: string): SQL {
  return sql`
    with ${pairs(kreisAgs)},
    c as (select kommune_id, ${COUNTS(today)} from p group by kommune_id)
    select ${stateId}::uuid as tenant_id, k.id as kommune_id, k.kreis_ags,
           coalesce(c.pairs, 0) as pairs, coalesce(c.planning, 0) as planning,
           coalesce(c.implementing, 0) as implementing, coalesce(c.online, 0) as online,
           coalesce(c.not_responsible, 0) as not_responsible, coalesce(c.overdue, 0) as overdue,
           (c.online::real / nullif(c.pairs - c.not_responsible, 0)) as share
    from k left join c on c.kommune_id = k.id`;
}

/** Go-lives per month: actual from "online verfügbar" records, planned from any relevant record with a planned date. */
function golivesSelect(kreisAgs: string | null, stateId: string): SQL {
  return sql`
    with ${pairs(kreisAgs)},
    m as (
      select service_id, kreis_ags, date_trunc('month', online_since)::date as month, 1 as actual, 0 as planned
      from p where status = 'online' and online_since is not null
      union all
      select service_id, kreis_ags, date_trunc('month', planned_online)::date, 0, 1
      from p where status <> 'not_responsible' and planned_online is not null
    )
    select ${stateId}::uuid as tenant_id, service_id, kreis_ags, month,
           sum(actual)::int as actual, sum(planned)::int as planned
    from m group by service_id, kreis_ags, month`;
}

const CELL_COLUMNS = sql.raw(
  "tenant_id, service_id, kreis_ags, pairs, planning, implementing, online, not_responsible, overdue, population_pairs, population_online, population_not_responsible",
);
const KOMMUNE_COLUMNS = sql.raw(
  "tenant_id, kommune_id, kreis_ags, pairs, planning, implementing, online, not_responsible, overdue, share",
);
const GOLIVE_COLUMNS = sql.raw("tenant_id, service_id, kreis_ags, month, actual, planned");

/** The derived per-service rows, summed from the cells; the medians of the last full pass are kept. */
async function deriveServices(tx: TenantTx, stateId: string) {
  await tx.execute(sql`
    insert into ${rolloutAggServices} (tenant_id, service_id, pairs, planning, implementing, online, not_responsible,
      overdue, population_pairs, population_online, population_not_responsible, computed_at)
    select tenant_id, service_id, sum(pairs), sum(planning), sum(implementing), sum(online), sum(not_responsible),
           sum(overdue), sum(population_pairs), sum(population_online), sum(population_not_responsible), now()
    from ${rolloutAggCells} where tenant_id = ${stateId} group by tenant_id, service_id
    on conflict (tenant_id, service_id) do update set
      pairs = excluded.pairs, planning = excluded.planning, implementing = excluded.implementing,
      online = excluded.online, not_responsible = excluded.not_responsible, overdue = excluded.overdue,
      population_pairs = excluded.population_pairs, population_online = excluded.population_online,
      population_not_responsible = excluded.population_not_responsible, computed_at = now()`);
  // A service that left the catalogue has no cells any more.
  await tx.execute(sql`
    delete from ${rolloutAggServices} a where a.tenant_id = ${stateId}
      and not exists (select 1 from ${rolloutAggCells} c where c.tenant_id = a.tenant_id and c.service_id = a.service_id)`);
}

/** The derived per-Kreis rows of the given Kreise (all when null), summed from the Kommunen. */
async function deriveKreise(tx: TenantTx, stateId: string, kreisAgs: string | null) {
  const only = kreisAgs === null ? sql`true` : sql`kreis_ags = ${kreisAgs}`;
  await tx.execute(sql`delete from ${rolloutAggKreise} where tenant_id = ${stateId} and ${only}`);
  await tx.execute(sql`
    insert into ${rolloutAggKreise} (tenant_id, kreis_ags, kommunen, pairs, planning, implementing, online,
      not_responsible, overdue, computed_at)
    select tenant_id, kreis_ags, count(*), sum(pairs), sum(planning), sum(implementing), sum(online),
           sum(not_responsible), sum(overdue), now()
    from ${rolloutAggKommunen} where tenant_id = ${stateId} and ${only} group by tenant_id, kreis_ags`);
}

async function touchState(tx: TenantTx, stateId: string, full: { driftRows: number; drift: unknown } | null) {
  await tx.execute(sql`
    insert into ${rolloutAggState} (tenant_id, incremental_at, full_at, drift_rows, drift)
    values (${stateId}, now(), ${full ? sql`now()` : sql`null`}, ${full?.driftRows ?? 0},
            ${JSON.stringify(full?.drift ?? [])}::jsonb)
    on conflict (tenant_id) do update set incremental_at = now()
      ${full ? sql`, full_at = now(), drift_rows = excluded.drift_rows, drift = excluded.drift` : sql``}`);
}

/**
 * One writer at a time: two Kreis jobs deriving the per-service sums concurrently would each miss the other's cells.
 * Waits (within the role's lock timeout; the job is retried after it) instead of failing at once.
 */
async function lockAggregates(tx: TenantTx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('spatz.rollout_aggregates', 0))`);
}

/**
 * Recomputes the base aggregates of one Kreis from its records, then the derived rows. Idempotent: the same records
 * give the same rows however often it runs. `today` (Berlin) decides what is overdue.
 */
export async function refreshRolloutKreis(tx: TenantTx, stateId: string, kreisAgs: string, today: string) {
  await lockAggregates(tx);
  await tx.execute(
    sql`delete from ${rolloutAggCells} where tenant_id = ${stateId} and kreis_ags = ${kreisAgs}`,
  );
  await tx.execute(
    sql`insert into ${rolloutAggCells} (${CELL_COLUMNS}) ${cellsSelect(kreisAgs, stateId, today)}`,
  );
  // By Kreis and by the Kommunen now in it (a Kommune moved to another Kreis leaves its old row).
  await tx.execute(sql`
    delete from ${rolloutAggKommunen} where tenant_id = ${stateId}
      and (kreis_ags = ${kreisAgs} or kommune_id in (select id from tenants where coalesce(kreis_ags, '') = ${kreisAgs}))`);
  await tx.execute(
    sql`insert into ${rolloutAggKommunen} (${KOMMUNE_COLUMNS}) ${kommunenSelect(kreisAgs, stateId, today)}`,
  );
  await tx.execute(
    sql`delete from ${rolloutAggGolives} where tenant_id = ${stateId} and kreis_ags = ${kreisAgs}`,
  );
  await tx.execute(
    sql`insert into ${rolloutAggGolives} (${GOLIVE_COLUMNS}) ${golivesSelect(kreisAgs, stateId)}`,
  );
  await deriveServices(tx, stateId);
  await deriveKreise(tx, stateId, kreisAgs);
  await touchState(tx, stateId, null);
}

export type DriftEntry = { table: string; key: string };

const DRIFT_SAMPLE = 20;

/** Rows present on one side only (as whole rows, so a changed count shows up on both sides once). */
async function driftOf(
  tx: TenantTx,
  table: keyof typeof DRIFT_COLUMNS,
  fresh: string,
  keyExpr: string,
): Promise<DriftEntry[]> {
  const columns = DRIFT_COLUMNS[table];
  const rows = await tx.execute<{ key: string }>(
    sql.raw(`
      select ${keyExpr} as key from (
        (select ${columns} from ${fresh} except select ${columns} from ${table} where tenant_id = (select app_current_tenant()))
        union
        (select ${columns} from ${table} where tenant_id = (select app_current_tenant()) except select ${columns} from ${fresh})
      ) d group by 1 order by 1`),
  );
  return rows.map((r) => ({ table, key: r.key }));
}

/** Columns the drift check compares: "overdue" depends on the day and the medians exist only in full passes. */
const DRIFT_COLUMNS = {
  rollout_agg_cells:
    "service_id, kreis_ags, pairs, planning, implementing, online, not_responsible, population_pairs, population_online, population_not_responsible",
  rollout_agg_kommunen: "kommune_id, kreis_ags, pairs, planning, implementing, online, not_responsible",
  rollout_agg_golives: "service_id, kreis_ags, month, actual, planned",
} as const;

/**
 * Recomputes every aggregate from the records and replaces the stored ones. The nightly run (`checkDrift`) first
 * compares what the incremental jobs left with the fresh computation and stores the rows that differ (none, unless a
 * change was missed); a full run after a catalogue change skips that, since it is expected to change rows.
 */
export async function refreshRolloutAll(
  tx: TenantTx,
  stateId: string,
  today: string,
  opts: { checkDrift: boolean } = { checkDrift: true },
) {
  await lockAggregates(tx);
  const fresh = [
    ["rollout_agg_cells", "fresh_cells", CELL_COLUMNS, cellsSelect(null, stateId, today)],
    ["rollout_agg_kommunen", "fresh_kommunen", KOMMUNE_COLUMNS, kommunenSelect(null, stateId, today)],
    ["rollout_agg_golives", "fresh_golives", GOLIVE_COLUMNS, golivesSelect(null, stateId)],
  ] as const;
  // CREATE TABLE AS takes no bind parameters, so the temp tables are made empty and filled by INSERT … SELECT.
  for (const [table, temp, columns, select] of fresh) {
    await tx.execute(sql.raw(`create temp table ${temp} (like ${table} including defaults) on commit drop`));
    await tx.execute(sql`insert into ${sql.raw(temp)} (${columns}) ${select}`);
  }
  const drift: DriftEntry[] = [];
  if (opts.checkDrift) {
    drift.push(
      ...(await driftOf(tx, "rollout_agg_cells", "fresh_cells", "service_id || ' / ' || kreis_ags")),
      ...(await driftOf(tx, "rollout_agg_kommunen", "fresh_kommunen", "kreis_ags || ' / ' || kommune_id")),
      ...(await driftOf(
        tx,
        "rollout_agg_golives",
        "fresh_golives",
        "service_id || ' / ' || kreis_ags || ' / ' || month",
      )),
    );
  }
  for (const [table, temp, columns] of fresh) {
    await tx.execute(sql.raw(`delete from ${table} where tenant_id = (select app_current_tenant())`));
    await tx.execute(sql`insert into ${sql.raw(table)} (${columns}) select ${columns} from ${sql.raw(temp)}`);
  }
  await deriveServices(tx, stateId);
  await tx.execute(sql`
    with ${pairs(null)},
    m as (
      select service_id,
             percentile_cont(0.5) within group (order by online_since - coalesce(planning_since, implementing_since))
               filter (where status = 'online' and online_since is not null
                       and coalesce(planning_since, implementing_since) is not null) as to_online,
             percentile_cont(0.5) within group (order by ${today}::date - implementing_since)
               filter (where status = 'implementing' and implementing_since is not null) as implementing
      from p group by service_id
    )
    update ${rolloutAggServices} a set median_days_to_online = round(m.to_online)::int,
      median_days_implementing = round(m.implementing)::int
    from m where a.tenant_id = ${stateId} and a.service_id = m.service_id`);
  await deriveKreise(tx, stateId, null);
  const driftRows = drift.length;
  await touchState(tx, stateId, opts.checkDrift ? { driftRows, drift: drift.slice(0, DRIFT_SAMPLE) } : null);
  return { driftRows, drift };
}

export type RolloutAggStatus = {
  incrementalAt: Date | null;
  fullAt: Date | null;
  driftRows: number;
  drift: DriftEntry[];
};

export async function rolloutAggStatus(tx: TenantTx): Promise<RolloutAggStatus | null> {
  const [row] = await tx
    .select({
      incrementalAt: rolloutAggState.incrementalAt,
      fullAt: rolloutAggState.fullAt,
      driftRows: rolloutAggState.driftRows,
      drift: rolloutAggState.drift,
    })
    .from(rolloutAggState);
  return row ?? null;
}

/** The Kreis a Kommune's change touches ('' for a kreisfreie Stadt without Kreis), or null for an unknown tenant. */
export async function rolloutKreisOf(tx: TenantTx, kommuneId: string): Promise<string | null> {
  const [row] = await tx.execute<{ kreisAgs: string }>(
    sql`select coalesce(kreis_ags, '') as "kreisAgs" from tenants where id = ${kommuneId} and kind <> 'state'`,
  );
  return row?.kreisAgs ?? null;
}
