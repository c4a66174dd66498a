// What each report is made of, read in one transaction: the Reifegradbericht in the Kommune's own, the Lagebericht
// and the Rollout-Stand in the state's. Figures for a Stichtag in the past come from what was recorded for it: the
// exact engine over the measures' dates (maturity), the month-end benchmark aggregates (peers, distributions), the
// go-lives of the month (rollout); the rollout coverage per status is the nightly aggregate of the day the report is
// made (the report says "Stand der Rollout-Kennzahlen"), and the archive keeps a period's first report unchanged.
import { INDEX_METRIC } from "@spatz/benchmark";
import { berlinToday } from "@spatz/domain";
import type { MaturityModel, MeasureInput, Target } from "@spatz/maturity";
import { computeCosts, kommuneKindLabels } from "@spatz/rollout";
import { eq, sql } from "drizzle-orm";
import { tenants } from "../schema/tenants.ts";
import type { TenantTx } from "../tenant-tx.ts";
import {
  benchmarkCatalogue,
  benchmarkDistribution,
  benchmarkPosition,
  benchmarkSharedKommunen,
  benchmarkTrend,
  type Stichtag,
} from "./benchmark-views.ts";
import { governanceEvidence } from "./governance-evidence.ts";
import { requireModelInUse, scopeUnits } from "./maturity-scope.ts";
import { measuresForAssessment } from "./measures.ts";
import { listOrgUnits } from "./org-units.ts";
import { rolloutStand } from "./rollout-aggregate-views.ts";
import { costData } from "./rollout-costs.ts";
import { coverage, progressByMonth } from "./rollout-dashboards.ts";
import { getStrategyForScope, latestApprovedVersion } from "./strategies.ts";

type Figures =
  | { suppressed: true; reason: string }
  | { suppressed: false; n: number; min: number; p25: number; median: number; p75: number; max: number };

/** The published figures the reports show (the screens' box plot and table), nothing more. */
function groupFigures(f: Figures): Figures {
  return f.suppressed
    ? { suppressed: true, reason: f.reason }
    : { suppressed: false, n: f.n, min: f.min, p25: f.p25, median: f.median, p75: f.p75, max: f.max };
}

/** The benchmark slot of a Stichtag: today's current figures, or the month end recorded for a past day. */
function slotOf(stichtag: string): Stichtag {
  return stichtag >= berlinToday() ? "current" : stichtag;
}

/** Everything the Reifegradbericht of a Kommune (or one org unit) needs, read in the Kommune's transaction. */
export async function reifegradberichtInputs(
  tx: TenantTx,
  tenantId: string,
  orgUnitId: string | null,
  stichtag: string,
) {
  const [tenant] = await tx
    .select({ name: tenants.name, slug: tenants.slug })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  if (!tenant) throw new Error(`tenant ${tenantId} not found`);
  const orgUnitIds = await scopeUnits(tx, orgUnitId);
  const unit = orgUnitId ? (await listOrgUnits(tx)).find((u) => u.id === orgUnitId) : null;
  const inUse = await requireModelInUse(tx);
  const rows = await measuresForAssessment(tx, orgUnitIds);
  // Governance evidence belongs to the whole administration, not to an org unit's report.
  const evidence = orgUnitIds ? [] : await governanceEvidence(tx);
  const strategy = await getStrategyForScope(tx, orgUnitId);
  const approved = strategy ? await latestApprovedVersion(tx, strategy.id) : null;
  const dimensionKeys = new Set(inUse.model.dimensions.map((d) => d.key));
  const targets: Target[] = (approved?.targets ?? []).filter((t) => dimensionKeys.has(t.dimensionKey));
  // The position among all Kommunen, exactly as the Vergleich page shows it (k-anonymous group figures only), for
  // the Stichtag: the current figures today, the month end's for a past month end, none for another past day.
  const catalogue = await benchmarkCatalogue(tx, tenantId);
  const position = catalogue.asOf ? await benchmarkPosition(tx, tenantId, "all", slotOf(stichtag)) : null;
  return {
    kommuneName: tenant.name,
    kommuneSlug: tenant.slug,
    scopeLabel: unit ? unit.name : "gesamte Verwaltung",
    model: inUse.model as MaturityModel,
    measures: rows.map((m) => ({
      id: m.id,
      title: m.title,
      status: m.status as MeasureInput["status"],
      completedOn: m.completedOn,
      plannedEnd: m.plannedEnd,
      criterionKeys: m.criterionKeys,
    })),
    evidence: evidence.map((e) => ({
      id: e.id,
      title: e.title,
      status: e.status,
      completedOn: e.completedOn,
      plannedEnd: e.plannedEnd,
      validUntil: e.validUntil,
      criterionKeys: e.criterionKeys,
    })),
    targets,
    peers: position?.computedAt
      ? {
          groupLabel: position.group.label,
          metrics: position.metrics.map((m) => ({
            label: m.label,
            own: m.own,
            band: m.band?.label ?? null,
            figures: groupFigures(m.figures),
          })),
        }
      : null,
  };
}

