// Rollout demo data: the bundled OZG catalogue, the state PMO's fields for a plausible subset of services, and for
// every Kommune a rollout record per responsible service (some far along, some not started), all deterministic
// (a hash of the Kommune's AGS and the OZG-ID, no Math.random) and idempotent (existing rows are left alone).
// Records are written per Kommune in its own tenant transaction with one INSERT … SELECT FROM json_to_recordset.

import { berlinToday } from "@spatz/domain";
import {
  DEFAULT_MATURITY_MODEL,
  defaultCriteria,
  type KommuneKind,
  operatingModels,
  providers,
  type ReuseRoute,
  type RolloutStatus,
} from "@spatz/rollout";
import { and, eq, sql } from "drizzle-orm";
import { type Actor, writeAudit } from "../audit.ts";
import { readBundledCatalogue } from "../bundled-catalogue.ts";
import type { Database } from "../client.ts";
import { STATE_TENANT_ID } from "../constants.ts";
import { refreshRolloutAll } from "../queries/rollout-aggregates.ts";
import { importCatalogue } from "../queries/rollout-catalogue.ts";
import { refreshLandStats } from "../queries/rollout-dashboards.ts";
import { addComment, lockKommuneRecords } from "../queries/rollout-records.ts";
import {
  ozgServices,
  ozgThemenfelder,
  rolloutComments,
  rolloutCostScenarios,
  rolloutOperatingModelScores,
} from "../schema/rollout.ts";
import { tenants } from "../schema/tenants.ts";
import { withTenant } from "../tenant-tx.ts";

/** Imports the bundled catalogue unless a catalogue is there already (a newer upload must not be overwritten). */
export async function seedCatalogue(db: Database, actor: Actor) {
  return withTenant(db, STATE_TENANT_ID, async (tx) => {
    const existing = await tx.$count(ozgServices);
    if (existing > 0) return { imported: false, services: existing };
    const report = await importCatalogue(tx, STATE_TENANT_ID, actor, readBundledCatalogue(), {
      source: "bundled",
      dryRun: false,
    });
    if (!report.applied)
      throw new Error(`bundled catalogue rejected: ${report.rejected.map((p) => p.message).join("; ")}`);
    return { imported: true, services: report.counts.services };
  });
}

/** FNV-1a, then a 32-bit mix: a stable pseudo-random number in [0, 1) for a key. */
export function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

const BOOSTER =
  /wohngeld|baugenehmigung|fahrzeugzulassung|führerschein|wohnsitz|gewerbe|elterngeld|eheschließung|bewohnerpark|hundesteuer|kita|personalausweis/;

/** The state PMO's fields for the demo: about a third of the municipal services offered as EfA services. */
export async function seedDemoServiceInfo(db: Database, actor: Actor): Promise<number> {
  return withTenant(db, STATE_TENANT_ID, async (tx) => {
    const services = await tx
      .select({ id: ozgServices.id, name: ozgServices.name, municipal: ozgServices.municipalExecution })
      .from(ozgServices)
      .where(and(eq(ozgServices.inCatalogue, true), sql`${ozgServices.pmoUpdatedAt} is null`));
    let n = 0;
    for (const s of services) {
      if (!s.municipal) continue;
      const booster = BOOSTER.test(s.name.toLowerCase());
      const efa = unit(`efa:${s.id}`) < (booster ? 0.75 : 0.3);
      if (!efa && !booster) continue;
      const land = providers[Math.floor(unit(`land:${s.id}`) * (providers.length - 1))]!;
      const year = 2021 + Math.floor(unit(`since:${s.id}`) * 4);
      const month = 1 + Math.floor(unit(`month:${s.id}`) * 12);
      await tx
        .update(ozgServices)
        .set({
          efaAvailable: efa,
          efaProvidingLand: efa ? land : null,
          efaSince: efa ? `${year}-${String(month).padStart(2, "0")}-01` : null,
          priority: booster ? "ozg_booster" : unit(`prio:${s.id}`) < 0.5 ? "high" : "medium",
          maturityModel: efa ? DEFAULT_MATURITY_MODEL : null,
          maturityLevel: efa ? (unit(`rg:${s.id}`) < 0.6 ? 3 : 4) : null,
          pmoUpdatedBy: actor.label,
          pmoUpdatedAt: new Date(),
        })
        .where(eq(ozgServices.id, s.id));
      n++;
    }
    if (n > 0)
      await writeAudit(tx, STATE_TENANT_ID, actor, {
        action: "rollout.seed_service_info",
        entityType: "ozg_catalogue",
        after: { services: n },
      });
    return n;
  });
}

