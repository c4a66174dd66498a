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
  rolloutAggMonths,
  rolloutAggServices,
  rolloutAggState,
} from "../schema/rollout-aggregates.ts";
import type { TenantTx } from "../tenant-tx.ts";

/**
 * The catalogue's municipal services and the Kommunen of one Kreis (or all). A pair is a Kommune and a service its
 * kind is responsible for; a pair without a record is "nicht begonnen". The pairs themselves are never enumerated:
 * their numbers come from Kommunen per Kreis and kind (small), the status counts from the records alone.
 */
function scope(kreisAgs: string | null): SQL {
  // The Kreis comes from a transaction setting, not a bind parameter: CREATE TABLE AS takes none (computeBaseRows).
  const inKreis =
    kreisAgs === null ? sql`true` : sql`coalesce(kreis_ags, '') = current_setting('spatz.rollout_kreis')`;
  return sql`
    s as (select id, responsible_kinds from ozg_services where in_catalogue and municipal_execution),
    k as (
      select id, kind, coalesce(kreis_ags, '') as kreis_ags, coalesce(population, 0)::bigint as population
      from tenants where kind <> 'state' and ${inKreis}
    )`;
}

/** The status counts of a group of records; "today" (Berlin) from the transaction setting computeBaseRows makes. */
const COUNTS = sql`
  count(*)::int as records,
  count(*) filter (where status = 'planning')::int as planning,
  count(*) filter (where status = 'implementing')::int as implementing,
  count(*) filter (where status = 'online')::int as online,
  count(*) filter (where status = 'not_responsible')::int as not_responsible,
  count(*) filter (where status = 'implementing' and planned_online < current_setting('spatz.rollout_today')::date)::int
    as overdue`;

/**
 * `grouping(service_id, kommune_id, actual_month, planned_month)` of each grouping set below: a bit is set for every
 * column the set does not group by.
 */
const SET = { cells: 7, kommunen: 11, actual: 5, planned: 6 } as const;

/**
 * Every base row of one Kreis (or of all) in ONE pass over its records, into the temp table `base_rows`: counts per
 * service × Kreis, per Kommune, and go-lives per service × Kreis × month (actual and planned), told apart by `g` (SET);
 * and the numbers of pairs (`pair_counts` per service × Kreis, `kind_counts` per kind) from the Kommunen and the
 * catalogue. One scan of the records, not of every pair, is what keeps the national full recompute near a single
 * hand-written statement. Records of pairs that do not exist (a kind not responsible, a service out of the catalogue)
 * count nowhere.
 */
async function computeBaseRows(tx: TenantTx, kreisAgs: string | null, today: string) {
  // CREATE TABLE AS, because PostgreSQL runs its SELECT with parallel workers (an INSERT … SELECT never does); it takes
  // no bind parameters, so the Kreis and the day are transaction settings.
  await tx.execute(
    sql`select set_config('spatz.rollout_today', ${today}, true), set_config('spatz.rollout_kreis', ${kreisAgs ?? ""}, true)`,
  );
  for (const table of ["base_rows", "pair_counts", "kind_counts"])
    await tx.execute(sql.raw(`drop table if exists ${table}`));
  await tx.execute(sql`
    create temp table base_rows on commit drop as
    with ${scope(kreisAgs)},
    x as (
      select r.service_id, r.tenant_id as kommune_id, k.kreis_ags, k.population, r.status, r.planned_online,
             case when r.status = 'online' then date_trunc('month', r.online_since)::date end as actual_month,
             case when r.status <> 'not_responsible' then date_trunc('month', r.planned_online)::date end as planned_month
      from rollout_records r
      join k on k.id = r.tenant_id
      join s on s.id = r.service_id and k.kind = any(s.responsible_kinds)
    )
    select grouping(service_id, kommune_id, actual_month, planned_month) as g, service_id, kommune_id, kreis_ags,
           actual_month, planned_month, ${COUNTS},
           coalesce(sum(population) filter (where status = 'online'), 0)::bigint as population_online,
           coalesce(sum(population) filter (where status = 'not_responsible'), 0)::bigint as population_not_responsible
    from x
    group by grouping sets ((service_id, kreis_ags), (kommune_id, kreis_ags), (service_id, kreis_ags, actual_month),
                            (service_id, kreis_ags, planned_month))`);
  await tx.execute(sql`
    create temp table pair_counts on commit drop as
    with ${scope(kreisAgs)},
    kk as (select kreis_ags, kind, count(*)::int as n, sum(population)::bigint as population from k group by 1, 2)
    select s.id as service_id, kk.kreis_ags, sum(kk.n)::int as pairs, sum(kk.population)::bigint as population_pairs
    from s join kk on kk.kind = any(s.responsible_kinds) group by 1, 2`);
  await tx.execute(sql`
    create temp table kind_counts on commit drop as
    select kind, count(*)::int as services
    from ozg_services, unnest(responsible_kinds) as kind where in_catalogue and municipal_execution group by kind`);
}

