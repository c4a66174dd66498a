/**
 * Coverage of online services across the Kommunen: the pure reference implementation. The server computes the
 * same figures in SQL and tests compare both, so the definitions here are the contract:
 *
 * - A Kommune is *relevant* for a service when its kind is in the service's `responsibleKinds` and its record for
 *   the service does not say "not_responsible". A missing record counts as "not_started".
 * - Per service: `relevant` Kommunen, `online` of them (status "online"), `share = online / relevant` (null when
 *   relevant = 0), `nationwide` ("flächendeckend": relevant > 0 and every relevant Kommune online), `atLeastOne`
 *   (online in at least one Kommune).
 * - Per Kommune: its relevant services and how many are online; per Kreis (the Landkreis' own tenant plus the
 *   Einheits- and Verbandsgemeinden with its `kreisAgs`; a kreisfreie Stadt is its own Kreis) and overall: the sums
 *   of those (Kommune, service) pairs.
 * - Records for unknown Kommunen or services, duplicates (same Kommune and service; the first one counts) and
 *   records of a non-responsible kind with a status other than "not_responsible" are left out and listed in
 *   `ignoredRecords`.
 */
import { type KommuneKind, kommuneKinds } from "./kinds.ts";
import { type RolloutStatus, rolloutStatuses } from "./status.ts";

export interface CoverageService {
  id: string;
  /** Empty when the service is not municipal. */
  responsibleKinds: readonly KommuneKind[];
}

export interface CoverageKommune {
  id: string;
  kind: KommuneKind;
  /** 5-digit AGS of the Kreis the Kommune belongs to (its own for Landkreise and kreisfreie Städte). */
  kreisAgs: string;
  population: number;
}

export interface CoverageRecord {
  tenantId: string;
  serviceId: string;
  status: RolloutStatus;
}

export type StatusCounts = Record<RolloutStatus, number>;

export interface Ratio {
  relevant: number;
  online: number;
  /** online / relevant; null when relevant = 0. */
  share: number | null;
}

export interface ServiceCoverage extends Ratio {
  serviceId: string;
  /** flächendeckend: relevant > 0 and online = relevant. */
  nationwide: boolean;
  /** in mindestens einer Kommune online. */
  atLeastOne: boolean;
  /** Kommunen of a responsible kind per status (missing records as not_started). */
  byStatus: StatusCounts;
  populationRelevant: number;
  populationOnline: number;
}

export interface KommuneCoverage extends Ratio {
  kommuneId: string;
  kind: KommuneKind;
  kreisAgs: string;
  byStatus: StatusCounts;
}

export interface KreisCoverage extends Ratio {
  kreisAgs: string;
  /** Tenant id of the Landkreis or kreisfreie Stadt itself, if it is among the Kommunen. */
  kreisKommuneId: string | null;
  kommunen: number;
}

export interface KindCoverage extends Ratio {
  kind: KommuneKind;
  kommunen: number;
}

export interface OverallCoverage extends Ratio {
  kommunen: number;
  /** Services with at least one relevant Kommune. */
  services: number;
  servicesNationwide: number;
  servicesAtLeastOne: number;
  byStatus: StatusCounts;
}

export interface IgnoredRecord {
  tenantId: string;
  serviceId: string;
  reason: "unknown_kommune" | "unknown_service" | "duplicate" | "kind_not_responsible";
}

export const ignoredRecordReasonLabels: Readonly<Record<IgnoredRecord["reason"], string>> = {
  unknown_kommune: "unbekannte Kommune",
  unknown_service: "unbekannte OZG-Leistung",
  duplicate: "doppelter Eintrag",
  kind_not_responsible: "Kommunenart ist für die Leistung nicht zuständig",
};

export interface CoverageResult {
  services: ServiceCoverage[];
  kommunen: KommuneCoverage[];
  kreise: KreisCoverage[];
  kinds: KindCoverage[];
  overall: OverallCoverage;
  ignoredRecords: IgnoredRecord[];
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(rolloutStatuses.map((s) => [s, 0])) as StatusCounts;
}

function ratio(relevant: number, online: number): Ratio {
  return { relevant, online, share: relevant === 0 ? null : online / relevant };
}

