// The state PMO's dashboards, computed in SQL. The definitions are those of @spatz/rollout `computeCoverage` (the pure
// reference; db/test/rollout-coverage.test.ts compares both on the same data):
// - the pairs (Kommune × service) are every Kommune tenant whose kind is among the service's responsible kinds, for
//   every municipal service still in the catalogue; a missing record counts as "nicht begonnen";
// - a pair is relevant unless its record says "nicht zuständig"; records of a kind that is not responsible are left out.
// These queries are meant for the state tenant, which reads every Kommune's records through the documented
// `rollout_records_state_read` policy; in a Kommune's transaction RLS would reduce them to that Kommune's own rows.
import type { DrilldownInput, KommuneKind, RolloutStatus } from "@spatz/rollout";
import { type SQL, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { rolloutLandStats } from "../schema/rollout.ts";
import type { TenantTx } from "../tenant-tx.ts";
import type { LandStats } from "./rollout-records.ts";

/** The pairs CTE; `extra` adds conditions on k (Kommune), s (service) or r (record). */
function pairs(extra?: SQL) {
  return sql`
    k as (
      select id, name, kind, coalesce(kreis_ags, '') as kreis_ags, coalesce(kreis_name, '') as kreis_name,
             coalesce(population, 0)::bigint as population
      from tenants where kind <> 'state'
    ),
    s as (
      select id, name, themenfeld_id, lage_id, responsible_kinds, position
      from ozg_services where in_catalogue and municipal_execution
    ),
    p as (
      select k.id as kommune_id, k.kind, k.kreis_ags, k.population, s.id as service_id, s.themenfeld_id, s.lage_id,
             coalesce(r.status, 'not_started') as status, r.implementing_since, r.online_since, r.planned_online
      from k
      join s on k.kind = any(s.responsible_kinds)
      left join rollout_records r on r.tenant_id = k.id and r.service_id = s.id
      ${extra ? sql`where ${extra}` : sql``}
    )`;
}

const STATUS_COUNTS = sql`
  count(*) filter (where status = 'not_started')::int as not_started,
  count(*) filter (where status = 'planning')::int as planning,
  count(*) filter (where status = 'implementing')::int as implementing,
  count(*) filter (where status = 'online')::int as online,
  count(*) filter (where status = 'not_responsible')::int as not_responsible`;

export type StatusCounts = Record<RolloutStatus, number>;
export type Ratio = { relevant: number; online: number; share: number | null };

function ratio(relevant: number, online: number): Ratio {
  return { relevant, online, share: relevant === 0 ? null : online / relevant };
}

function counts(row: Record<string, unknown>): StatusCounts {
  return {
    not_started: Number(row.not_started ?? 0),
    planning: Number(row.planning ?? 0),
    implementing: Number(row.implementing ?? 0),
    online: Number(row.online ?? 0),
    not_responsible: Number(row.not_responsible ?? 0),
  };
}

export type ServiceCoverageRow = Ratio & {
  serviceId: string;
  name: string;
  themenfeldId: string;
  themenfeld: string;
  lageId: string;
  lage: string;
  efaAvailable: boolean;
  priority: string | null;
  nationwide: boolean;
  atLeastOne: boolean;
  byStatus: StatusCounts;
  populationRelevant: number;
  populationOnline: number;
};

export type GroupCoverageRow = Ratio & {
  id: string;
  name: string;
  /** Services with at least one relevant Kommune. */
  services: number;
  servicesNationwide: number;
  servicesAtLeastOne: number;
  byStatus: StatusCounts;
};

const MEASURES = sql.raw(
  [
    "relevant",
    "not_started",
    "planning",
    "implementing",
    "online",
    "not_responsible",
    "pop_relevant",
    "pop_online",
  ]
    .map((c) => `svc.${c}`)
    .join(", "),
);

/**
 * Coverage per service, rolled up per Themenfeld, per Lage and overall: one statement, the per-service aggregate
 * computed once (a CTE used four times is materialized).
 */
export async function serviceCoverage(tx: TenantTx) {
  const rows = await tx.execute<Record<string, unknown>>(sql`
    with ${pairs()},
    per_service as (
      select service_id,
        count(*) filter (where status <> 'not_responsible')::int as relevant,
        ${STATUS_COUNTS},
        coalesce(sum(population) filter (where status <> 'not_responsible'), 0)::bigint as pop_relevant,
        coalesce(sum(population) filter (where status = 'online'), 0)::bigint as pop_online
      from p group by service_id
    ),
    svc as (
      select s.id as service_id, s.name, s.position, s.themenfeld_id, s.lage_id,
             coalesce(a.relevant, 0) as relevant, coalesce(a.not_started, 0) as not_started,
             coalesce(a.planning, 0) as planning, coalesce(a.implementing, 0) as implementing,
             coalesce(a.online, 0) as online, coalesce(a.not_responsible, 0) as not_responsible,
             coalesce(a.pop_relevant, 0) as pop_relevant, coalesce(a.pop_online, 0) as pop_online
      from s left join per_service a on a.service_id = s.id
    )
    select 'service' as level, svc.service_id as id, svc.name, svc.position, svc.themenfeld_id, tf.name as themenfeld,
           svc.lage_id, l.name as lage, o.efa_available, o.priority,
           svc.relevant, svc.not_started, svc.planning, svc.implementing, svc.online, svc.not_responsible,
           svc.pop_relevant, svc.pop_online, null::int as services, null::int as nationwide, null::int as at_least_one
    from svc join ozg_themenfelder tf on tf.id = svc.themenfeld_id join ozg_lagen l on l.id = svc.lage_id
    join ozg_services o on o.id = svc.service_id
    union all
    select level, id, max(gname), min(gpos), null, null, null, null, null, null,
           sum(relevant)::int, sum(not_started)::int, sum(planning)::int, sum(implementing)::int, sum(online)::int,
           sum(not_responsible)::int, sum(pop_relevant)::bigint, sum(pop_online)::bigint,
           count(*) filter (where relevant > 0)::int,
           count(*) filter (where relevant > 0 and online = relevant)::int,
           count(*) filter (where online > 0)::int
    from (
      select 'themenfeld' as level, svc.themenfeld_id as id, tf.name as gname, tf.position as gpos, ${MEASURES}
        from svc join ozg_themenfelder tf on tf.id = svc.themenfeld_id
      union all
      select 'lage', svc.lage_id, l.name, l.position, ${MEASURES} from svc join ozg_lagen l on l.id = svc.lage_id
      union all
      select 'overall', 'overall', 'Land Sachsen-Anhalt', 0, ${MEASURES} from svc
    ) g
    group by level, id
    order by level, position`);

  const services: ServiceCoverageRow[] = [];
  const themenfelder: GroupCoverageRow[] = [];
  const lagen: GroupCoverageRow[] = [];
  let overall: GroupCoverageRow | null = null;
  for (const r of rows) {
    const relevant = Number(r.relevant);
    const online = Number(r.online);
    if (r.level === "service") {
      services.push({
        serviceId: String(r.id),
        name: String(r.name),
        themenfeldId: String(r.themenfeld_id),
        themenfeld: String(r.themenfeld),
        lageId: String(r.lage_id),
        lage: String(r.lage),
        efaAvailable: Boolean(r.efa_available),
        priority: (r.priority as string | null) ?? null,
        ...ratio(relevant, online),
        nationwide: relevant > 0 && online === relevant,
        atLeastOne: online > 0,
        byStatus: counts(r),
        populationRelevant: Number(r.pop_relevant),
        populationOnline: Number(r.pop_online),
      });
      continue;
    }
    const group: GroupCoverageRow = {
      id: String(r.id),
      name: String(r.name),
      ...ratio(relevant, online),
      services: Number(r.services),
      servicesNationwide: Number(r.nationwide),
      servicesAtLeastOne: Number(r.at_least_one),
      byStatus: counts(r),
    };
    if (r.level === "themenfeld") themenfelder.push(group);
    else if (r.level === "lage") lagen.push(group);
    else overall = group;
  }
  return {
    services,
    themenfelder,
    lagen,
    overall: overall ?? {
      id: "overall",
      name: "Land Sachsen-Anhalt",
      ...ratio(0, 0),
      services: 0,
      servicesNationwide: 0,
      servicesAtLeastOne: 0,
      byStatus: counts({}),
    },
  };
}

export type KommuneCoverageRow = Ratio & {
  kommuneId: string;
  name: string;
  kind: KommuneKind;
  kreisAgs: string;
  kreisName: string;
  population: number;
  byStatus: StatusCounts;
};

export type KreisCoverageRow = Ratio & {
  kreisAgs: string;
  name: string;
  /** The Landkreis or kreisfreie Stadt itself, if it is a tenant. */
  kreisKommuneId: string | null;
  kommunen: number;
  byStatus: StatusCounts;
};

export type KindCoverageRow = Ratio & { kind: KommuneKind; kommunen: number; byStatus: StatusCounts };

/** Coverage per Kommune (every Kommune tenant, also those without any responsible service), per Kreis and per kind. */
export async function kommuneCoverage(tx: TenantTx) {
  const rows = await tx.execute<Record<string, unknown>>(sql`
    with ${pairs()},
    per_kommune as (
      select kommune_id, count(*) filter (where status <> 'not_responsible')::int as relevant, ${STATUS_COUNTS}
      from p group by kommune_id
    )
    select k.id, k.name, k.kind, k.kreis_ags, k.kreis_name, k.population,
           coalesce(a.relevant, 0) as relevant, coalesce(a.not_started, 0) as not_started,
           coalesce(a.planning, 0) as planning, coalesce(a.implementing, 0) as implementing,
           coalesce(a.online, 0) as online, coalesce(a.not_responsible, 0) as not_responsible
    from k left join per_kommune a on a.kommune_id = k.id
    order by k.name`);
  const kommunen: KommuneCoverageRow[] = rows.map((r) => ({
    kommuneId: String(r.id),
    name: String(r.name),
    kind: r.kind as KommuneKind,
    kreisAgs: String(r.kreis_ags),
    kreisName: String(r.kreis_name),
    population: Number(r.population),
    ...ratio(Number(r.relevant), Number(r.online)),
    byStatus: counts(r),
  }));
  const kreisMap = new Map<string, KreisCoverageRow>();
  const kindMap = new Map<KommuneKind, KindCoverageRow>();
  for (const k of kommunen) {
    const kreis = kreisMap.get(k.kreisAgs) ?? {
      kreisAgs: k.kreisAgs,
      name: k.kreisName || "ohne Kreis",
      kreisKommuneId: null,
      kommunen: 0,
      ...ratio(0, 0),
      byStatus: counts({}),
    };
    add(kreis, k);
    kreis.kommunen++;
    if (k.kind === "landkreis" || k.kind === "kreisfreie_stadt") {
      kreis.kreisKommuneId = k.kommuneId;
      kreis.name = k.name;
    }
    kreisMap.set(k.kreisAgs, kreis);
    const kind = kindMap.get(k.kind) ?? { kind: k.kind, kommunen: 0, ...ratio(0, 0), byStatus: counts({}) };
    add(kind, k);
    kind.kommunen++;
    kindMap.set(k.kind, kind);
  }
  const kreise = [...kreisMap.values()].sort((a, b) =>
    a.kreisAgs < b.kreisAgs ? -1 : a.kreisAgs > b.kreisAgs ? 1 : 0,
  );
  for (const x of [...kreise, ...kindMap.values()]) x.share = x.relevant === 0 ? null : x.online / x.relevant;
  return { kommunen, kreise, kinds: [...kindMap.values()] };
}

function add(acc: Ratio & { byStatus: StatusCounts }, row: Ratio & { byStatus: StatusCounts }) {
  acc.relevant += row.relevant;
  acc.online += row.online;
  for (const key of Object.keys(acc.byStatus) as RolloutStatus[]) acc.byStatus[key] += row.byStatus[key];
}

/** The Gemeinden with their coordinates, the Kommune that administers each and its Kreis (map of Sachsen-Anhalt). */
export async function mapPoints(tx: TenantTx) {
  const rows = await tx.execute<{
    ags: string;
    name: string;
    latitude: number;
    longitude: number;
    population: number;
    kommuneId: string | null;
    kreisAgs: string;
  }>(sql`
    select ags, name, latitude, longitude, population, tenant_id as "kommuneId", kreis_ags as "kreisAgs"
    from municipalities order by ags`);
  return [...rows];
}

/** Go-lives per month: actual (online since) and planned (planned go-live), over the relevant pairs. */
export async function progressByMonth(tx: TenantTx) {
  const rows = await tx.execute<{ month: string; actual: number; planned: number }>(sql`
    with ${pairs()}
    select month, sum(actual)::int as actual, sum(planned)::int as planned from (
      select to_char(online_since, 'YYYY-MM') as month, 1 as actual, 0 as planned
        from p where status = 'online' and online_since is not null
      union all
      select to_char(planned_online, 'YYYY-MM'), 0, 1 from p where planned_online is not null and status <> 'not_responsible'
    ) m group by month order by month`);
  let cumulativeActual = 0;
  let cumulativePlanned = 0;
  return rows.map((r) => {
    cumulativeActual += r.actual;
    cumulativePlanned += r.planned;
    return { ...r, cumulativeActual, cumulativePlanned };
  });
}

/** Services with Kommunen "in Umsetzung" for more than `months` months, most stuck first. */
export async function bottlenecks(tx: TenantTx, opts: { months: number; minKommunen: number }) {
  const rows = await tx.execute<{
    serviceId: string;
    name: string;
    themenfeld: string;
    stuck: number;
    implementing: number;
    relevant: number;
    oldest: string;
  }>(sql`
    with ${pairs()},
    agg as (
      select service_id,
        count(*) filter (where status = 'implementing'
          and implementing_since < (current_date - make_interval(months => ${opts.months})))::int as stuck,
        count(*) filter (where status = 'implementing')::int as implementing,
        count(*) filter (where status <> 'not_responsible')::int as relevant,
        min(implementing_since) filter (where status = 'implementing')::text as oldest
      from p group by service_id
    )
    select a.service_id as "serviceId", s.name, tf.name as themenfeld, a.stuck, a.implementing, a.relevant, a.oldest
    from agg a join s on s.id = a.service_id join ozg_themenfelder tf on tf.id = s.themenfeld_id
    where a.stuck >= ${opts.minKommunen}
    order by a.stuck desc, s.position`);
  return [...rows];
}

export type DrilldownRow = {
  kommuneId: string;
  kommune: string;
  kind: KommuneKind;
  kreisName: string;
  serviceId: string;
  service: string;
  themenfeld: string;
  status: RolloutStatus;
  hasRecord: boolean;
  reuseRoute: string | null;
  planningSince: string | null;
  implementingSince: string | null;
  onlineSince: string | null;
  plannedOnline: string | null;
  fachverfahren: string | null;
  interfaceNeeded: boolean | null;
  contact: string | null;
  updatedAt: Date | null;
};

function drilldownWhere(f: Omit<DrilldownInput, "page" | "pageSize">): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.serviceId) parts.push(sql`s.id = ${f.serviceId}`);
  if (f.themenfeldId) parts.push(sql`s.themenfeld_id = ${f.themenfeldId}`);
  if (f.lageId) parts.push(sql`s.lage_id = ${f.lageId}`);
  if (f.kreisAgs !== undefined) parts.push(sql`coalesce(k.kreis_ags, '') = ${f.kreisAgs}`);
  if (f.kommuneId) parts.push(sql`k.id = ${f.kommuneId}`);
  if (f.kind) parts.push(sql`k.kind = ${f.kind}`);
  if (f.status) parts.push(sql`coalesce(r.status, 'not_started') = ${f.status}`);
  if (f.stuckMonths)
    parts.push(
      sql`r.status = 'implementing' and r.implementing_since < (current_date - make_interval(months => ${f.stuckMonths}))`,
    );
  if (f.month && f.monthKind === "planned")
    parts.push(sql`to_char(r.planned_online, 'YYYY-MM') = ${f.month} and r.status <> 'not_responsible'`);
  else if (f.month) parts.push(sql`r.status = 'online' and to_char(r.online_since, 'YYYY-MM') = ${f.month}`);
  return sql.join(parts, sql` and `);
}