/** The day after an ISO date (month ends "before" it then include the Stichtag itself). */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

const BEHIND = 10;

/** The Lagebericht Digitalisierung, read in the state's transaction. */
export async function lageberichtInputs(tx: TenantTx, stateTenantId: string, stichtag: string) {
  const slot = slotOf(stichtag);
  const catalogue = await benchmarkCatalogue(tx, null);
  const all = await benchmarkDistribution(tx, "all", slot);
  const groups = [];
  for (const g of catalogue.groups.filter((g) => g.partition === "kind" || g.partition === "size")) {
    const d = await benchmarkDistribution(tx, g.id, slot);
    const index = d.metrics.find((m) => m.key === INDEX_METRIC);
    if (index) groups.push({ label: g.label, figures: groupFigures(index.figures) });
  }
  const trend = await benchmarkTrend(tx, "all", INDEX_METRIC, dayAfter(stichtag));
  const shared = await benchmarkSharedKommunen(tx, stateTenantId);

  // One read of the coverage for the service, Kreis and cost figures alike.
  const cov = await coverage(tx);
  const kreise = cov.kreise;
  const stand = await rolloutStand(tx);
  const month = stichtag.slice(0, 7);
  const progress = (await progressByMonth(tx)).find((p) => p.month === month);
  const data = await costData(tx, cov);
  const costs = computeCosts(
    { kommunen: data.kommunen },
    { onlineByKommune: data.onlineByKommune, servicesProvided: data.servicesProvided },
  );
  const relevantServices = cov.services.filter((s) => s.relevant > 0);
  return {
    stichtag,
    k: catalogue.k,
    maturity: {
      slotLabel: all.computedAt
        ? all.stichtag.period === "month_end"
          ? `Monatsende ${all.stichtag.date.split("-").reverse().join(".")}`
          : `laufende Werte vom ${all.stichtag.date.split("-").reverse().join(".")}`
        : null,
      all: all.metrics.map((m) => ({ label: m.label, figures: groupFigures(m.figures) })),
      groups,
      trend: trend.points
        .filter((p) => p.stichtag.period === "month_end")
        .slice(-12)
        .map((p) => ({ date: p.stichtag.date, figures: groupFigures(p.figures) })),
      shared: shared.rows.map((r) => ({
        name: r.name,
        kind: r.kindLabel,
        index: r.index,
        stichtag: r.stichtag,
      })),
    },
    rollout: {
      asOf: stand.asOf,
      overall: {
        relevant: cov.overall.relevant,
        online: cov.overall.online,
        share: cov.overall.share,
        services: relevantServices.length,
        nationwide: relevantServices.filter((s) => s.nationwide).length,
        atLeastOne: relevantServices.filter((s) => s.atLeastOne).length,
      },
      kreise: kreise.map((k) => ({
        name: k.name,
        kommunen: k.kommunen,
        relevant: k.relevant,
        online: k.online,
        share: k.share,
      })),
      behind: [...relevantServices]
        .sort(
          (a, b) =>
            (a.share ?? 0) - (b.share ?? 0) || b.relevant - a.relevant || a.name.localeCompare(b.name, "de"),
        )
        .slice(0, BEHIND)
        .map((s) => ({
          name: s.name,
          themenfeld: s.themenfeld,
          relevant: s.relevant,
          online: s.online,
          share: s.share,
        })),
      goLives: { month, actual: progress?.actual ?? 0, planned: progress?.planned ?? 0 },
    },
    costs: {
      personDays: costs.totalPersonDays,
      oneOffCents: costs.oneOffCents,
      perYearCents: costs.maintenancePerYearCents,
      landOneOffCents: costs.land.oneOffCents,
      kommunenCents: costs.kommunen.totalCents,
      remainingOneOffCents: costs.remaining?.totalOneOffCents ?? null,
    },
  };
}

