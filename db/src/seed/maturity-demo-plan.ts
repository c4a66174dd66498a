// Demo maturity data as plain data ("plans"): org units, measures and strategies of one Kommune. Generated from the
// published model with a seeded random generator, relative to today, so every Kommune shows a different, plausible
// picture (history with steps, open measures on the plan line, targets on track or at risk) that stays the same
// on every run of the same day.
import { addMonths, assess, type MaturityModel, type MeasureInput } from "@spatz/maturity";
import { DEMO_ORG_TREES, gbTree, type SeedOrgUnit } from "./demo-org-units.ts";
import type { Random } from "./random.ts";

export type { SeedOrgUnit };

export type SeedMeasure = {
  title: string;
  description: string;
  /** The unit's path in the tree ("OB/FB 10", "II/53"); null = the whole administration. */
  orgUnit: string | null;
  /** The portfolio project that delivers the measure, linked when the Kommune's portfolio has it. */
  project?: { gb: string; r: string; name: string };
  /** Demo account that is responsible: the coordinator ("cdo") or the project lead ("projekt"). */
  responsible: "cdo" | "projekt" | null;
  status: "planned" | "in_progress" | "completed" | "discarded";
  plannedStart: string | null;
  plannedEnd: string | null;
  completedOn: string | null;
  evidenceText: string | null;
  criterionKeys: string[];
};

export type SeedTarget = { dimensionKey: string; level: number; dueOn: string };

export type SeedStrategy = {
  orgUnit: string | null;
  title: string;
  vision: string;
  goals: string[];
  /** Approved versions, oldest first; the working copy equals the last one unless `working` is given. */
  versions: { approvedOn: string; targets: SeedTarget[] }[];
  working?: SeedTarget[];
};

export type SeedPlan = { orgUnits: SeedOrgUnit[]; measures: SeedMeasure[]; strategies: SeedStrategy[] };