const DRILLDOWN_FROM = sql`
  from tenants k
  join ozg_services s on s.in_catalogue and s.municipal_execution and k.kind = any(s.responsible_kinds)
  join ozg_themenfelder tf on tf.id = s.themenfeld_id
  left join rollout_records r on r.tenant_id = k.id and r.service_id = s.id
  where k.kind <> 'state'`;

const DRILLDOWN_SELECT = sql`
  select k.id as "kommuneId", k.name as kommune, k.kind, coalesce(k.kreis_name, '') as "kreisName",
         s.id as "serviceId", s.name as service, tf.name as themenfeld,
         coalesce(r.status, 'not_started') as status, (r.id is not null) as "hasRecord", r.reuse_route as "reuseRoute",
         r.planning_since::text as "planningSince", r.implementing_since::text as "implementingSince",
         r.online_since::text as "onlineSince", r.planned_online::text as "plannedOnline",
         r.fachverfahren, r.interface_needed as "interfaceNeeded", r.contact, r.updated_at as "updatedAt"`;

/** The records (by Kommune name) behind any figure of the dashboards; pairs without a record show "nicht begonnen". */
export async function drilldown(tx: TenantTx, f: DrilldownInput) {
  const where = drilldownWhere(f);
  const [items, [total]] = await Promise.all([
    tx.execute<DrilldownRow>(sql`${DRILLDOWN_SELECT} ${DRILLDOWN_FROM} and ${where}
      order by k.name, s.position limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    tx.execute<{ n: number }>(sql`select count(*)::int as n ${DRILLDOWN_FROM} and ${where}`),
  ]);
  return { items: [...items], total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function drilldownForExport(tx: TenantTx, f: Omit<DrilldownInput, "page" | "pageSize">) {
  const rows = await tx.execute<DrilldownRow>(
    sql`${DRILLDOWN_SELECT} ${DRILLDOWN_FROM} and ${drilldownWhere(f)} order by k.name, s.position limit 200000`,
  );
  return [...rows];
}

/** One Kommune's record of a service, for the state (read by name). */
export async function stateRecord(tx: TenantTx, kommuneId: string, serviceId: string) {
  const rows = await tx.execute<
    DrilldownRow & { note: string | null; statusReason: string | null; version: number }
  >(sql`
    ${DRILLDOWN_SELECT}, r.note, r.status_reason as "statusReason", coalesce(r.version, 0) as version
    from tenants k
    join ozg_services s on s.id = ${serviceId}
    join ozg_themenfelder tf on tf.id = s.themenfeld_id
    left join rollout_records r on r.tenant_id = k.id and r.service_id = s.id
    where k.id = ${kommuneId} and k.kind <> 'state'
      and ((s.in_catalogue and s.municipal_execution and k.kind = any(s.responsible_kinds)) or r.id is not null)`);
  return rows[0] ?? null;
}

/**
 * Recomputes the Land-wide counts the Kommunen see ("Landesdurchschnitt"): only numbers, no Kommune names or ids.
 * Runs in the state's transaction (the `rollout.landStats` job and the demo seed).
 */
export async function refreshLandStats(tx: TenantTx, stateTenantId: string, actor: Actor | null) {
  const [{ services }, { kinds, kommunen }] = [await serviceCoverage(tx), await kommuneCoverage(tx)];
  const overall = kinds.reduce(
    (acc, k) => {
      acc.relevant += k.relevant;
      acc.online += k.online;
      for (const s of Object.keys(acc.byStatus) as RolloutStatus[]) acc.byStatus[s] += k.byStatus[s];
      return acc;
    },
    { kommunen: kommunen.length, relevant: 0, online: 0, byStatus: counts({}) },
  );
  const stats: LandStats = {
    overall,
    kinds: Object.fromEntries(
      kinds.map((k) => [k.kind, { kommunen: k.kommunen, relevant: k.relevant, online: k.online }]),
    ) as LandStats["kinds"],
    services: Object.fromEntries(services.map((s) => [s.serviceId, [s.relevant, s.online]])),
  };
  const now = new Date();
  await tx
    .insert(rolloutLandStats)
    .values({ id: "land", stats, computedAt: now })
    .onConflictDoUpdate({ target: rolloutLandStats.id, set: { stats, computedAt: now } });
  if (actor)
    await writeAudit(tx, stateTenantId, actor, {
      action: "rollout.land_stats",
      entityType: "rollout_land_stats",
      after: { kommunen: overall.kommunen, relevant: overall.relevant, online: overall.online },
    });
  return { computedAt: now, overall };
}