type SeedService = { id: string; themenfeld: string; kinds: string[]; efa: boolean; booster: boolean };
type SeedKommune = { id: string; ags: string; kind: KommuneKind; population: number };

const FACHVERFAHREN: Record<string, string> = {
  "Familie & Kind": "Fachverfahren Jugend und Familie",
  "Bauen & Wohnen": "Bauantragsverfahren",
  "Mobilität & Reisen": "Kfz-Zulassungsverfahren",
  "Ein- & Auswanderung": "Ausländerwesen-Verfahren",
  "Unternehmensführung & -entwicklung": "Gewerbeverfahren",
  Gesundheit: "Fachverfahren Gesundheitsamt",
  "Arbeit & Ruhestand": "Sozialverfahren",
  "Engagement & Hobby": "Ordnungsverfahren",
  "Forschung & Förderung": "Fördermittelverfahren",
  Querschnitt: "Einwohnerwesen-Verfahren",
  "Recht & Ordnung": "Ordnungsverfahren",
  "Steuern & Zoll": "Finanzverfahren (Kasse)",
  Umwelt: "Umweltverfahren",
  Bildung: "Schulverwaltungsverfahren",
};

const ROUTES_EFA: [ReuseRoute, number][] = [
  ["efa_marketplace", 0.55],
  ["kitu_inhouse", 0.25],
  ["kommunalvertreter", 0.12],
  ["fit_store", 0.08],
];
const ROUTES_OWN: [ReuseRoute, number][] = [
  ["own_solution", 0.45],
  ["kitu_inhouse", 0.3],
  ["other", 0.15],
  ["fit_store", 0.1],
];