export type KommuneFacts = { slug: string; name: string; kind: string; population: number | null };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function endOfMonth(date: string): string {
  return addDays(addMonths(`${date.slice(0, 8)}01`, 1), -1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** "… Nachweis: Bestellungsschreiben." → "Bestellungsschreiben liegt vor." */
export function evidenceFor(explanation: string, date: string): string {
  const proof = /Nachweis:\s*([^.]+)/.exec(explanation)?.[1]?.trim();
  const [y, m, d] = date.split("-");
  return proof ? `${proof} (Stand ${d}.${m}.${y}).` : `Abschlussvermerk vom ${d}.${m}.${y}.`;
}

type CriterionInfo = {
  key: string;
  title: string;
  explanation: string;
  validityMonths: number | null;
  dimensionKey: string;
  level: number;
};

export function criteriaByDimension(model: MaturityModel): Map<string, CriterionInfo[][]> {
  const result = new Map<string, CriterionInfo[][]>();
  for (const d of model.dimensions) {
    result.set(
      d.key,
      [...d.levels]
        .sort((a, b) => a.level - b.level)
        .map((l) => l.criteria.map((c) => ({ ...c, dimensionKey: d.key, level: l.level }))),
    );
  }
  return result;
}

/**
 * A recurring check (criterion with a validity period): completed every `validityMonths`, renewed a week before the
 * previous completion expires, while the date lies two weeks or more in the past; the next one is open.
 */
export function recurring(
  criterion: CriterionInfo,
  first: string,
  today: string,
  base: Omit<
    SeedMeasure,
    "title" | "status" | "plannedStart" | "plannedEnd" | "completedOn" | "evidenceText" | "criterionKeys"
  >,
  rng?: Random,
  title?: (year: string) => string,
): SeedMeasure[] {
  const months = criterion.validityMonths ?? 12;
  const out: SeedMeasure[] = [];
  let date = first;
  for (let k = 0; k < 20; k++) {
    const name = title ? title(date.slice(0, 4)) : `${criterion.title} (${date.slice(0, 4)})`;
    if (date <= addDays(today, -14)) {
      // Now and then a Kommune lets a yearly check slip: the level drops until it is done again.
      const skipped = rng?.chance(0.08) ?? false;
      if (!skipped) {
        out.push({
          ...base,
          title: name,
          status: "completed",
          plannedStart: addDays(date, -45),
          plannedEnd: date,
          completedOn: date,
          evidenceText: evidenceFor(criterion.explanation, date),
          criterionKeys: [criterion.key],
        });
      }
      date = addDays(addMonths(skipped ? addDays(date, 60) : date, months), -7);
      continue;
    }
    out.push({
      ...base,
      title: name,
      status: date < today ? "in_progress" : "planned",
      plannedStart: addDays(date, -45),
      plannedEnd: date,
      completedOn: null,
      evidenceText: null,
      criterionKeys: [criterion.key],
    });
    break;
  }
  return out;
}

type UnitPlan = { units: SeedOrgUnit[]; byDimension: Record<string, string> };

/** Generic trees by kind of Kommune; `byDimension` names the unit (by path) that owns a dimension's measures. */
const UNITS_BY_KIND: Record<string, UnitPlan> = {
  kreisfreie_stadt: {
    units: [
      { code: "OB", name: "Oberbürgermeister/in", parent: null },
      { code: "FB 10", name: "Fachbereich Steuerung und Digitalisierung", parent: "OB" },
      { code: "FB 11", name: "Fachbereich Personal und Organisation", parent: "OB" },
      { code: "FB 12", name: "Fachbereich IT-Dienste", parent: "OB" },
      { code: "FB 33", name: "Fachbereich Bürgerservice", parent: "OB" },
      { code: "FB 53", name: "Fachbereich Gesundheit (Gesundheitsamt)", parent: "OB" },
    ],
    byDimension: {
      strategie: "OB/FB 10",
      kompetenzen: "OB/FB 11",
      prozesse: "OB/FB 11",
      onlinedienste: "OB/FB 33",
      sicherheit: "OB/FB 12",
      infrastruktur: "OB/FB 12",
      zusammenarbeit: "OB/FB 10",
      daten: "OB/FB 12",
    },
  },
  landkreis: {
    units: [
      { code: "LR", name: "Landrat/Landrätin", parent: null },
      { code: "Dez I", name: "Dezernat I – Zentrale Dienste", parent: "LR" },
      { code: "FD 12", name: "Fachdienst IT und Digitalisierung", parent: "LR/Dez I" },
      { code: "FD 10", name: "Fachdienst Personal und Organisation", parent: "LR/Dez I" },
      { code: "FD 33", name: "Fachdienst Bürgerservice und Zulassung", parent: "LR" },
      { code: "FD 53", name: "Fachdienst Gesundheit (Gesundheitsamt)", parent: "LR" },
    ],
    byDimension: {
      strategie: "LR/Dez I",
      kompetenzen: "LR/Dez I/FD 10",
      prozesse: "LR/Dez I/FD 10",
      onlinedienste: "LR/FD 33",
      sicherheit: "LR/Dez I/FD 12",
      infrastruktur: "LR/Dez I/FD 12",
      zusammenarbeit: "LR/Dez I",
      daten: "LR/Dez I/FD 12",
    },
  },
  gemeinde: {
    units: [
      { code: "BM", name: "Bürgermeister/in", parent: null },
      { code: "HA", name: "Hauptamt", parent: "BM" },
      { code: "OA", name: "Bürger- und Ordnungsamt", parent: "BM" },
      { code: "KA", name: "Kämmerei", parent: "BM" },
      { code: "BA", name: "Bau- und Liegenschaftsamt", parent: "BM" },
    ],
    byDimension: {
      strategie: "BM",
      kompetenzen: "BM/HA",
      prozesse: "BM/HA",
      onlinedienste: "BM/OA",
      sicherheit: "BM/HA",
      infrastruktur: "BM/HA",
      zusammenarbeit: "BM",
      daten: "BM/HA",
    },
  },
};

/** The Kommunen with a demo portfolio keep its tree (demo-org-units.ts): measures go to those units. */
const DIMENSION_OWNERS: Record<string, Record<string, string>> = {
  "halle-saale": {
    strategie: "OB",
    kompetenzen: "I/11",
    prozesse: "I/11",
    onlinedienste: "IV/33",
    sicherheit: "I/12",
    infrastruktur: "I/12",
    zusammenarbeit: "OB",
    daten: "I/12",
  },
  magdeburg: {
    strategie: "OB/01",
    kompetenzen: "I/10",
    prozesse: "I/10",
    onlinedienste: "I/33",
    sicherheit: "I/10",
    infrastruktur: "I/10",
    zusammenarbeit: "OB/01",
    daten: "I/10",
  },
  "dessau-rosslau": {
    strategie: "OB",
    kompetenzen: "OB/10",
    prozesse: "OB/10",
    onlinedienste: "III/33",
    sicherheit: "OB/10",
    infrastruktur: "OB/10",
    zusammenarbeit: "OB",
    daten: "OB/10",
  },
  "landkreis-harz": {
    strategie: "LR",
    kompetenzen: "LR/10",
    prozesse: "LR/10",
    onlinedienste: "II/50",
    sicherheit: "LR/10",
    infrastruktur: "LR/10",
    zusammenarbeit: "LR",
    daten: "LR/10",
  },
};

export function unitsFor(k: Pick<KommuneFacts, "slug" | "kind">): UnitPlan {
  const tree = DEMO_ORG_TREES[k.slug];
  const owners = DIMENSION_OWNERS[k.slug];
  if (tree && owners) return { units: gbTree(tree), byDimension: owners };
  return UNITS_BY_KIND[k.kind] ?? UNITS_BY_KIND.gemeinde!;
}

function baseProfile(k: KommuneFacts): number {
  const size = Math.log10(Math.max(1000, k.population ?? 5000)); // 3 … 5.4
  const byKind = k.kind === "kreisfreie_stadt" ? 0.6 : k.kind === "landkreis" ? 0.5 : 0.25;
  return byKind + (size - 3.5) * 0.12;
}

/**
 * Measures for the criteria of every dimension: all levels up to a random reached level completed over the last
 * years (yearly checks renewed), some of the next level done, the rest open on the plan, a few overdue.
 * `covered` criteria are left out (the caller has its own measures for them).
 */
export function generatedMeasures(
  model: MaturityModel,
  k: KommuneFacts,
  today: string,
  rng: Random,
  opts: { profile?: number; covered?: ReadonlySet<string> } = {},
): { measures: SeedMeasure[]; reached: Map<string, number> } {
  const profile = clamp(opts.profile ?? baseProfile(k) + (rng.next() - 0.5) * 0.5, 0.05, 0.95);
  const units = unitsFor(k);
  const lastDone = addMonths(today, -2);
  const start = addMonths(today, -rng.int(24, 54));
  const measures: SeedMeasure[] = [];
  const reached = new Map<string, number>();
  const who = (): "cdo" | "projekt" => (rng.chance(0.3) ? "projekt" : "cdo");
  for (const [dimensionKey, levels] of criteriaByDimension(model)) {
    const r = clamp(Math.floor(profile * 3.4 + (rng.next() - 0.5) * 1.6), 0, 4);
    reached.set(dimensionKey, r);
    const orgUnit = units.byDimension[dimensionKey] ?? null;
    const spanDays = Math.max(30, (Date.parse(lastDone) - Date.parse(start)) / 86_400_000);
    levels.forEach((criteria, index) => {
      const level = index + 1;
      for (const c of criteria) {
        if (opts.covered?.has(c.key)) continue;
        const base = { description: c.explanation, orgUnit, responsible: who() };
        if (level <= r) {
          const from = Math.floor((spanDays * (level - 1)) / Math.max(r, 1));
          const to = Math.floor((spanDays * level) / Math.max(r, 1));
          const done = addDays(start, rng.int(from, Math.max(from, to - 1)));
          if (c.validityMonths) {
            measures.push(...recurring(c, done, today, base, rng));
          } else {
            measures.push({
              ...base,
              title: c.title,
              status: "completed",
              plannedStart: addMonths(done, -rng.int(2, 8)),
              plannedEnd: addDays(done, rng.int(-20, 40)),
              completedOn: done,
              evidenceText: evidenceFor(c.explanation, done),
              criterionKeys: [c.key],
            });
          }
        } else if (level === r + 1) {
          if (rng.chance(0.35)) {
            const done = addDays(lastDone, -rng.int(0, 300));
            if (c.validityMonths) measures.push(...recurring(c, done, today, base, rng));
            else
              measures.push({
                ...base,
                title: c.title,
                status: "completed",
                plannedStart: addMonths(done, -rng.int(2, 6)),
                plannedEnd: done,
                completedOn: done,
                evidenceText: evidenceFor(c.explanation, done),
                criterionKeys: [c.key],
              });
          } else if (rng.chance(0.85)) {
            const overdue = rng.chance(0.12);
            const end = overdue
              ? addDays(today, -rng.int(20, 100))
              : endOfMonth(addMonths(today, rng.int(1, 20)));
            const startOn = addMonths(end, -rng.int(3, 10));
            measures.push({
              ...base,
              title: c.title,
              status: startOn <= today ? "in_progress" : "planned",
              plannedStart: startOn,
              plannedEnd: end,
              completedOn: null,
              evidenceText: null,
              criterionKeys: [c.key],
            });
          }
        } else if (level === r + 2 && rng.chance(0.25)) {
          const end = endOfMonth(addMonths(today, rng.int(12, 30)));
          measures.push({
            ...base,
            title: c.title,
            status: "planned",
            plannedStart: addMonths(end, -rng.int(4, 12)),
            plannedEnd: end,
            completedOn: null,
            evidenceText: null,
            criterionKeys: [c.key],
          });
        }
      }
    });
  }
  // Now and then a measure was given up (e.g. replaced by a solution of the Land).
  const open = measures.filter((m) => m.status === "planned");
  if (open.length > 0 && rng.chance(0.35)) {
    const m = rng.pick(open);
    const end = addMonths(today, -rng.int(2, 12));
    measures.push({
      ...m,
      title: `${m.title} (Eigenentwicklung)`,
      description: "Verworfen: Das Land stellt eine gemeinsame Lösung zur Nachnutzung bereit.",
      status: "discarded",
      plannedStart: addMonths(end, -6),
      plannedEnd: end,
    });
  }
  return { measures, reached };
}

function shuffle<T>(items: readonly T[], rng: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const GOALS = [
  "Verwaltungsleistungen vollständig online anbieten (OZG)",
  "Medienbruchfreie Prozesse vom Antrag bis zur E-Akte",
  "Mitarbeitende für die digitale Arbeit qualifizieren",
  "Informationssicherheit nach BSI IT-Grundschutz gewährleisten",
  "Lösungen anderer Verwaltungen nachnutzen (Einer für Alle)",
  "Daten als Grundlage für Steuerung und Planung nutzen",
  "Moderne, mobile Arbeitsplätze in allen Dienststellen",
];

/**
 * The whole administration's strategy. Targets are set against the Kommune's own plan: mostly what the plan reaches
 * by the due date (on track), sometimes one level more (at risk), now and then a date already passed.
 */
export function generatedStrategy(
  model: MaturityModel,
  k: KommuneFacts,
  today: string,
  rng: Random,
  measures: SeedMeasure[],
): SeedStrategy {
  const facts: MeasureInput[] = measures.map((m, i) => ({
    id: `m${i}`,
    status: m.status,
    completedOn: m.completedOn,
    plannedEnd: m.plannedEnd,
    criterionKeys: m.criterionKeys,
  }));
  const current = assess(model, facts, today);
  const targets = (shiftMonths: number): SeedTarget[] =>
    model.dimensions.flatMap((d, i) => {
      const now = current.dimensions[i]!.level;
      if (now >= 4 || !rng.chance(0.75)) return [];
      const late = rng.chance(0.08);
      const due = late
        ? endOfMonth(addMonths(today, -rng.int(1, 4)))
        : endOfMonth(addMonths(today, rng.int(6, 30) + shiftMonths));
      // Some targets are reached already (an earlier step of the strategy).
      if (now >= 1 && rng.chance(0.2)) return [{ dimensionKey: d.key, level: now, dueOn: due }];
      const planned = assess(model, facts, due, { mode: "plan" }).dimensions[i]!.level;
      const level = clamp(Math.max(now + 1, planned) + (rng.chance(0.3) ? 1 : 0), 1, 4);
      return [{ dimensionKey: d.key, level, dueOn: due }];
    });
  const firstApproval = addDays(addMonths(today, -rng.int(8, 30)), rng.int(0, 20));
  const versions = [{ approvedOn: firstApproval, targets: targets(-6) }];
  if (rng.chance(0.4)) versions.push({ approvedOn: addDays(today, -rng.int(30, 150)), targets: targets(0) });
  const year = Number(today.slice(0, 4)) + 4;
  const strategy: SeedStrategy = {
    orgUnit: null,
    title: `Digitalisierungsstrategie ${k.name}`,
    vision: `${k.name} ${year}: Unsere Leistungen sind digital, barrierefrei und aus einer Hand erreichbar. Wir arbeiten papierarm, sicher und gemeinsam mit Land und Nachbarkommunen.`,
    goals: shuffle(GOALS, rng).slice(0, rng.int(3, 5)),
    versions,
  };
  // Some Kommunen have changed their targets since the last approval: leadership sees an approval waiting.
  const last = versions.at(-1)!.targets;
  if (last.length > 0 && rng.chance(0.2)) {
    strategy.working = last.map((t, i) => (i === 0 ? { ...t, dueOn: endOfMonth(addMonths(t.dueOn, 3)) } : t));
  }
  return strategy;
}