export function computeCoverage(
  services: readonly CoverageService[],
  kommunen: readonly CoverageKommune[],
  records: readonly CoverageRecord[],
): CoverageResult {
  const kommuneById = new Map(kommunen.map((k) => [k.id, k]));
  const serviceById = new Map(services.map((s) => [s.id, s]));
  /** status per service id, then per Kommune id */
  const statusOf = new Map<string, Map<string, RolloutStatus>>(services.map((s) => [s.id, new Map()]));
  const ignoredRecords: IgnoredRecord[] = [];
  const ignore = (r: CoverageRecord, reason: IgnoredRecord["reason"]) =>
    ignoredRecords.push({ tenantId: r.tenantId, serviceId: r.serviceId, reason });
  for (const r of records) {
    const kommune = kommuneById.get(r.tenantId);
    const service = serviceById.get(r.serviceId);
    if (!kommune) ignore(r, "unknown_kommune");
    else if (!service) ignore(r, "unknown_service");
    else {
      const byKommune = statusOf.get(service.id)!;
      if (byKommune.has(kommune.id)) ignore(r, "duplicate");
      else {
        byKommune.set(kommune.id, r.status);
        if (!service.responsibleKinds.includes(kommune.kind) && r.status !== "not_responsible")
          ignore(r, "kind_not_responsible");
      }
    }
  }

  const accs = kommunen.map(() => ({ relevant: 0, online: 0, byStatus: emptyCounts() }));
  const serviceRows: ServiceCoverage[] = [];
  for (const service of services) {
    const byStatus = emptyCounts();
    let relevant = 0;
    let online = 0;
    let populationRelevant = 0;
    let populationOnline = 0;
    const statuses = statusOf.get(service.id)!;
    for (let i = 0; i < kommunen.length; i++) {
      const kommune = kommunen[i]!;
      if (!service.responsibleKinds.includes(kommune.kind)) continue;
      const status = statuses.get(kommune.id) ?? "not_started";
      byStatus[status]++;
      const acc = accs[i]!;
      acc.byStatus[status]++;
      if (status === "not_responsible") continue;
      relevant++;
      acc.relevant++;
      populationRelevant += kommune.population;
      if (status === "online") {
        online++;
        acc.online++;
        populationOnline += kommune.population;
      }
    }
    serviceRows.push({
      serviceId: service.id,
      ...ratio(relevant, online),
      nationwide: relevant > 0 && online === relevant,
      atLeastOne: online > 0,
      byStatus,
      populationRelevant,
      populationOnline,
    });
  }

  const kommuneRows: KommuneCoverage[] = kommunen.map((k, i) => {
    const acc = accs[i]!;
    return {
      kommuneId: k.id,
      kind: k.kind,
      kreisAgs: k.kreisAgs,
      ...ratio(acc.relevant, acc.online),
      byStatus: acc.byStatus,
    };
  });

  const kreisMap = new Map<
    string,
    { relevant: number; online: number; kommunen: number; self: string | null }
  >();
  for (const row of kommuneRows) {
    const acc = kreisMap.get(row.kreisAgs) ?? { relevant: 0, online: 0, kommunen: 0, self: null };
    acc.relevant += row.relevant;
    acc.online += row.online;
    acc.kommunen++;
    if (row.kind === "landkreis" || row.kind === "kreisfreie_stadt") acc.self = row.kommuneId;
    kreisMap.set(row.kreisAgs, acc);
  }
  const kreise: KreisCoverage[] = [...kreisMap.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([kreisAgs, acc]) => ({
      kreisAgs,
      kreisKommuneId: acc.self,
      kommunen: acc.kommunen,
      ...ratio(acc.relevant, acc.online),
    }));

  const kinds: KindCoverage[] = kommuneKinds.map((kind) => {
    const rows = kommuneRows.filter((r) => r.kind === kind);
    return {
      kind,
      kommunen: rows.length,
      ...ratio(
        rows.reduce((s, r) => s + r.relevant, 0),
        rows.reduce((s, r) => s + r.online, 0),
      ),
    };
  });

  const overallByStatus = emptyCounts();
  for (const row of serviceRows) for (const s of rolloutStatuses) overallByStatus[s] += row.byStatus[s];
  const overall: OverallCoverage = {
    kommunen: kommunen.length,
    services: serviceRows.filter((s) => s.relevant > 0).length,
    servicesNationwide: serviceRows.filter((s) => s.nationwide).length,
    servicesAtLeastOne: serviceRows.filter((s) => s.atLeastOne).length,
    ...ratio(
      kommuneRows.reduce((s, r) => s + r.relevant, 0),
      kommuneRows.reduce((s, r) => s + r.online, 0),
    ),
    byStatus: overallByStatus,
  };

  return { services: serviceRows, kommunen: kommuneRows, kreise, kinds, overall, ignoredRecords };
}

/** Number of records with status "online" per Kommune, e.g. as `RolloutState.onlineByKommune` for the cost model. */
export function onlineCountsByKommune(coverage: Pick<CoverageResult, "kommunen">): Record<string, number> {
  return Object.fromEntries(coverage.kommunen.map((k) => [k.kommuneId, k.online]));
}