/** The Landkreise a Rollout-Stand is made for: their Kreis AGS and name. */
export async function landkreise(tx: TenantTx) {
  const rows = await tx.execute<{ kreisAgs: string; name: string; tenantId: string }>(sql`
    select kreis_ags as "kreisAgs", name, id as "tenantId" from tenants
    where kind = 'landkreis' and kreis_ags is not null order by kreis_ags`);
  return [...rows];
}

type StatusRow = {
  name: string;
  pairs: number;
  planning: number;
  implementing: number;
  online: number;
  notResponsible: number;
};

function counts(r: StatusRow) {
  return {
    relevant: r.pairs - r.notResponsible,
    online: r.online,
    implementing: r.implementing,
    planning: r.planning,
    notStarted: r.pairs - r.notResponsible - r.online - r.implementing - r.planning,
  };
}

/** The Rollout-Stand of one Kreis, read in the state's transaction from the rollout aggregates. */
export async function rolloutStandInputs(tx: TenantTx, kreisAgs: string, stichtag: string) {
  const [kreis] = await tx.execute<{ name: string }>(sql`
    select name from tenants where kind = 'landkreis' and kreis_ags = ${kreisAgs}`);
  if (!kreis) throw new Error(`no Landkreis with AGS ${kreisAgs}`);
  const kommunen = await tx.execute<StatusRow & { kind: keyof typeof kommuneKindLabels }>(sql`
    select t.name, t.kind, coalesce(a.pairs, 0) as pairs, coalesce(a.planning, 0) as planning,
           coalesce(a.implementing, 0) as implementing, coalesce(a.online, 0) as online,
           coalesce(a.not_responsible, 0) as "notResponsible"
    from tenants t
    left join rollout_agg_kommunen a on a.kommune_id = t.id and a.tenant_id = (select app_current_tenant())
    where t.kind <> 'state' and t.kreis_ags = ${kreisAgs}
    order by t.kind = 'landkreis' desc, t.name, t.id`);
  const services = await tx.execute<StatusRow & { themenfeld: string }>(sql`
    select s.name, f.name as themenfeld, c.pairs, c.planning, c.implementing, c.online,
           c.not_responsible as "notResponsible"
    from rollout_agg_cells c
    join ozg_services s on s.id = c.service_id
    join ozg_themenfelder f on f.id = s.themenfeld_id
    where c.tenant_id = (select app_current_tenant()) and c.kreis_ags = ${kreisAgs}
      and c.pairs > c.not_responsible
    order by s.position, s.id`);
  const stand = await rolloutStand(tx);
  return {
    stichtag,
    kreisAgs,
    kreisName: kreis.name,
    asOf: stand.asOf,
    kommunen: kommunen.map((k) => ({
      name: k.name,
      kind: kommuneKindLabels[k.kind] ?? k.kind,
      ...counts(k),
    })),
    services: services.map((s) => ({ name: s.name, themenfeld: s.themenfeld, ...counts(s) })),
  };
}
