// Project steering (issue 17): status reports with an Ampel per dimension, and the risk register with probability ×
// impact. Code lists, German labels, the rules (when a report is due, when a risk is critical) and the input schemas.
import { z } from "zod";
import { isoDate } from "./dates.ts";

export const AMPEL = ["green", "yellow", "red"] as const;
export type Ampel = (typeof AMPEL)[number];
export const AMPEL_LABELS: Readonly<Record<Ampel, string>> = { green: "grün", yellow: "gelb", red: "rot" };

/** The four things a status report judges (the seed's PM-Koffer: Termine, Kosten, Qualität/Umfang, Ressourcen). */
export const AMPEL_DIMENSIONS = ["schedule", "cost", "quality", "resources"] as const;
export type AmpelDimension = (typeof AMPEL_DIMENSIONS)[number];
export const AMPEL_DIMENSION_LABELS: Readonly<Record<AmpelDimension, string>> = {
  schedule: "Termine",
  cost: "Kosten",
  quality: "Qualität/Umfang",
  resources: "Ressourcen",
};

/** The worst of a report's four lights: what the project's overall state is shown as. */
export function overallAmpel(report: Readonly<Record<AmpelDimension, Ampel>>): Ampel {
  const lights = AMPEL_DIMENSIONS.map((d) => report[d]);
  return lights.includes("red") ? "red" : lights.includes("yellow") ? "yellow" : "green";
}

/** Unless the PMO sets another rhythm for a project, a running project reports every four weeks. */
export const DEFAULT_REPORT_EVERY_WEEKS = 4;
/** The rhythms the PMO chooses from. */
export const REPORT_RHYTHMS = [1, 2, 4, 6, 8, 12] as const;

export function rhythmText(weeks: number): string {
  return weeks === 1 ? "jede Woche" : `alle ${weeks} Wochen`;
}

export const reportRhythmInput = z.object({
  projectId: z.uuid(),
  /** Weeks between reports; null returns to the default. */
  weeks: z
    .number()
    .int()
    .min(1, "Bitte einen Rhythmus zwischen 1 und 26 Wochen wählen.")
    .max(26, "Bitte einen Rhythmus zwischen 1 und 26 Wochen wählen.")
    .nullable(),
});

/**
 * The day a project's next status report is due: a rhythm after the last report, or after the project's start when
 * there is none yet. A report is missing when that day has passed.
 */
export function nextReportDue(lastReportedOn: string | null, startDate: string, everyWeeks: number): string {
  const from = new Date(`${lastReportedOn ?? startDate}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() + everyWeeks * 7);
  return from.toISOString().slice(0, 10);
}

export const RISK_STATUSES = ["open", "in_treatment", "closed"] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];
export const RISK_STATUS_LABELS: Readonly<Record<RiskStatus, string>> = {
  open: "offen",
  in_treatment: "in Behandlung",
  closed: "erledigt",
};

/** Probability and impact on a scale of 1 (sehr gering) to 5 (sehr hoch). */
export const RISK_SCALE = [1, 2, 3, 4, 5] as const;
export const RISK_SCALE_LABELS: Readonly<Record<number, string>> = {
  1: "sehr gering",
  2: "gering",
  3: "mittel",
  4: "hoch",
  5: "sehr hoch",
};

export type RiskLevel = "low" | "medium" | "critical";
export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, string>> = {
  low: "gering",
  medium: "mittel",
  critical: "kritisch",
};

/** Probability × impact from which a risk is critical (and shows on the leadership's start page). */
export const CRITICAL_RISK_SCORE = 15;

/** The risk matrix: probability × impact ≥ 15 is critical, ≥ 6 medium, below low. */
export function riskLevel(probability: number, impact: number): RiskLevel {
  const score = probability * impact;
  return score >= CRITICAL_RISK_SCORE ? "critical" : score >= 6 ? "medium" : "low";
}

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} darf höchstens ${max.toLocaleString("de-DE")} Zeichen lang sein.`)
    .default("");

export const statusReportInput = z.object({
  projectId: z.uuid(),
  reportedOn: isoDate,
  schedule: z.enum(AMPEL, "Bitte eine Ampel für die Termine wählen."),
  cost: z.enum(AMPEL, "Bitte eine Ampel für die Kosten wählen."),
  quality: z.enum(AMPEL, "Bitte eine Ampel für Qualität/Umfang wählen."),
  resources: z.enum(AMPEL, "Bitte eine Ampel für die Ressourcen wählen."),
  summary: z
    .string()
    .trim()
    .min(3, "Bitte den Stand in ein paar Worten zusammenfassen.")
    .max(4000, "Die Zusammenfassung darf höchstens 4.000 Zeichen lang sein."),
  nextSteps: text(4000, "Die nächsten Schritte"),
  decisionsNeeded: text(4000, "Der Entscheidungsbedarf"),
});

const scale = (what: string) =>
  z
    .number(`Bitte ${what} von 1 bis 5 wählen.`)
    .int(`Bitte ${what} von 1 bis 5 wählen.`)
    .min(1, `Bitte ${what} von 1 bis 5 wählen.`)
    .max(5, `Bitte ${what} von 1 bis 5 wählen.`);

export const riskFields = z.object({
  title: z
    .string()
    .trim()
    .min(3, "Bitte das Risiko mit mindestens 3 Zeichen benennen.")
    .max(200, "Der Titel darf höchstens 200 Zeichen lang sein."),
  description: text(4000, "Die Beschreibung"),
  probability: scale("die Eintrittswahrscheinlichkeit"),
  impact: scale("die Auswirkung"),
  ownerName: text(200, "Der Name der verantwortlichen Person"),
  treatment: text(4000, "Die Behandlung"),
  /** The maturity measure that treats the risk (one of the Kommune's), or none. */
  measureId: z
    .uuid("Bitte eine Maßnahme aus der Liste wählen.")
    .nullish()
    .transform((v) => v ?? null),
  status: z.enum(RISK_STATUSES, "Bitte einen Status wählen.").default("open"),
});
export const riskInput = riskFields.extend({ projectId: z.uuid() });
/** A risk of a strategy (e.g. an org unit's): kept by the CDO/PMO, treated by the unit's measures. */
export const strategyRiskInput = riskFields.extend({ strategyId: z.uuid() });
export const riskUpdateInput = riskFields.extend({ id: z.uuid() });
