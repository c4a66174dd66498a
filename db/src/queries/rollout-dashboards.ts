// The state PMO's dashboards, computed in SQL. The definitions are those of @spatz/rollout `computeCoverage` (the pure
// reference; db/test/rollout.test.ts compares both on the same data):
// - the pairs (Kommune × service) are every Kommune tenant whose kind is among the service's responsible kinds, for
//   every municipal service still in the catalogue; a missing record counts as "nicht begonnen";
// - a pair is relevant unless its record says "nicht zuständig"; records of a kind that is not responsible are left out.
// These queries are meant for the state tenant, which reads every Kommune's records through the documented
// `rollout_records_visible_to_state` policy; in a Kommune's transaction RLS would reduce them to that Kommune's own rows.
//
// Speed (74,081 records): the pairs are never materialised. One scan of the records, joined to the (small) tenant and
// service tables, counts the records per (service, status) and per (Kommune, status) in one GROUPING SETS aggregate;
// the number of pairs per service or Kommune follows from the kinds alone (Kommunen per kind, services per kind), so
// "nicht begonnen" = pairs − records in the other statuses. The roll-ups of those ≤ 557 rows to Themenfelder, Lagen,
// Kreise and kinds are sums done here.
import type { DrilldownInput, KommuneKind, RolloutStatus } from "@spatz/rollout";
import { eq, type SQL, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { rolloutLandStats } from "../schema/rollout.ts";
import type { TenantTx } from "../tenant-tx.ts";
import type { LandStats } from "./rollout-records.ts";

/**
 * Records of responsible pairs only (x), with the Kommune's kind and population. Records "nicht begonnen" are left
 * out: that count is derived (pairs − the other statuses), so they need not be joined and grouped.
 */
const RESPONSIBLE_RECORDS = sql`
  s as (
    select id, themenfeld_id, lage_id, responsible_kinds, position
    from ozg_services where in_catalogue and municipal_execution
  ),
  k as (
    select id, kind, coalesce(kreis_ags, '') as kreis_ags, coalesce(population, 0)::bigint as population
    from tenants where kind <> 'state'
  ),
  x as (
    select r.service_id, r.tenant_id, r.status, r.implementing_since, r.online_since, r.planned_online,
           k.population, k.kind
    from rollout_records r
    join k on k.id = r.tenant_id
    join s on s.id = r.service_id
    where r.status <> 'not_started' and k.kind = any(s.responsible_kinds)
  )`;

const STATUSES: readonly RolloutStatus[] = [
  "not_started",
  "planning",
  "implementing",
  "online",
  "not_responsible",
];

export type StatusCounts = Record<RolloutStatus, number>;
export type Ratio = { relevant: number; online: number; share: number | null };

function ratio(relevant: number, online: number): Ratio {
  return { relevant, online, share: relevant === 0 ? null : online / relevant };
}

function emptyCounts(): StatusCounts {
  return { not_started: 0, planning: 0, implementing: 0, online: 0, not_responsible: 0 };
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
  /** Median days from the first step to "online verfügbar", and in "in Umsetzung" so far (nightly; null without). */
  medianDaysToOnline: number | null;
  medianDaysImplementing: number | null;
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

export type Coverage = {
  services: ServiceCoverageRow[];
  themenfelder: GroupCoverageRow[];
  lagen: GroupCoverageRow[];
  overall: GroupCoverageRow;
  kommunen: KommuneCoverageRow[];
  kreise: KreisCoverageRow[];
  kinds: KindCoverageRow[];
};

/** Counts of records per (service, status) and (Kommune, status) over responsible pairs, in one scan. */
async function recordCounts(tx: TenantTx) {
  const rows = await tx.execute<{
    serviceId: string | null;
    kommuneId: string | null;
    status: RolloutStatus;
    n: number;
    pop: string;
  }>(sql`
    with ${RESPONSIBLE_RECORDS}
    select service_id as "serviceId", tenant_id as "kommuneId", status, count(*)::int as n, sum(population)::bigint as pop
    from x group by grouping sets ((service_id, status), (tenant_id, status))`);
  const byService = new Map<string, { counts: StatusCounts; pop: StatusCounts }>();
  const byKommune = new Map<string, StatusCounts>();
  for (const r of rows) {
    if (r.serviceId !== null) {
      const acc = byService.get(r.serviceId) ?? { counts: emptyCounts(), pop: emptyCounts() };
      acc.counts[r.status] += r.n;
      acc.pop[r.status] += Number(r.pop);
      byService.set(r.serviceId, acc);
    } else if (r.kommuneId !== null) {
      const acc = byKommune.get(r.kommuneId) ?? emptyCounts();
      acc[r.status] += r.n;
      byKommune.set(r.kommuneId, acc);
    }
  }
  return { byService, byKommune };
}

/** Pairs from recorded counts: "nicht begonnen" also covers the pairs without a record. */
function fromRecords(pairs: number, recorded: StatusCounts | undefined): StatusCounts {
  const c = { ...(recorded ?? emptyCounts()) };
  c.not_started = pairs - (c.planning + c.implementing + c.online + c.not_responsible);
  return c;
}

function group(id: string, name: string, rows: ServiceCoverageRow[]): GroupCoverageRow {
  const byStatus = emptyCounts();
  for (const r of rows) for (const st of STATUSES) byStatus[st] += r.byStatus[st];
  const relevant = rows.reduce((n, r) => n + r.relevant, 0);
  const online = rows.reduce((n, r) => n + r.online, 0);
  return {
    id,
    name,
    ...ratio(relevant, online),
    services: rows.filter((r) => r.relevant > 0).length,
    servicesNationwide: rows.filter((r) => r.nationwide).length,
    servicesAtLeastOne: rows.filter((r) => r.atLeastOne).length,
    byStatus,
  };
}

type ServiceFacts = {
  id: string;
  name: string;
  themenfeldId: string;
  lageId: string;
  efaAvailable: boolean;
  priority: string | null;
};
type ServiceFigures = {
  byStatus: StatusCounts;
  relevant: number;
  populationRelevant: number;
  populationOnline: number;
  medianDaysToOnline: number | null;
  medianDaysImplementing: number | null;
};
type KommuneFacts = {
  name: string;
  kind: KommuneKind;
  kreisAgs: string;
  kreisName: string;
  population: number;
};

/** A service's row, whether its figures come from the records (reference) or the aggregates (dashboards). */
function serviceRow(
  s: ServiceFacts,
  names: { themenfeld: Map<string, string>; lage: Map<string, string> },
  f: ServiceFigures,
): ServiceCoverageRow {
  return {
    serviceId: s.id,
    name: s.name,
    themenfeldId: s.themenfeldId,
    themenfeld: names.themenfeld.get(s.themenfeldId) ?? s.themenfeldId,
    lageId: s.lageId,
    lage: names.lage.get(s.lageId) ?? s.lageId,
    efaAvailable: s.efaAvailable,
    priority: s.priority,
    ...ratio(f.relevant, f.byStatus.online),
    nationwide: f.relevant > 0 && f.byStatus.online === f.relevant,
    atLeastOne: f.byStatus.online > 0,
    byStatus: f.byStatus,
    populationRelevant: f.populationRelevant,
    populationOnline: f.populationOnline,
    medianDaysToOnline: f.medianDaysToOnline,
    medianDaysImplementing: f.medianDaysImplementing,
  };
}

function kommuneRow(
  kommuneId: string,
  k: KommuneFacts,
  byStatus: StatusCounts,
  relevant: number,
): KommuneCoverageRow {
  return {
    kommuneId,
    name: k.name,
    kind: k.kind,
    kreisAgs: k.kreisAgs,
    kreisName: k.kreisName,
    population: k.population,
    ...ratio(relevant, byStatus.online),
    byStatus,
  };
}

const groupNames = (
  themenfelder: readonly { id: string; name: string }[],
  lagen: readonly { id: string; name: string }[],
) => ({
  themenfeld: new Map(themenfelder.map((t) => [t.id, t.name])),
  lage: new Map(lagen.map((l) => [l.id, l.name])),
});

/**
 * Every coverage figure from one scan of the records: the reference the aggregates are checked against (tests, the
 * nightly drift check compares the underlying counts). The dashboards read `coverage()`, which sums the job-maintained
 * aggregates instead.
 */
export async function coverageFromRecords(tx: TenantTx): Promise<Coverage> {
  const [counts, services, kommunen, themenfelder, lagen] = [
    await recordCounts(tx),
    await tx.execute<ServiceFacts & { kinds: KommuneKind[] }>(sql`
      select id, name, themenfeld_id as "themenfeldId", lage_id as "lageId", responsible_kinds as kinds,
             efa_available as "efaAvailable", priority
      from ozg_services where in_catalogue and municipal_execution order by position, id`),
    await tx.execute<{
      id: string;
      name: string;
      kind: KommuneKind;
      kreisAgs: string;
      kreisName: string;
      population: number;
    }>(sql`
      select id, name, kind, coalesce(kreis_ags, '') as "kreisAgs", coalesce(kreis_name, '') as "kreisName",
             coalesce(population, 0)::int as population
      from tenants where kind <> 'state' order by name, id`),
    await tx.execute<{ id: string; name: string }>(
      sql`select id, name from ozg_themenfelder order by position`,
    ),
    await tx.execute<{ id: string; name: string }>(sql`select id, name from ozg_lagen order by position`),
  ];
  const kindCount = new Map<KommuneKind, number>();
  const kindPop = new Map<KommuneKind, number>();
  for (const k of kommunen) {
    kindCount.set(k.kind, (kindCount.get(k.kind) ?? 0) + 1);
    kindPop.set(k.kind, (kindPop.get(k.kind) ?? 0) + k.population);
  }
  const servicesPerKind = new Map<KommuneKind, number>();
  for (const s of services)
    for (const kind of new Set(s.kinds)) servicesPerKind.set(kind, (servicesPerKind.get(kind) ?? 0) + 1);
  const names = groupNames(themenfelder, lagen);
  const serviceRows: ServiceCoverageRow[] = services.map((s) => {
    const kinds = [...new Set(s.kinds)];
    const pairs = kinds.reduce((n, kind) => n + (kindCount.get(kind) ?? 0), 0);
    const pop = kinds.reduce((n, kind) => n + (kindPop.get(kind) ?? 0), 0);
    const recorded = counts.byService.get(s.id);
    const byStatus = fromRecords(pairs, recorded?.counts);
    return serviceRow(s, names, {
      byStatus,
      relevant: pairs - byStatus.not_responsible,
      populationRelevant: pop - (recorded?.pop.not_responsible ?? 0),
      populationOnline: recorded?.pop.online ?? 0,
      // The reference scan computes counts only; the medians come from the nightly aggregation.
      medianDaysToOnline: null,
      medianDaysImplementing: null,
    });
  });
  const kommuneRows: KommuneCoverageRow[] = kommunen.map((k) => {
    const byStatus = fromRecords(servicesPerKind.get(k.kind) ?? 0, counts.byKommune.get(k.id));
    return kommuneRow(k.id, k, byStatus, (servicesPerKind.get(k.kind) ?? 0) - byStatus.not_responsible);
  });
  return assemble(serviceRows, kommuneRows, themenfelder, lagen);
}

/** The roll-ups every view shows: Themenfelder, Lagen and the Land from the services, Kreise and kinds from the Kommunen. */
function assemble(
  serviceRows: ServiceCoverageRow[],
  kommuneRows: KommuneCoverageRow[],
  themenfelder: readonly { id: string; name: string }[],
  lagen: readonly { id: string; name: string }[],
): Coverage {
  const rollup = (list: readonly { id: string; name: string }[], key: "themenfeldId" | "lageId") =>
    list.map((g) =>
      group(
        g.id,
        g.name,
        serviceRows.filter((r) => r[key] === g.id),
      ),
    );

  const kreisMap = new Map<string, KreisCoverageRow>();
  const kindMap = new Map<KommuneKind, KindCoverageRow>();
  for (const k of kommuneRows) {
    const kreis = kreisMap.get(k.kreisAgs) ?? {
      kreisAgs: k.kreisAgs,
      name: k.kreisName || "ohne Kreis",
      kreisKommuneId: null,
      kommunen: 0,
      ...ratio(0, 0),
      byStatus: emptyCounts(),
    };
    add(kreis, k);
    kreis.kommunen++;
    if (k.kind === "landkreis" || k.kind === "kreisfreie_stadt") {
      kreis.kreisKommuneId = k.kommuneId;
      kreis.name = k.name;
    }
    kreisMap.set(k.kreisAgs, kreis);
    const kind = kindMap.get(k.kind) ?? {
      kind: k.kind,
      kommunen: 0,
      ...ratio(0, 0),
      byStatus: emptyCounts(),
    };
    add(kind, k);
    kind.kommunen++;
    kindMap.set(k.kind, kind);
  }
  const kreise = [...kreisMap.values()].sort((a, b) =>
    a.kreisAgs < b.kreisAgs ? -1 : a.kreisAgs > b.kreisAgs ? 1 : 0,
  );
  for (const x of [...kreise, ...kindMap.values()]) x.share = x.relevant === 0 ? null : x.online / x.relevant;
  return {
    services: serviceRows,
    themenfelder: rollup(themenfelder, "themenfeldId"),
    lagen: rollup(lagen, "lageId"),
    overall: group("overall", "Land Sachsen-Anhalt", serviceRows),
    kommunen: kommuneRows,
    kreise,
    kinds: [...kindMap.values()],
  };
}

/**
 * Every coverage figure of the dashboards, from the aggregates the rollout jobs maintain (rollout-aggregates.ts).
 * Without `kommunen` the per-Kommune and per-Kreis rows are left empty and the kinds are summed in SQL: the overview
 * and the service table then read a few hundred rows, however many Kommunen there are.
 */
export async function coverage(
  tx: TenantTx,
  opts: { kommunen: boolean } = { kommunen: true },
): Promise<Coverage> {
  const services = await tx.execute<
    ServiceFacts & {
      pairs: number;
      planning: number;
      implementing: number;
      online: number;
      notResponsible: number;
      populationPairs: string;
      populationOnline: string;
      populationNotResponsible: string;
      medianDaysToOnline: number | null;
      medianDaysImplementing: number | null;
    }
  >(sql`
    select s.id, s.name, s.themenfeld_id as "themenfeldId", s.lage_id as "lageId", s.efa_available as "efaAvailable",
           s.priority, coalesce(a.pairs, 0) as pairs, coalesce(a.planning, 0) as planning,
           coalesce(a.implementing, 0) as implementing, coalesce(a.online, 0) as online,
           coalesce(a.not_responsible, 0) as "notResponsible", coalesce(a.population_pairs, 0) as "populationPairs",
           coalesce(a.population_online, 0) as "populationOnline",
           coalesce(a.population_not_responsible, 0) as "populationNotResponsible",
           a.median_days_to_online as "medianDaysToOnline", a.median_days_implementing as "medianDaysImplementing"
    from ozg_services s
    left join rollout_agg_services a on a.service_id = s.id and a.tenant_id = (select app_current_tenant())
    where s.in_catalogue and s.municipal_execution order by s.position, s.id`);
  const kommunen = !opts.kommunen
    ? []
    : await tx.execute<{
        kommuneId: string;
        name: string;
        kind: KommuneKind;
        kreisAgs: string;
        kreisName: string;
        population: number;
        pairs: number;
        planning: number;
        implementing: number;
        online: number;
        notResponsible: number;
      }>(sql`
    select t.id as "kommuneId", t.name, t.kind, coalesce(t.kreis_ags, '') as "kreisAgs",
           coalesce(t.kreis_name, '') as "kreisName", coalesce(t.population, 0)::int as population,
           coalesce(a.pairs, 0) as pairs, coalesce(a.planning, 0) as planning,
           coalesce(a.implementing, 0) as implementing, coalesce(a.online, 0) as online,
           coalesce(a.not_responsible, 0) as "notResponsible"
    from tenants t
    left join rollout_agg_kommunen a on a.kommune_id = t.id and a.tenant_id = (select app_current_tenant())
    where t.kind <> 'state' order by t.name, t.id`);
  const themenfelder = await tx.execute<{ id: string; name: string }>(
    sql`select id, name from ozg_themenfelder order by position`,
  );
  const lagen = await tx.execute<{ id: string; name: string }>(
    sql`select id, name from ozg_lagen order by position`,
  );
  const names = groupNames(themenfelder, lagen);
  const serviceRows: ServiceCoverageRow[] = services.map((s) =>
    serviceRow(s, names, {
      byStatus: storedCounts(s),
      relevant: s.pairs - s.notResponsible,
      populationRelevant: Number(s.populationPairs) - Number(s.populationNotResponsible),
      populationOnline: Number(s.populationOnline),
      medianDaysToOnline: s.medianDaysToOnline,
      medianDaysImplementing: s.medianDaysImplementing,
    }),
  );
  const kommuneRows: KommuneCoverageRow[] = kommunen.map((k) =>
    kommuneRow(k.kommuneId, k, storedCounts(k), k.pairs - k.notResponsible),
  );
  const assembled = assemble(serviceRows, kommuneRows, themenfelder, lagen);
  if (opts.kommunen) return assembled;
  const kinds = await tx.execute<{
    kind: KommuneKind;
    kommunen: number;
    pairs: number;
    planning: number;
    implementing: number;
    online: number;
    notResponsible: number;
  }>(sql`
    select t.kind, count(*)::int as kommunen, coalesce(sum(a.pairs), 0)::int as pairs,
           coalesce(sum(a.planning), 0)::int as planning, coalesce(sum(a.implementing), 0)::int as implementing,
           coalesce(sum(a.online), 0)::int as online, coalesce(sum(a.not_responsible), 0)::int as "notResponsible"
    from tenants t
    left join rollout_agg_kommunen a on a.kommune_id = t.id and a.tenant_id = (select app_current_tenant())
    where t.kind <> 'state' group by t.kind order by t.kind`);
  return {
    ...assembled,
    kinds: kinds.map((k) => ({
      kind: k.kind,
      kommunen: k.kommunen,
      ...ratio(k.pairs - k.notResponsible, k.online),
      byStatus: storedCounts(k),
    })),
  };
}

type StoredCounts = {
  pairs: number;
  planning: number;
  implementing: number;
  online: number;
  notResponsible: number;
};

/** The status counts of an aggregate row ("nicht begonnen" = pairs − the others). */
function storedCounts(r: StoredCounts): StatusCounts {
  return fromRecords(r.pairs, {
    ...emptyCounts(),
    planning: r.planning,
    implementing: r.implementing,
    online: r.online,
    not_responsible: r.notResponsible,
  });
}

/** Coverage per service, rolled up per Themenfeld, per Lage and overall. */
export async function serviceCoverage(tx: TenantTx) {
  const { services, themenfelder, lagen, overall } = await coverage(tx, { kommunen: false });
  return { services, themenfelder, lagen, overall };
}

/** Coverage per Kommune (every Kommune tenant, also those without any responsible service), per Kreis and per kind. */
export async function kommuneCoverage(tx: TenantTx) {
  const { kommunen, kreise, kinds } = await coverage(tx);
  return { kommunen, kreise, kinds };
}

function add(acc: Ratio & { byStatus: StatusCounts }, row: Ratio & { byStatus: StatusCounts }) {
  acc.relevant += row.relevant;
  acc.online += row.online;
  for (const key of STATUSES) acc.byStatus[key] += row.byStatus[key];
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

/** Go-lives per month: actual (online since) and planned (planned go-live), from the job-maintained aggregates. */
export async function progressByMonth(tx: TenantTx) {
  const rows = await tx.execute<{ month: string; actual: number; planned: number }>(sql`
    select to_char(month, 'YYYY-MM') as month, actual, planned
    from rollout_agg_months where tenant_id = (select app_current_tenant()) order by month`);
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
    notResponsible: number;
    pairs: number;
    oldest: string;
  }>(sql`
    with s as (
      select id, name, themenfeld_id, responsible_kinds, position
      from ozg_services where in_catalogue and municipal_execution
    ),
    k as (select id, kind from tenants where kind <> 'state'),
    kinds as (select kind, count(*)::int as n from k group by kind),
    agg as (
      select r.service_id,
        count(*) filter (where r.status = 'implementing'
          and r.implementing_since < (current_date - make_interval(months => ${opts.months})))::int as stuck,
        count(*) filter (where r.status = 'implementing')::int as implementing,
        count(*) filter (where r.status = 'not_responsible')::int as not_responsible,
        min(r.implementing_since) filter (where r.status = 'implementing')::text as oldest
      from rollout_records r
      join k on k.id = r.tenant_id
      join s on s.id = r.service_id
      where r.status in ('implementing', 'not_responsible') and k.kind = any(s.responsible_kinds)
      group by r.service_id
    )
    select a.service_id as "serviceId", s.name, tf.name as themenfeld, a.stuck, a.implementing,
           a.not_responsible as "notResponsible",
           (select coalesce(sum(n), 0)::int from kinds where kinds.kind = any(s.responsible_kinds)) as pairs,
           a.oldest
    from agg a join s on s.id = a.service_id join ozg_themenfelder tf on tf.id = s.themenfeld_id
    where a.stuck >= ${opts.minKommunen}
    order by a.stuck desc, s.position`);
  return rows.map(({ pairs, notResponsible, ...r }) => ({ ...r, relevant: pairs - notResponsible }));
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
  notResponsibleSince: string | null;
  plannedOnline: string | null;
  fachverfahren: string | null;
  interfaceNeeded: boolean | null;
  contact: string | null;
  updatedAt: Date | null;
  /** In Umsetzung with the planned go-live passed. */
  overdue: boolean;
};

/** A late go-live: in Umsetzung, planned go-live before today (Berlin); the aggregates' `overdue` rule. */
const OVERDUE = sql`(coalesce(r.status, 'not_started') = 'implementing'
  and r.planned_online < (now() at time zone 'Europe/Berlin')::date)`;

function drilldownWhere(f: Omit<DrilldownInput, "page" | "pageSize">): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.serviceId) parts.push(sql`s.id = ${f.serviceId}`);
  if (f.themenfeldId) parts.push(sql`s.themenfeld_id = ${f.themenfeldId}`);
  if (f.lageId) parts.push(sql`s.lage_id = ${f.lageId}`);
  if (f.kreisAgs !== undefined) parts.push(sql`coalesce(k.kreis_ags, '') = ${f.kreisAgs}`);
  if (f.kommuneId) parts.push(sql`k.id = ${f.kommuneId}`);
  if (f.kind) parts.push(sql`k.kind = ${f.kind}`);
  if (f.status) parts.push(sql`coalesce(r.status, 'not_started') = ${f.status}`);
  if (f.reuseRoute) parts.push(sql`r.reuse_route = ${f.reuseRoute}`);
  if (f.stuckMonths)
    parts.push(
      sql`r.status = 'implementing' and r.implementing_since < (current_date - make_interval(months => ${f.stuckMonths}))`,
    );
  if (f.overdue) parts.push(OVERDUE);
  if (f.month && f.monthKind === "planned")
    parts.push(sql`to_char(r.planned_online, 'YYYY-MM') = ${f.month} and r.status <> 'not_responsible'`);
  else if (f.month) parts.push(sql`r.status = 'online' and to_char(r.online_since, 'YYYY-MM') = ${f.month}`);
  return sql.join(parts, sql` and `);
}