/** The base rows of each table (with the state's tenant id): pairs from the counts, statuses from the records. */
function cellsFromBase(stateId: string): SQL {
  return sql`
    select ${stateId}::uuid, pc.service_id, pc.kreis_ags, pc.pairs, coalesce(b.planning, 0),
           coalesce(b.implementing, 0), coalesce(b.online, 0), coalesce(b.not_responsible, 0), coalesce(b.overdue, 0),
           pc.population_pairs, coalesce(b.population_online, 0), coalesce(b.population_not_responsible, 0)
    from pair_counts pc
    left join base_rows b on b.g = ${SET.cells} and b.service_id = pc.service_id and b.kreis_ags = pc.kreis_ags`;
}

/** Every Kommune of the Kreis (or all), also one without any responsible service (all zero). */
function kommunenFromBase(kreisAgs: string | null, stateId: string): SQL {
  const inKreis = kreisAgs === null ? sql`true` : sql`coalesce(t.kreis_ags, '') = ${kreisAgs}`;
  return sql`
    select ${stateId}::uuid, t.id, coalesce(t.kreis_ags, ''), coalesce(kc.services, 0), coalesce(b.planning, 0),
           coalesce(b.implementing, 0), coalesce(b.online, 0), coalesce(b.not_responsible, 0), coalesce(b.overdue, 0),
           (coalesce(b.online, 0)::real / nullif(coalesce(kc.services, 0) - coalesce(b.not_responsible, 0), 0))
    from tenants t
    left join kind_counts kc on kc.kind = t.kind
    left join base_rows b on b.g = ${SET.kommunen} and b.kommune_id = t.id
    where t.kind <> 'state' and ${inKreis}`;
}

function golivesFromBase(stateId: string): SQL {
  return sql`
    select ${stateId}::uuid, service_id, kreis_ags, month, sum(actual)::int, sum(planned)::int from (
      select service_id, kreis_ags, actual_month as month, records as actual, 0 as planned
      from base_rows where g = ${SET.actual} and actual_month is not null
      union all
      select service_id, kreis_ags, planned_month, 0, records
      from base_rows where g = ${SET.planned} and planned_month is not null
    ) m group by service_id, kreis_ags, month`;
}

/** The stored columns of each table (everything but computed_at), in insert order. */
const COLUMNS = {
  rollout_agg_cells:
    "tenant_id, service_id, kreis_ags, pairs, planning, implementing, online, not_responsible, overdue, population_pairs, population_online, population_not_responsible",
  rollout_agg_kommunen:
    "tenant_id, kommune_id, kreis_ags, pairs, planning, implementing, online, not_responsible, overdue, share",
  rollout_agg_golives: "tenant_id, service_id, kreis_ags, month, actual, planned",
  rollout_agg_months: "tenant_id, month, actual, planned",
} as const;
const CELL_COLUMNS = sql.raw(COLUMNS.rollout_agg_cells);
const KOMMUNE_COLUMNS = sql.raw(COLUMNS.rollout_agg_kommunen);
const GOLIVE_COLUMNS = sql.raw(COLUMNS.rollout_agg_golives);