function pick<T>(options: [T, number][], u: number): T {
  let acc = 0;
  for (const [value, weight] of options) {
    acc += weight;
    if (u < acc) return value;
  }
  return options[options.length - 1]![0];
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
  return date.toISOString().slice(0, 10);
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** One plausible record for (Kommune, service); null when the pair stays without a record ("nicht begonnen"). */
export function demoRecord(k: SeedKommune, s: SeedService, today: string) {
  const key = `${k.ags}:${s.id}`;
  // Some Kommunen are far along, some barely started; larger ones a bit further.
  const kommuneFactor =
    0.15 + 0.6 * unit(`k:${k.ags}`) + Math.min(0.15, Math.log10(Math.max(k.population, 1000)) / 40);
  const serviceFactor = (s.efa ? 0.22 : 0) + (s.booster ? 0.1 : 0) - 0.08 * unit(`s:${s.id}`);
  const score = 0.75 * kommuneFactor + serviceFactor + 0.35 * (unit(`r:${key}`) - 0.5);
  if (unit(`nr:${key}`) < 0.015 && !(s.efa && unit(`all:${s.id}`) < 0.12)) {
    return {
      status: "not_responsible" as RolloutStatus,
      notResponsibleSince: addMonths(today, -Math.floor(unit(`d0:${key}`) * 24)),
      note: "Aufgabe per Zweckvereinbarung übertragen (Demo)",
    };
  }
  // A few long-established EfA services are online everywhere ("flächendeckend").
  const everywhere = s.efa && unit(`all:${s.id}`) < 0.12;
  const status: RolloutStatus = everywhere
    ? "online"
    : score > 0.62
      ? "online"
      : score > 0.48
        ? "implementing"
        : score > 0.36
          ? "planning"
          : "not_started";
  if (status === "not_started") return unit(`ns:${key}`) < 0.2 ? { status } : null;
  const route = pick(s.efa ? ROUTES_EFA : ROUTES_OWN, unit(`route:${key}`));
  const interfaceNeeded = unit(`if:${key}`) < 0.4;
  const fachverfahren = interfaceNeeded ? (FACHVERFAHREN[s.themenfeld] ?? "Fachverfahren") : null;
  if (status === "planning") {
    const planningSince = addMonths(today, -Math.floor(1 + unit(`d1:${key}`) * 18));
    return {
      status,
      planningSince,
      reuseRoute: unit(`rp:${key}`) < 0.6 ? route : null,
      plannedOnline: addMonths(today, Math.floor(unit(`d2:${key}`) * 18) - 2),
      interfaceNeeded: interfaceNeeded ? true : null,
      fachverfahren,
    };
  }
  if (status === "implementing") {
    const implementingSince = addMonths(today, -Math.floor(unit(`d3:${key}`) * 26));
    return {
      status,
      planningSince: addMonths(implementingSince, -Math.floor(1 + unit(`d4:${key}`) * 8)),
      implementingSince,
      reuseRoute: route,
      plannedOnline: addMonths(implementingSince, Math.floor(3 + unit(`d5:${key}`) * 12)),
      interfaceNeeded,
      fachverfahren,
      contact: unit(`c:${key}`) < 0.5 ? "Chris Koordination" : null,
    };
  }
  const onlineSince = minDate(addMonths(today, -Math.floor(unit(`d6:${key}`) * 48)), today);
  const implementingSince = addMonths(onlineSince, -Math.floor(2 + unit(`d7:${key}`) * 9));
  return {
    status,
    planningSince: addMonths(implementingSince, -Math.floor(1 + unit(`d8:${key}`) * 6)),
    implementingSince,
    onlineSince,
    reuseRoute: route,
    plannedOnline: addMonths(onlineSince, Math.floor(unit(`d9:${key}`) * 7) - 3),
    interfaceNeeded,
    fachverfahren,
  };
}

/**
 * A record per responsible (Kommune, service) pair where the seed's draw says there is one, for every Kommune that
 * has no rollout record yet. Returns the number of records written.
 */
export async function seedDemoRollout(
  db: Database,
  actor: Actor,
  opts: {
    today?: string;
    /** A record for every responsible pair (pairs the draw leaves empty get "nicht begonnen"): the benchmark's load. */
    everyPair?: boolean;
  } = {},
) {
  const today = opts.today ?? berlinToday();
  const [kommunen, services] = await withTenant(db, STATE_TENANT_ID, async (tx) => [
    await tx
      .select({ id: tenants.id, ags: tenants.ags, kind: tenants.kind, population: tenants.population })
      .from(tenants)
      .where(sql`${tenants.kind} <> 'state'`)
      .orderBy(tenants.ags),
    await tx
      .select({
        id: ozgServices.id,
        name: ozgServices.name,
        themenfeld: ozgThemenfelder.name,
        kinds: ozgServices.responsibleKinds,
        efa: ozgServices.efaAvailable,
        priority: ozgServices.priority,
      })
      .from(ozgServices)
      .innerJoin(ozgThemenfelder, eq(ozgThemenfelder.id, ozgServices.themenfeldId))
      .where(and(eq(ozgServices.inCatalogue, true), eq(ozgServices.municipalExecution, true)))
      .orderBy(ozgServices.position),
  ]);
  const seedServices: SeedService[] = services.map((s) => ({
    id: s.id,
    themenfeld: s.themenfeld,
    kinds: s.kinds,
    efa: s.efa,
    booster: s.priority === "ozg_booster",
  }));
  let written = 0;
  for (const k of kommunen) {
    const kommune: SeedKommune = {
      id: k.id,
      ags: k.ags ?? k.id,
      kind: k.kind as KommuneKind,
      population: k.population ?? 0,
    };
    const rows = seedServices
      .filter((s) => s.kinds.includes(kommune.kind))
      .flatMap((s) => {
        const r = demoRecord(kommune, s, today) ?? (opts.everyPair ? { status: "not_started" } : null);
        return r ? [{ service_id: s.id, ...snake(r) }] : [];
      });
    if (rows.length === 0) continue;
    written += await withTenant(db, k.id, async (tx) => {
      await lockKommuneRecords(tx, k.id);
      const inserted = await tx.execute<{ n: number }>(sql`
        with ins as (
          insert into rollout_records (tenant_id, service_id, status, planning_since, implementing_since, online_since,
            not_responsible_since, reuse_route, planned_online, fachverfahren, interface_needed, contact, note, updated_by)
          select ${k.id}::uuid, x.service_id, x.status, x.planning_since, x.implementing_since, x.online_since,
                 x.not_responsible_since, x.reuse_route, x.planned_online, x.fachverfahren, x.interface_needed, x.contact,
                 x.note, ${actor.label}
          from json_to_recordset(${JSON.stringify(rows)}::json) as x(
            service_id text, status text, planning_since date, implementing_since date, online_since date,
            not_responsible_since date, reuse_route text, planned_online date, fachverfahren text,
            interface_needed boolean, contact text, note text)
          on conflict (tenant_id, service_id) do nothing
          returning 1
        ) select count(*)::int as n from ins`);
      const n = inserted[0]?.n ?? 0;
      if (n > 0)
        await writeAudit(tx, k.id, actor, {
          action: "rollout.seed_demo",
          entityType: "rollout_record",
          after: { records: n },
        });
      return n;
    });
  }
  return written;
}

function snake(r: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(r).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]),
  );
}

