// The state's OZG catalogue: import (bundled seed files or a newer upload) without losing the PMO's fields, listing,
// and the PMO's edits (EfA availability, priority, maturity, notes; correction of the derived responsibility).
// Writes succeed only in a state transaction (RLS); the routers also restrict them to state roles.
import {
  type CatalogueProblem,
  type CatalogueSources,
  type DerivedResponsibility,
  deriveAllResponsibilities,
  type KommuneKind,
  normalizeKinds,
  parseCatalogue,
  type ResponsibilityInput,
  type ServiceInfoInput,
} from "@spatz/rollout";
import { and, asc, count, eq, ilike, isNotNull, isNull, notInArray, or, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { ozgLagen, ozgLeika, ozgServices, ozgThemenfelder } from "../schema/rollout.ts";
import type { TenantTx } from "../tenant-tx.ts";

export type ServiceRef = { id: string; name: string };

export type CatalogueImportReport = {
  applied: boolean;
  dryRun: boolean;
  source: "bundled" | "upload";
  counts: { themenfelder: number; lagen: number; services: number; leika: number };
  /** Rows left out of the catalogue: any of them blocks the import (all or nothing). */
  rejected: CatalogueProblem[];
  /** Rows kept with a remark. */
  warnings: CatalogueProblem[];
  changes: {
    added: ServiceRef[];
    removed: ServiceRef[];
    renamed: (ServiceRef & { before: string })[];
    moved: (ServiceRef & { beforeLage: string; afterLage: string })[];
    /** Effective responsibility changed because the derivation changed (services without a PMO correction). */
    responsibilityChanged: (ServiceRef & { before: string; after: string })[];
    /** Services whose PMO correction stays in force although the derivation changed. */
    overrideKept: ServiceRef[];
    /** Services with PMO fields (EfA, priority, maturity, notes) that the import left untouched. */
    pmoFieldsKept: number;
  };
};

function kindsText(municipal: boolean, kinds: readonly string[]): string {
  return municipal ? `kommunal: ${kinds.join(", ")}` : "nicht kommunal";
}

/**
 * Parses and (unless `dryRun` or any row is rejected) applies a catalogue. Applying upserts Themenfelder, Lagen and
 * services by id, marks the ones missing from the file as no longer in the catalogue (records keep their reference),
 * replaces the LeiKa rows, re-derives the responsibility and recomputes the effective values where the PMO has not
 * corrected them. The PMO's fields are never written here.
 */
export async function importCatalogue(
  tx: TenantTx,
  stateTenantId: string,
  actor: Actor,
  sources: CatalogueSources,
  opts: { source: "bundled" | "upload"; dryRun: boolean },
): Promise<CatalogueImportReport> {
  const { catalogue, problems } = parseCatalogue(sources);
  const rejected = problems.filter((p) => p.rejected);
  const warnings = problems.filter((p) => !p.rejected);
  const derived = deriveAllResponsibilities(catalogue);

  const current = await tx
    .select({
      id: ozgServices.id,
      name: ozgServices.name,
      lageId: ozgServices.lageId,
      inCatalogue: ozgServices.inCatalogue,
      municipal: ozgServices.municipalExecution,
      kinds: ozgServices.responsibleKinds,
      overridden: sql<boolean>`${ozgServices.overrideMunicipal} is not null`,
      derivedMunicipal: ozgServices.derivedMunicipal,
      derivedKinds: ozgServices.derivedKinds,
      pmoFields: sql<boolean>`(${ozgServices.efaAvailable} or ${ozgServices.priority} is not null or ${ozgServices.maturityLevel} is not null or ${ozgServices.notes} is not null)`,
    })
    .from(ozgServices);
  const lageNames = new Map(
    (await tx.select({ id: ozgLagen.id, name: ozgLagen.name }).from(ozgLagen)).map((l) => [l.id, l.name]),
  );
  for (const l of catalogue.lagen) if (!lageNames.has(l.id)) lageNames.set(l.id, l.name);
  const byId = new Map(current.map((s) => [s.id, s]));
  const inFile = new Set(catalogue.services.map((s) => s.id));

  const changes: CatalogueImportReport["changes"] = {
    added: [],
    removed: current
      .filter((s) => s.inCatalogue && !inFile.has(s.id))
      .map((s) => ({ id: s.id, name: s.name })),
    renamed: [],
    moved: [],
    responsibilityChanged: [],
    overrideKept: [],
    pmoFieldsKept: current.filter((s) => s.pmoFields).length,
  };
  for (const s of catalogue.services) {
    const before = byId.get(s.id);
    const d = derived.get(s.id)!;
    if (!before) {
      changes.added.push({ id: s.id, name: s.name });
      continue;
    }
    if (before.name !== s.name) changes.renamed.push({ id: s.id, name: s.name, before: before.name });
    if (before.lageId !== s.lageId)
      changes.moved.push({
        id: s.id,
        name: s.name,
        beforeLage: lageNames.get(before.lageId) ?? before.lageId,
        afterLage: s.lage,
      });
    const derivationChanged =
      before.derivedMunicipal !== d.municipalExecution ||
      before.derivedKinds.join(",") !== d.responsibleKinds.join(",");
    if (derivationChanged && before.overridden) changes.overrideKept.push({ id: s.id, name: s.name });
    else if (derivationChanged)
      changes.responsibilityChanged.push({
        id: s.id,
        name: s.name,
        before: kindsText(before.municipal, before.kinds),
        after: kindsText(d.municipalExecution, d.responsibleKinds),
      });
  }

  const report: CatalogueImportReport = {
    applied: false,
    dryRun: opts.dryRun,
    source: opts.source,
    counts: {
      themenfelder: catalogue.themenfelder.length,
      lagen: catalogue.lagen.length,
      services: catalogue.services.length,
      leika: catalogue.leika.length,
    },
    rejected,
    warnings,
    changes,
  };
  if (opts.dryRun || rejected.length > 0) return report;
  if (catalogue.services.length === 0) {
    report.rejected = [
      {
        file: "ozg_leistungen.csv",
        line: 0,
        message: "Die Datei enthält keine OZG-Leistung.",
        rejected: true,
      },
    ];
    return report;
  }

  const now = new Date();
  await tx
    .insert(ozgThemenfelder)
    .values(
      catalogue.themenfelder.map((t, i) => ({ id: t.id, name: t.name, position: i, inCatalogue: true })),
    )
    .onConflictDoUpdate({
      target: ozgThemenfelder.id,
      set: { name: sql`excluded.name`, position: sql`excluded.position`, inCatalogue: true },
    });
  await tx
    .update(ozgThemenfelder)
    .set({ inCatalogue: false })
    .where(
      notInArray(
        ozgThemenfelder.id,
        catalogue.themenfelder.map((t) => t.id),
      ),
    );
  await tx
    .insert(ozgLagen)
    .values(
      catalogue.lagen.map((l, i) => ({
        id: l.id,
        name: l.name,
        themenfeldId: l.themenfeldId,
        position: i,
        inCatalogue: true,
      })),
    )
    .onConflictDoUpdate({
      target: ozgLagen.id,
      set: {
        name: sql`excluded.name`,
        themenfeldId: sql`excluded.themenfeld_id`,
        position: sql`excluded.position`,
        inCatalogue: true,
      },
    });
  await tx
    .update(ozgLagen)
    .set({ inCatalogue: false })
    .where(
      notInArray(
        ozgLagen.id,
        catalogue.lagen.map((l) => l.id),
      ),
    );

  const typesByService = new Map<string, Set<string>>();
  for (const row of catalogue.leika) {
    if (!row.ozgId) continue;
    const set = typesByService.get(row.ozgId) ?? new Set<string>();
    for (const t of row.types) set.add(t);
    typesByService.set(row.ozgId, set);
  }
  const rows = catalogue.services.map((s, i) => {
    const d = derived.get(s.id) as DerivedResponsibility;
    return {
      id: s.id,
      name: s.name,
      lageId: s.lageId,
      themenfeldId: s.themenfeldId,
      position: i,
      inCatalogue: true,
      leikaTypes: d.leikaTypes,
      catalogueUpdatedAt: now,
      derivedMunicipal: d.municipalExecution,
      derivedKinds: d.responsibleKinds,
      derivedReason: d.reason,
      derivedRuleId: d.ruleId,
      municipalExecution: d.municipalExecution,
      responsibleKinds: d.responsibleKinds,
    };
  });
  // Catalogue and derived columns only: the PMO's fields and correction are not in the SET list, so they survive.
  await tx
    .insert(ozgServices)
    .values(rows)
    .onConflictDoUpdate({
      target: ozgServices.id,
      set: {
        name: sql`excluded.name`,
        lageId: sql`excluded.lage_id`,
        themenfeldId: sql`excluded.themenfeld_id`,
        position: sql`excluded.position`,
        inCatalogue: true,
        leikaTypes: sql`excluded.leika_types`,
        catalogueUpdatedAt: sql`excluded.catalogue_updated_at`,
        derivedMunicipal: sql`excluded.derived_municipal`,
        derivedKinds: sql`excluded.derived_kinds`,
        derivedReason: sql`excluded.derived_reason`,
        derivedRuleId: sql`excluded.derived_rule_id`,
        municipalExecution: sql`case when ${ozgServices.overrideMunicipal} is null then excluded.derived_municipal else ${ozgServices.overrideMunicipal} end`,
        responsibleKinds: sql`case when ${ozgServices.overrideMunicipal} is null then excluded.derived_kinds else ${ozgServices.overrideKinds} end`,
      },
    });
  await tx
    .update(ozgServices)
    .set({ inCatalogue: false })
    .where(notInArray(ozgServices.id, [...inFile]));

  await tx.delete(ozgLeika);
  const leikaRows = catalogue.leika.map((r) => ({
    leikaKey: r.id,
    name: r.name,
    type: r.type,
    types: r.types,
    serviceId: r.ozgId,
  }));
  for (let i = 0; i < leikaRows.length; i += 2000)
    await tx.insert(ozgLeika).values(leikaRows.slice(i, i + 2000));

  await writeAudit(tx, stateTenantId, actor, {
    action: "rollout.catalogue_import",
    entityType: "ozg_catalogue",
    after: {
      source: opts.source,
      counts: report.counts,
      added: changes.added.length,
      removed: changes.removed.map((s) => s.id),
      renamed: changes.renamed.map((s) => s.id),
      moved: changes.moved.map((s) => s.id),
      responsibilityChanged: changes.responsibilityChanged.map((s) => s.id),
      overrideKept: changes.overrideKept.map((s) => s.id),
      warnings: warnings.length,
    },
  });
  report.applied = true;
  return report;
}

export async function catalogueFacets(tx: TenantTx) {
  const [themenfelder, lagen, [stats]] = await Promise.all([
    tx
      .select({ id: ozgThemenfelder.id, name: ozgThemenfelder.name })
      .from(ozgThemenfelder)
      .where(eq(ozgThemenfelder.inCatalogue, true))
      .orderBy(asc(ozgThemenfelder.position)),
    tx
      .select({ id: ozgLagen.id, name: ozgLagen.name, themenfeldId: ozgLagen.themenfeldId })
      .from(ozgLagen)
      .where(eq(ozgLagen.inCatalogue, true))
      .orderBy(asc(ozgLagen.position)),
    tx
      .select({
        services: count(),
        municipal: sql<number>`count(*) filter (where ${ozgServices.municipalExecution})::int`,
        efa: sql<number>`count(*) filter (where ${ozgServices.efaAvailable})::int`,
        corrected: sql<number>`count(*) filter (where ${ozgServices.overrideMunicipal} is not null)::int`,
        updatedAt: sql<string | null>`max(${ozgServices.catalogueUpdatedAt})`,
      })
      .from(ozgServices)
      .where(eq(ozgServices.inCatalogue, true)),
  ]);
  return {
    themenfelder,
    lagen,
    stats: {
      services: stats?.services ?? 0,
      municipal: stats?.municipal ?? 0,
      efa: stats?.efa ?? 0,
      corrected: stats?.corrected ?? 0,
      updatedAt: stats?.updatedAt ? new Date(stats.updatedAt) : null,
    },
  };
}

export type ServiceListFilter = {
  search?: string;
  themenfeldId?: string;
  lageId?: string;
  municipal?: boolean;
  kind?: KommuneKind;
  efaAvailable?: boolean;
  priority?: string;
  corrected?: boolean;
  includeRetired?: boolean;
  page: number;
  pageSize: number;
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const serviceColumns = {
  id: ozgServices.id,
  name: ozgServices.name,
  themenfeldId: ozgServices.themenfeldId,
  themenfeld: ozgThemenfelder.name,
  lageId: ozgServices.lageId,
  lage: ozgLagen.name,
  inCatalogue: ozgServices.inCatalogue,
  leikaTypes: ozgServices.leikaTypes,
  municipalExecution: ozgServices.municipalExecution,
  responsibleKinds: ozgServices.responsibleKinds,
  derivedMunicipal: ozgServices.derivedMunicipal,
  derivedKinds: ozgServices.derivedKinds,
  derivedReason: ozgServices.derivedReason,
  derivedRuleId: ozgServices.derivedRuleId,
  overrideMunicipal: ozgServices.overrideMunicipal,
  overrideKinds: ozgServices.overrideKinds,
  overrideReason: ozgServices.overrideReason,
  overrideBy: ozgServices.overrideBy,
  overrideAt: ozgServices.overrideAt,
  efaAvailable: ozgServices.efaAvailable,
  efaProvidingLand: ozgServices.efaProvidingLand,
  efaSince: ozgServices.efaSince,
  priority: ozgServices.priority,
  maturityModel: ozgServices.maturityModel,
  maturityLevel: ozgServices.maturityLevel,
  notes: ozgServices.notes,
  pmoUpdatedBy: ozgServices.pmoUpdatedBy,
  pmoUpdatedAt: ozgServices.pmoUpdatedAt,
};

export async function listServices(tx: TenantTx, f: ServiceListFilter) {
  const search = f.search?.trim();
  const where = and(
    f.includeRetired ? undefined : eq(ozgServices.inCatalogue, true),
    search ? or(ilike(ozgServices.name, `%${escapeLike(search)}%`), eq(ozgServices.id, search)) : undefined,
    f.themenfeldId ? eq(ozgServices.themenfeldId, f.themenfeldId) : undefined,
    f.lageId ? eq(ozgServices.lageId, f.lageId) : undefined,
    f.municipal === undefined ? undefined : eq(ozgServices.municipalExecution, f.municipal),
    f.kind ? sql`${f.kind} = any(${ozgServices.responsibleKinds})` : undefined,
    f.efaAvailable === undefined ? undefined : eq(ozgServices.efaAvailable, f.efaAvailable),
    f.priority ? eq(ozgServices.priority, f.priority as "ozg_booster") : undefined,
    f.corrected === undefined
      ? undefined
      : f.corrected
        ? isNotNull(ozgServices.overrideMunicipal)
        : isNull(ozgServices.overrideMunicipal),
  );
  const [items, [total]] = await Promise.all([
    tx
      .select(serviceColumns)
      .from(ozgServices)
      .innerJoin(ozgThemenfelder, eq(ozgThemenfelder.id, ozgServices.themenfeldId))
      .innerJoin(ozgLagen, eq(ozgLagen.id, ozgServices.lageId))
      .where(where)
      .orderBy(asc(ozgServices.position), asc(ozgServices.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    tx.select({ n: count() }).from(ozgServices).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
}

export async function getService(tx: TenantTx, id: string) {
  const [service] = await tx
    .select(serviceColumns)
    .from(ozgServices)
    .innerJoin(ozgThemenfelder, eq(ozgThemenfelder.id, ozgServices.themenfeldId))
    .innerJoin(ozgLagen, eq(ozgLagen.id, ozgServices.lageId))
    .where(eq(ozgServices.id, id));
  if (!service) return null;
  const leika = await tx
    .select({ key: ozgLeika.leikaKey, name: ozgLeika.name, type: ozgLeika.type })
    .from(ozgLeika)
    .where(eq(ozgLeika.serviceId, id))
    .orderBy(asc(ozgLeika.id));
  return { ...service, leika };
}

/** The PMO's fields of one service; null when the service does not exist. */
export async function updateServiceInfo(
  tx: TenantTx,
  stateTenantId: string,
  actor: Actor,
  input: ServiceInfoInput,
) {
  const before = await getService(tx, input.serviceId);
  if (!before) return null;
  const { serviceId, ...fields } = input;
  const [row] = await tx
    .update(ozgServices)
    .set({ ...fields, pmoUpdatedBy: actor.label, pmoUpdatedAt: new Date() })
    .where(eq(ozgServices.id, serviceId))
    .returning(serviceColumnsPlain());
  await writeAudit(tx, stateTenantId, actor, {
    action: "rollout.service_info",
    entityType: "ozg_service",
    entityId: serviceId,
    before: pick(before, Object.keys(fields)),
    after: fields,
  });
  return row!;
}

function serviceColumnsPlain() {
  const { themenfeld: _t, lage: _l, ...plain } = serviceColumns;
  return plain;
}

function pick(obj: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, obj[k]]));
}

/** Sets or removes the PMO's correction of the responsibility; the effective values follow at once. */
export async function correctResponsibility(
  tx: TenantTx,
  stateTenantId: string,
  actor: Actor,
  input: ResponsibilityInput,
) {
  const before = await getService(tx, input.serviceId);
  if (!before) return null;
  const set =
    input.mode === "derived"
      ? {
          overrideMunicipal: null,
          overrideKinds: null,
          overrideReason: null,
          overrideBy: actor.label,
          overrideAt: new Date(),
          municipalExecution: before.derivedMunicipal,
          responsibleKinds: before.derivedKinds,
        }
      : {
          overrideMunicipal: input.municipal,
          overrideKinds: normalizeKinds(input.kinds),
          overrideReason: input.reason,
          overrideBy: actor.label,
          overrideAt: new Date(),
          municipalExecution: input.municipal,
          responsibleKinds: normalizeKinds(input.kinds),
        };
  const [row] = await tx
    .update(ozgServices)
    .set(set)
    .where(eq(ozgServices.id, input.serviceId))
    .returning(serviceColumnsPlain());
  await writeAudit(tx, stateTenantId, actor, {
    action: input.mode === "derived" ? "rollout.responsibility_reset" : "rollout.responsibility_correct",
    entityType: "ozg_service",
    entityId: input.serviceId,
    before: {
      municipal: before.municipalExecution,
      kinds: before.responsibleKinds,
      reason: before.overrideReason,
    },
    after: { municipal: set.municipalExecution, kinds: set.responsibleKinds, reason: set.overrideReason },
  });
  return row!;
}

/** Services of the catalogue a Kommune of `kind` is responsible for (ids). */
export async function responsibleServiceIds(tx: TenantTx, kind: KommuneKind): Promise<string[]> {
  const rows = await tx
    .select({ id: ozgServices.id })
    .from(ozgServices)
    .where(
      and(
        eq(ozgServices.inCatalogue, true),
        eq(ozgServices.municipalExecution, true),
        sql`${kind} = any(${ozgServices.responsibleKinds})`,
      ),
    )
    .orderBy(asc(ozgServices.position));
  return rows.map((r) => r.id);
}