/**
 * Moves one Kreis's go-lives in or out of the Land's per-month sums (`sign` +1 after inserting them, −1 before
 * deleting them): exact, and without summing every Kreis again.
 */
async function shiftMonths(tx: TenantTx, stateId: string, kreisAgs: string, sign: 1 | -1) {
  const kreis = sql`
    select month, sum(actual)::int as actual, sum(planned)::int as planned
    from ${rolloutAggGolives} where tenant_id = ${stateId} and kreis_ags = ${kreisAgs} group by month`;
  if (sign === -1) {
    // An UPDATE, not an upsert: the CHECK (counts ≥ 0) would refuse a negative row before the conflict is seen.
    await tx.execute(sql`
      update ${rolloutAggMonths} m set actual = m.actual - k.actual, planned = m.planned - k.planned
      from (${kreis}) k where m.tenant_id = ${stateId} and m.month = k.month`);
    return;
  }
  await tx.execute(sql`
    insert into ${rolloutAggMonths} (tenant_id, month, actual, planned)
    select ${stateId}::uuid, month, actual, planned from (${kreis}) k
    on conflict (tenant_id, month) do update set
      actual = ${rolloutAggMonths.actual} + excluded.actual, planned = ${rolloutAggMonths.planned} + excluded.planned`);
  await tx.execute(
    sql`delete from ${rolloutAggMonths} where tenant_id = ${stateId} and actual = 0 and planned = 0`,
  );
}

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
  await computeBaseRows(tx, kreisAgs, today);
  await tx.execute(
    sql`delete from ${rolloutAggCells} where tenant_id = ${stateId} and kreis_ags = ${kreisAgs}`,
  );
  await tx.execute(sql`insert into ${rolloutAggCells} (${CELL_COLUMNS}) ${cellsFromBase(stateId)}`);
  // By Kreis and by the Kommunen now in it (a Kommune moved to another Kreis leaves its old row).
  await tx.execute(sql`
    delete from ${rolloutAggKommunen} where tenant_id = ${stateId}
      and (kreis_ags = ${kreisAgs} or kommune_id in (select id from tenants where coalesce(kreis_ags, '') = ${kreisAgs}))`);
  await tx.execute(
    sql`insert into ${rolloutAggKommunen} (${KOMMUNE_COLUMNS}) ${kommunenFromBase(kreisAgs, stateId)}`,
  );
  await shiftMonths(tx, stateId, kreisAgs, -1);
  await tx.execute(
    sql`delete from ${rolloutAggGolives} where tenant_id = ${stateId} and kreis_ags = ${kreisAgs}`,
  );
  await tx.execute(sql`insert into ${rolloutAggGolives} (${GOLIVE_COLUMNS}) ${golivesFromBase(stateId)}`);
  await shiftMonths(tx, stateId, kreisAgs, 1);
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
/** The key of each table's rows (after tenant_id). */
const ROW_KEYS: Record<keyof typeof COLUMNS, string[]> = {
  rollout_agg_cells: ["service_id", "kreis_ags"],
  rollout_agg_kommunen: ["kommune_id"],
  rollout_agg_golives: ["service_id", "kreis_ags", "month"],
  rollout_agg_months: ["month"],
};

