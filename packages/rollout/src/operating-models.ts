/**
 * The seed's three operating models ("Umsetzungsvarianten", goal: an inhouse-capable legal person, injuP) with
 * their advantages and disadvantages verbatim, default weighted criteria and a weighted scoring.
 */

export const operatingModelGoal = "Ziel: Inhousefähige juristische Person (injuP)";

export const operatingModelIds = ["kitu_beitritt", "ggmbh", "landes_aoer"] as const;
export type OperatingModelId = (typeof operatingModelIds)[number];

export interface OperatingModel {
  id: OperatingModelId;
  name: string;
  /** Vorteile, verbatim from the seed. */
  vorteile: readonly string[];
  /** Nachteile, verbatim from the seed. */
  nachteile: readonly string[];
}

export const operatingModels: readonly OperatingModel[] = [
  {
    id: "kitu_beitritt",
    name: "KITU-Beitritt Land",
    vorteile: ["kurzfristig umsetzbar", "Nutzung etablierter Strukturen"],
    nachteile: [
      "keine Flächendeckung, da nur 60 % der Kommunen erreicht werden",
      "zu geringe Einflussmöglichkeit → ST ist nur einer von vielen Genossen",
    ],
  },
  {
    id: "ggmbh",
    name: "Gründung gGmbH",
    vorteile: [
      "mgLw, kurzfristig umsetzbar",
      "weitere Gesellschafter möglich (KITU, DP, etc.) → Nutzung etablierter Strukturen",
    ],
    nachteile: [
      "hauptamtliche Geschäftsführung + ggf. weiteres Personal nötig",
      "keine Abordnung von Landes- oder Kommunalpersonal möglich",
    ],
  },
  {
    id: "landes_aoer",
    name: "Errichtung Landes-AöR",
    vorteile: [
      "kurzfristige Beistellung von Personal aus Land + Kommunen per Abordnung möglich („Training on the Job“)",
      "Geschäftsführung könnte ehrenamtlich erfolgen",
    ],
    nachteile: ["Gesetzgebungsverfahren notwendig (Dauer mind. 6 Monate)"],
  },
];

export interface Criterion {
  id: string;
  label: string;
  /** Relative weight, ≥ 0; weights need not add up to 100. */
  weight: number;
  /** What a high score means (German). */
  description?: string;
}

/** Default criteria (weights sum to 100); the state PMO adjusts them. Scores: 0 = ungünstig … 5 = sehr günstig. */
export const defaultCriteria: readonly Criterion[] = [
  {
    id: "umsetzungsdauer",
    label: "Umsetzungsdauer",
    weight: 25,
    description: "5 = sehr schnell arbeitsfähig",
  },
  {
    id: "flaechendeckung",
    label: "Flächendeckung",
    weight: 20,
    description: "5 = alle Kommunen können die Dienste inhouse beziehen",
  },
  {
    id: "einfluss_land",
    label: "Einflussmöglichkeit des Landes",
    weight: 20,
    description: "5 = das Land kann maßgeblich steuern",
  },
  {
    id: "personalgewinnung",
    label: "Personalgewinnung",
    weight: 15,
    description: "5 = Personal kurzfristig verfügbar (z. B. Abordnung)",
  },
  {
    id: "laufende_kosten",
    label: "laufende Kosten",
    weight: 10,
    description: "5 = sehr geringe laufende Kosten",
  },
  {
    id: "rechtssicherheit",
    label: "Rechtssicherheit",
    weight: 10,
    description: "5 = rechtlich gesichert, kaum Risiko",
  },
];

export const MIN_SCORE = 0;
export const MAX_SCORE = 5;

/** Scores per model id and criterion id, each 0–5. */
export type ModelScores = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface ModelResult {
  modelId: string;
  name: string;
  /** Weighted mean score, 0–5. */
  total: number;
  /** Σ weight × score. */
  weightedSum: number;
  /** 1 = best; equal totals share a rank (1, 1, 3). */
  rank: number;
  perCriterion: { criterionId: string; score: number; weighted: number }[];
}

export type ScoringResult = { ok: true; results: ModelResult[] } | { ok: false; errors: string[] };

const EPSILON = 1e-9;

/**
 * Weighted totals and ranking of operating models. Every model needs a score for every criterion. Results are
 * sorted best first; ties keep the order of `models`.
 */
export function scoreOperatingModels(
  criteria: readonly Criterion[],
  scores: ModelScores,
  models: readonly Pick<OperatingModel, "id" | "name">[] = operatingModels,
): ScoringResult {
  const errors: string[] = [];
  if (criteria.length === 0) errors.push("Mindestens ein Kriterium ist nötig.");
  const ids = new Set<string>();
  for (const c of criteria) {
    const label = c.label || c.id;
    if (c.id.trim() === "") errors.push("Ein Kriterium hat keine ID.");
    else if (ids.has(c.id)) errors.push(`Kriterium »${label}« ist doppelt.`);
    ids.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight < 0)
      errors.push(`Gewicht von »${label}« muss eine Zahl ≥ 0 sein.`);
  }
  const weightSum = criteria.reduce(
    (s, c) => s + (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0),
    0,
  );
  if (criteria.length > 0 && weightSum <= 0) errors.push("Die Summe der Gewichte muss größer als 0 sein.");

  const uniqueCriteria = criteria.filter((c, i) => criteria.findIndex((d) => d.id === c.id) === i);
  const modelIds = new Set<string>(models.map((m) => m.id));
  for (const id of Object.keys(scores))
    if (!modelIds.has(id)) errors.push(`Bewertung für unbekanntes Betriebsmodell »${id}«.`);
  for (const m of models) {
    const row = scores[m.id];
    if (!row) {
      errors.push(`Für »${m.name}« fehlen die Bewertungen.`);
      continue;
    }
    for (const key of Object.keys(row))
      if (!ids.has(key)) errors.push(`»${m.name}«: Bewertung für unbekanntes Kriterium »${key}«.`);
    for (const c of uniqueCriteria) {
      const v = row[c.id];
      if (v === undefined) errors.push(`»${m.name}«: Bewertung für »${c.label || c.id}« fehlt.`);
      else if (!Number.isFinite(v) || v < MIN_SCORE || v > MAX_SCORE)
        errors.push(`»${m.name}«: Bewertung für »${c.label || c.id}« muss zwischen 0 und 5 liegen.`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const unsorted = models.map((m, index) => {
    const perCriterion = criteria.map((c) => {
      const score = scores[m.id]![c.id]!;
      return { criterionId: c.id, score, weighted: c.weight * score };
    });
    const weightedSum = perCriterion.reduce((s, x) => s + x.weighted, 0);
    return { index, modelId: m.id, name: m.name, weightedSum, total: weightedSum / weightSum, perCriterion };
  });
  const sorted = [...unsorted].sort((a, b) =>
    Math.abs(a.total - b.total) > EPSILON ? b.total - a.total : a.index - b.index,
  );
  const results: ModelResult[] = [];
  sorted.forEach((r, i) => {
    const prev = results[i - 1];
    const rank = prev && Math.abs(prev.total - r.total) <= EPSILON ? prev.rank : i + 1;
    results.push({
      modelId: r.modelId,
      name: r.name,
      total: r.total,
      weightedSum: r.weightedSum,
      rank,
      perCriterion: r.perCriterion,
    });
  });
  return { ok: true, results };
}