/**
 * All pairs (a responsible Kommune and service, with or without a record), or, when the filter can only match existing
 * records (a status other than "nicht begonnen", stuck or month filters), the records alone: no pairs to build.
 */
function drilldownFrom(f: Omit<DrilldownInput, "page" | "pageSize">): SQL {
  const needsRecord =
    (f.status !== undefined && f.status !== "not_started") ||
    f.stuckMonths !== undefined ||
    f.overdue === true ||
    f.reuseRoute !== undefined ||
    f.month !== undefined;
  return needsRecord
    ? sql`
      from rollout_records r
      join tenants k on k.id = r.tenant_id
      join ozg_services s on s.id = r.service_id and s.in_catalogue and s.municipal_execution and k.kind = any(s.responsible_kinds)
      join ozg_themenfelder tf on tf.id = s.themenfeld_id
      where k.kind <> 'state'`
    : sql`
      from tenants k
      join ozg_services s on s.in_catalogue and s.municipal_execution and k.kind = any(s.responsible_kinds)
      join ozg_themenfelder tf on tf.id = s.themenfeld_id
      left join rollout_records r on r.tenant_id = k.id and r.service_id = s.id
      where k.kind <> 'state'`;
}

const DRILLDOWN_SELECT = sql`
  select k.id as "kommuneId", k.name as kommune, k.kind, coalesce(k.kreis_name, '') as "kreisName",
         s.id as "serviceId", s.name as service, tf.name as themenfeld,
         coalesce(r.status, 'not_started') as status, (r.id is not null) as "hasRecord", r.reuse_route as "reuseRoute",
         r.planning_since::text as "planningSince", r.implementing_since::text as "implementingSince",
         r.online_since::text as "onlineSince", r.not_responsible_since::text as "notResponsibleSince",
         r.planned_online::text as "plannedOnline",
         r.fachverfahren, r.interface_needed as "interfaceNeeded", r.contact, r.updated_at as "updatedAt",
         ${OVERDUE} as overdue`;