const DRIFT_COLUMNS = {
  rollout_agg_cells:
    "service_id, kreis_ags, pairs, planning, implementing, online, not_responsible, population_pairs, population_online, population_not_responsible",
  rollout_agg_kommunen: "kommune_id, kreis_ags, pairs, planning, implementing, online, not_responsible",
  rollout_agg_golives: "service_id, kreis_ags, month, actual, planned",
  rollout_agg_months: "month, actual, planned",
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
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (step: string) => {
    timings[step] = Math.round(performance.now() - t0);
    t0 = performance.now();
  };
  await computeBaseRows(tx, null, today);
  lap("baseRowsMs");
  const fresh = [
    ["rollout_agg_cells", "fresh_cells", CELL_COLUMNS, cellsFromBase(stateId)],
    ["rollout_agg_kommunen", "fresh_kommunen", KOMMUNE_COLUMNS, kommunenFromBase(null, stateId)],
    ["rollout_agg_golives", "fresh_golives", GOLIVE_COLUMNS, golivesFromBase(stateId)],
  ] as const;
  for (const [table, temp, columns, select] of fresh) {
    await tx.execute(sql.raw(`create temp table ${temp} (like ${table} including defaults) on commit drop`));
    await tx.execute(sql`insert into ${sql.raw(temp)} (${columns}) ${select}`);
  }
  await tx.execute(sql`create temp table fresh_months (like rollout_agg_months) on commit drop`);
  await tx.execute(sql`
    insert into fresh_months (tenant_id, month, actual, planned)
    select tenant_id, month, sum(actual), sum(planned) from fresh_golives group by tenant_id, month`);
  lap("freshTablesMs");
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
      ...(await driftOf(tx, "rollout_agg_months", "fresh_months", "month::text")),
    );
  }
  lap("driftMs");
  // Only the rows that differ are replaced (on a night without drift: the day's overdue counts), not every row.
  for (const [table, temp] of [
    ...fresh.map(([table, temp]) => [table, temp] as const),
    ["rollout_agg_months", "fresh_months"] as const,
  ]) {
    const key = ROW_KEYS[table];
    const all = COLUMNS[table];
    await tx.execute(
      sql.raw(`
        delete from ${table} t using (
          select ${all} from ${table} where tenant_id = (select app_current_tenant())
          except select ${all} from ${temp}
        ) d where t.tenant_id = d.tenant_id and ${key.map((k) => `t.${k} = d.${k}`).join(" and ")}`),
    );
    await tx.execute(
      sql.raw(`
        insert into ${table} (${all})
        select ${all} from ${temp}
        except select ${all} from ${table} where tenant_id = (select app_current_tenant())`),
    );
  }
  await deriveServices(tx, stateId);
  lap("replaceMs");
  // Medians need only the records in Umsetzung or online of responsible pairs, not every pair.
  await tx.execute(sql`
    with m as (
      select r.service_id,
             percentile_cont(0.5) within group (order by r.online_since - coalesce(r.planning_since, r.implementing_since))
               filter (where r.status = 'online' and r.online_since is not null
                       and coalesce(r.planning_since, r.implementing_since) is not null) as to_online,
             percentile_cont(0.5) within group (order by ${today}::date - r.implementing_since)
               filter (where r.status = 'implementing' and r.implementing_since is not null) as implementing
      from rollout_records r
      join tenants k on k.id = r.tenant_id and k.kind <> 'state'
      join ozg_services s on s.id = r.service_id and s.in_catalogue and s.municipal_execution
        and k.kind = any(s.responsible_kinds)
      where r.status in ('online', 'implementing')
      group by r.service_id
    )
    update ${rolloutAggServices} a set median_days_to_online = round(m.to_online)::int,
      median_days_implementing = round(m.implementing)::int
    from m where a.tenant_id = ${stateId} and a.service_id = m.service_id`);
  lap("mediansMs");
  await deriveKreise(tx, stateId, null);
  const driftRows = drift.length;
  await touchState(tx, stateId, opts.checkDrift ? { driftRows, drift: drift.slice(0, DRIFT_SAMPLE) } : null);
  lap("finishMs");
  // Where the time went, for the job's result (job monitor, logs) and the benchmark.
  return { driftRows, drift, timings };
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