const DEMO_SCENARIOS = [
  {
    name: "Vorlage (Berechnungsbeispiel)",
    description: "Die Werte der Vorlage: 575 Dienste, 35 PT, 1.100 €/PT, 20 % Wartung.",
    params: {},
  },
  {
    name: "Katalog (557 Leistungen)",
    description: "Zahl der Dienste aus dem importierten OZG-Katalog statt der 575 der Vorlage.",
    params: { serviceCount: 557 },
  },
  {
    name: "Höherer Tagessatz, Aufteilung nach Diensten",
    description: "1.250 €/PT; Anteil der Kommunen nach Zahl der zuständigen Dienste.",
    params: { dailyRateCents: 125_000, splitRule: "services" },
  },
];

/** Demo scores (0–5) from the seed's pros and cons; the PMO adjusts them. */
const DEMO_SCORES: Record<string, Record<string, number>> = {
  kitu_beitritt: {
    umsetzungsdauer: 5,
    flaechendeckung: 2,
    einfluss_land: 1,
    personalgewinnung: 3,
    laufende_kosten: 4,
    rechtssicherheit: 4,
  },
  ggmbh: {
    umsetzungsdauer: 4,
    flaechendeckung: 4,
    einfluss_land: 4,
    personalgewinnung: 2,
    laufende_kosten: 2,
    rechtssicherheit: 4,
  },
  landes_aoer: {
    umsetzungsdauer: 2,
    flaechendeckung: 5,
    einfluss_land: 5,
    personalgewinnung: 5,
    laufende_kosten: 4,
    rechtssicherheit: 5,
  },
};

/** Scenarios, operating-model scores and a few PMO comments (state tenant); each part only when still missing. */
export async function seedDemoStateData(db: Database, actor: Actor) {
  await withTenant(db, STATE_TENANT_ID, async (tx) => {
    const scenarios = await tx
      .insert(rolloutCostScenarios)
      .values(DEMO_SCENARIOS.map((s) => ({ tenantId: STATE_TENANT_ID, ...s, updatedBy: actor.label })))
      .onConflictDoNothing()
      .returning({ id: rolloutCostScenarios.id, name: rolloutCostScenarios.name });
    const scoresMissing =
      (await tx.$count(rolloutOperatingModelScores)) === 0 && operatingModels.length === 3;
    if (scenarios.length > 0 || scoresMissing)
      await writeAudit(tx, STATE_TENANT_ID, actor, {
        action: "rollout.seed_state_data",
        entityType: "rollout_cost_scenario",
        after: { scenarios: scenarios.map((s) => s.name), operatingModelScores: scoresMissing },
      });
    if (scoresMissing)
      await tx.insert(rolloutOperatingModelScores).values({
        tenantId: STATE_TENANT_ID,
        criteria: defaultCriteria,
        scores: DEMO_SCORES,
        note: "Beispielbewertung aus den Vor- und Nachteilen der Vorlage – vom Landes-PMO anzupassen.",
        updatedBy: actor.label,
      });
    if ((await tx.$count(rolloutComments)) === 0) {
      const stuck = await tx.execute<{ kommuneId: string; serviceId: string }>(sql`
        select r.tenant_id as "kommuneId", r.service_id as "serviceId" from rollout_records r
        join tenants t on t.id = r.tenant_id
        where r.status = 'implementing' and r.implementing_since < current_date - interval '12 months'
        order by t.ags, r.service_id limit 12`);
      for (const s of stuck)
        await addComment(
          tx,
          { tenantId: STATE_TENANT_ID, userId: null, name: "Peter Landes-PMO", role: "state_pmo" },
          actor,
          {
            ...s,
            body: "Die Umsetzung läuft seit über einem Jahr. Gibt es Unterstützungsbedarf, z. B. bei der Schnittstelle zum Fachverfahren? Bitte kurze Rückmeldung.",
          },
        );
    }
    await refreshLandStats(tx, STATE_TENANT_ID, null);
    // The dashboards read the job-maintained aggregates: a fresh start shows them at once, not after the first job.
    await refreshRolloutAll(tx, STATE_TENANT_ID, berlinToday(), { checkDrift: false });
  });
}

/** Everything the rollout module needs for `pnpm start`: catalogue, PMO fields, records, state data, Land stats. */
export async function seedRolloutDemo(db: Database, actorLabel = "Demo-Daten") {
  const actor: Actor = { userId: null, label: actorLabel };
  const catalogue = await seedCatalogue(db, actor);
  if (catalogue.imported) await seedDemoServiceInfo(db, actor);
  const records = await seedDemoRollout(db, actor);
  await seedDemoStateData(db, actor);
  return { catalogueImported: catalogue.imported, services: catalogue.services, records };
}