/** The records (by Kommune name) behind any figure of the dashboards; pairs without a record show "nicht begonnen". */
export async function drilldown(tx: TenantTx, f: DrilldownInput) {
  const where = drilldownWhere(f);
  const [items, [total]] = await Promise.all([
    tx.execute<DrilldownRow>(sql`${DRILLDOWN_SELECT} ${drilldownFrom(f)} and ${where}
      order by k.name, s.position limit ${f.pageSize} offset ${(f.page - 1) * f.pageSize}`),
    tx.execute<{ n: number }>(sql`select count(*)::int as n ${drilldownFrom(f)} and ${where}`),
  ]);
  return { items: [...items], total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function drilldownForExport(tx: TenantTx, f: Omit<DrilldownInput, "page" | "pageSize">) {
  const rows = await tx.execute<DrilldownRow>(
    sql`${DRILLDOWN_SELECT} ${drilldownFrom(f)} and ${drilldownWhere(f)} order by k.name, s.position limit 200000`,
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
  const { services, kinds } = await coverage(tx, { kommunen: false });
  const overall = kinds.reduce(
    (acc, k) => {
      acc.relevant += k.relevant;
      acc.online += k.online;
      for (const st of STATUSES) acc.byStatus[st] += k.byStatus[st];
      return acc;
    },
    { kommunen: kinds.reduce((n, k) => n + k.kommunen, 0), relevant: 0, online: 0, byStatus: emptyCounts() },
  );
  const stats: LandStats = {
    overall,
    kinds: Object.fromEntries(
      kinds.map((k) => [k.kind, { kommunen: k.kommunen, relevant: k.relevant, online: k.online }]),
    ) as LandStats["kinds"],
    services: Object.fromEntries(services.map((s) => [s.serviceId, [s.relevant, s.online]])),
  };
  // Written (and audited) only when a figure changed: the job runs every 10 minutes and must not flood the log.
  const [previous] = await tx
    .select({ stats: rolloutLandStats.stats, computedAt: rolloutLandStats.computedAt })
    .from(rolloutLandStats)
    .where(eq(rolloutLandStats.id, "land"));
  if (previous && canonical(previous.stats) === canonical(stats))
    return { computedAt: previous.computedAt, overall, changed: false };
  const now = new Date();
  await tx
    .insert(rolloutLandStats)
    .values({ id: "land", stats, computedAt: now })
    .onConflictDoUpdate({ target: rolloutLandStats.id, set: { stats, computedAt: now } });
  const before = previous?.stats as LandStats | undefined;
  await writeAudit(tx, stateTenantId, actor ?? { userId: null, label: "System" }, {
    action: "rollout.land_stats",
    entityType: "rollout_land_stats",
    before: before ? { relevant: before.overall.relevant, online: before.overall.online } : null,
    after: { kommunen: overall.kommunen, relevant: overall.relevant, online: overall.online },
  });
  return { computedAt: now, overall, changed: true };
}

/** JSON with sorted keys (jsonb does not keep key order). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** What the Land's entries can be filtered by: its Kreise, the Kommunen (for the type-ahead) and the services. */
export async function drilldownOptions(tx: TenantTx) {
  const [kreise, kommunen, services] = [
    await kreiseOfLand(tx),
    await tx.execute<{ id: string; name: string; kreisName: string | null }>(sql`
      select id, name, kreis_name as "kreisName" from tenants where kind <> 'state' order by name, id`),
    await tx.execute<{ id: string; name: string }>(sql`
      select id, name from ozg_services where in_catalogue and municipal_execution order by name, id`),
  ];
  return { kreise: [...kreise], kommunen: [...kommunen], services: [...services] };
}

/**
 * Kreise × the services of one Themenfeld (the state's aggregates, rollout_agg_cells): per cell the responsible pairs
 * and how many are online. "How far is service X in Landkreis Y?" at a glance.
 */
export async function coverageMatrix(tx: TenantTx, themenfeldId: string) {
  const kreise = await kreiseOfLand(tx);
  const cells = await tx.execute<{
    serviceId: string;
    name: string;
    kreisAgs: string | null;
    relevant: number;
    online: number;
  }>(sql`
    select s.id as "serviceId", s.name, c.kreis_ags as "kreisAgs",
           coalesce(c.pairs - c.not_responsible, 0) as relevant, coalesce(c.online, 0) as online
    from ozg_services s
    left join rollout_agg_cells c on c.service_id = s.id and c.tenant_id = (select app_current_tenant())
    where s.themenfeld_id = ${themenfeldId} and s.in_catalogue and s.municipal_execution
    order by s.position, s.id`);
  const services = new Map<
    string,
    { serviceId: string; name: string; cells: Record<string, { relevant: number; online: number }> }
  >();
  for (const c of cells) {
    const row = services.get(c.serviceId) ?? { serviceId: c.serviceId, name: c.name, cells: {} };
    if (c.kreisAgs) row.cells[c.kreisAgs] = { relevant: c.relevant, online: c.online };
    services.set(c.serviceId, row);
  }
  return { kreise: [...kreise], services: [...services.values()] };
}

/**
 * One service's status in every Kommune responsible for it (a pair without a record is "nicht begonnen"), for the
 * state's map of that service by Gemeinde. The same pairs as the entries page shows for the service.
 */
export async function serviceStatusByKommune(tx: TenantTx, serviceId: string) {
  const filter = { serviceId };
  const rows = await tx.execute<{ kommuneId: string; status: RolloutStatus }>(sql`
    select k.id as "kommuneId", coalesce(r.status, 'not_started') as status
    ${drilldownFrom(filter)} and ${drilldownWhere(filter)}`);
  return [...rows];
}

/** The Kreise of the Land (Landkreise and kreisfreie Städte), by name. */
async function kreiseOfLand(tx: TenantTx) {
  return tx.execute<{ kreisAgs: string; name: string }>(sql`
    select distinct kreis_ags as "kreisAgs", kreis_name as name from tenants
    where kind <> 'state' and kreis_ags is not null and kreis_name is not null order by kreis_name`);
}
